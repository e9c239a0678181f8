"""Outreach: broadcasts, their audiences and the shared send budget."""
