"""Helpers several rules share (index coverage, names, grammatical number)."""
