"""Talents' free questions answered from the FAQ and program pages, offline, in id and en."""
