"""Questionnaire scales and the scores built on them (NRS, BPI, DN4, LANSS, PMI, IMMPACT)."""
