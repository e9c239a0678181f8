"""Leads: the intake questionnaire and application flow, exports and statistics."""
