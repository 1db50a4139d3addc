"""Exact additive explanations from the models' own term scores.

An EBM's logit IS its intercept plus one score per term (ONNX output ``<head>_scores``), so
a contribution needs no sampling: a main-effect term belongs to its feature; a pair term is
split equally between its two features (for EBM's purified, zero-mean pairs this equal
split is the pair's Shapley value); in the response model a pair "option x feature"
belongs wholly to the feature, and the option's own main effect joins the intercept in
the base value (the question asked fixes the option, the case supplies the evidence).
Hence ``base_value + sum(contributions) = logit`` exactly, and the float32 rounding left
over is reported as ``additivity_error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from models_onnx.manifest import Head
from models_onnx.prediction import Contribution, Explanation

TOP_CONTRIBUTIONS = 5


@dataclass(frozen=True)
class TermAllocation:
    """How each term's score is shared among features, and which terms form the base."""

    matrix: npt.NDArray[np.float64]  # (terms, features)
    base: npt.NDArray[np.float64]  # (terms,) 1 for terms that belong to the base value
    intercept: float


def allocate_terms(head: Head, n_features: int, option_column: int | None = None) -> TermAllocation:
    matrix = np.zeros((len(head.terms), n_features), dtype=np.float64)
    base = np.zeros(len(head.terms), dtype=np.float64)
    for t, term in enumerate(head.terms):
        columns = [c for c in term.columns if c != option_column]
        if not columns:
            base[t] = 1.0
        for column in columns:
            matrix[t, column] += 1.0 / len(columns)
    return TermAllocation(matrix=matrix, base=base, intercept=head.intercept)


def feature_contributions(
    scores: npt.NDArray[np.floating], allocation: TermAllocation
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(base values (k,), contributions (k, features)) for k rows of term scores."""
    s = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    return allocation.intercept + s @ allocation.base, s @ allocation.matrix


def explain(
    scores: npt.NDArray[np.floating],
    logits: npt.NDArray[np.floating],
    allocation: TermAllocation,
    values: npt.NDArray[np.floating],
    names: Sequence[str],
    labels: Sequence[str],
    top: int = TOP_CONTRIBUTIONS,
) -> list[Explanation]:
    """One explanation per row of ``scores`` (all rows describe the same case ``values``)."""
    bases, contributions = feature_contributions(scores, allocation)
    logit_values = np.atleast_1d(np.asarray(logits, dtype=np.float64))
    errors = np.abs(bases + contributions.sum(axis=1) - logit_values)
    explanations = []
    for row in range(contributions.shape[0]):
        c = contributions[row]
        order = np.argsort(-np.abs(c), kind="stable")[:top]
        shown = [i for i in order if c[i] != 0.0]
        items = tuple(
            Contribution(
                feature=names[i],
                label=labels[i],
                value=None if np.isnan(values[i]) else float(values[i]),
                contribution=float(c[i]),
                direction="raises" if c[i] > 0 else "lowers",
            )
            for i in shown
        )
        rest = float(c.sum() - c[shown].sum())
        explanations.append(Explanation(
            base_value=float(bases[row]), logit=float(logit_values[row]), contributions=items,
            other_contributions=rest, additivity_error=float(errors[row]),
        ))
    return explanations
