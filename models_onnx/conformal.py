"""Split-conformal answer sets for the mechanism questions (thresholds: training/calibrate.py).

For "is mechanism M present?" the set holds each answer whose score 1 - p(answer) is at
most the calibrated threshold q: "present" when p >= 1 - q, "absent" when p <= q. Both
answers means the model cannot tell at the stated coverage; no answer (possible when
q < 0.5) means neither answer is typical of calibration cases with that probability.
"""

from __future__ import annotations

PRESENT = "present"
ABSENT = "absent"


def prediction_set(probability: float, threshold: float) -> tuple[str, ...]:
    """The conformal answer set of one mechanism question."""
    answers: list[str] = []
    if 1.0 - probability <= threshold:
        answers.append(PRESENT)
    if probability <= threshold:
        answers.append(ABSENT)
    return tuple(answers)
