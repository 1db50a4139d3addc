"""Synthetic cohort, training, evaluation, export.

Optional `train` extra; never imported by shipped code.
"""
