"""Exact explanations: interventional Shapley values computed from the models' own terms.

An EBM head's logit IS its intercept plus one score per term (ONNX output
``<head>_scores``), and every term involves one or two features, so Shapley values need no
sampling. With the training rows as the reference distribution (the "interventional"
definition: features outside a coalition take their values from a training row):

- a main effect ``s(x_i)`` gives feature i ``s(x_i) - E s`` (``Term.expected``, the mean
  over the training data, joins the base value; EBM centres most terms, so it is near 0);
- a pair ``f(x_i, x_j)`` gives feature i
  ``(E_b f(x_i, b_j) - E f) / 2 + (f(x_i, x_j) - E_b f(b_i, x_j)) / 2`` and feature j the
  mirror image, where ``E_b`` averages over the training distribution of the other feature
  (ONNX output ``<head>_pair_margins``) and ``E f``, the pair's mean over the training rows
  (``Term.expected``), joins the base value;
- in the response model the option is the question, not evidence: its main effect joins the
  base value, and an option x feature pair gives the feature
  ``f(option, x_j) - E_b f(option, b_j)`` with the expectation in the base value.

Hence ``base_value + sum(contributions) = logit`` exactly; the float32 rounding left over
is reported as ``additivity_error`` (about 1e-7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from models_onnx.manifest import Head
from models_onnx.prediction import Contribution, Explanation

TOP_CONTRIBUTIONS = 5
Float64Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class TermAllocation:
    """Linear maps from term scores and pair margins to contributions and base value:

    contributions = scores @ from_scores + first @ from_first + second @ from_second + constant
    base          = intercept + scores @ base_scores + first @ base_first
                    + second @ base_second + base_constant

    ``first`` is E_b f(x_a, b_b) (margin over the pair's second feature), ``second`` is
    E_b f(b_a, x_b) (margin over the first feature), one column per pair term.
    """

    from_scores: Float64Array  # (terms, features)
    from_first: Float64Array  # (pairs, features)
    from_second: Float64Array  # (pairs, features)
    constant: Float64Array  # (features,)
    base_scores: Float64Array  # (terms,)
    base_first: Float64Array  # (pairs,)
    base_second: Float64Array  # (pairs,)
    base_constant: float


def allocate_terms(head: Head, n_features: int, option_column: int | None = None) -> TermAllocation:
    """The allocation of one head; ``option_column`` is the response model's option input."""
    n_terms = len(head.terms)
    n_pairs = sum(len(t.columns) == 2 for t in head.terms)
    from_scores = np.zeros((n_terms, n_features))
    from_first, from_second = np.zeros((n_pairs, n_features)), np.zeros((n_pairs, n_features))
    constant = np.zeros(n_features)
    base_scores, base_first, base_second = np.zeros(n_terms), np.zeros(n_pairs), np.zeros(n_pairs)
    base_constant = head.intercept
    pair = 0
    for t, term in enumerate(head.terms):
        expected = term.expected or 0.0
        if len(term.columns) == 1:
            if term.columns[0] == option_column:
                base_scores[t] = 1.0
            else:
                from_scores[t, term.columns[0]] = 1.0
                constant[term.columns[0]] -= expected
                base_constant += expected
            continue
        a, b = term.columns
        if a == option_column:  # the option is fixed: all to b, E over b to the base
            from_scores[t, b], from_first[pair, b], base_first[pair] = 1.0, -1.0, 1.0
        elif b == option_column:
            from_scores[t, a], from_second[pair, a], base_second[pair] = 1.0, -1.0, 1.0
        else:
            from_scores[t, a] = from_scores[t, b] = 0.5
            from_first[pair, a], from_first[pair, b] = 0.5, -0.5
            from_second[pair, a], from_second[pair, b] = -0.5, 0.5
            constant[a] -= expected / 2
            constant[b] -= expected / 2
            base_constant += expected
        pair += 1
    return TermAllocation(from_scores, from_first, from_second, constant, base_scores,
                          base_first, base_second, base_constant)


def feature_contributions(
    scores: npt.NDArray[np.floating],
    margins: npt.NDArray[np.floating] | None,
    allocation: TermAllocation,
) -> tuple[Float64Array, Float64Array]:
    """(base values (k,), contributions (k, features)) for k rows of one head's outputs."""
    s = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    contributions = s @ allocation.from_scores + allocation.constant
    bases = allocation.base_constant + s @ allocation.base_scores
    if margins is not None and allocation.from_first.shape[0]:
        m = np.asarray(margins, dtype=np.float64).reshape(len(s), -1, 2)
        first, second = m[:, :, 0], m[:, :, 1]
        contributions += first @ allocation.from_first + second @ allocation.from_second
        bases += first @ allocation.base_first + second @ allocation.base_second
    return bases, contributions


def explain(
    scores: npt.NDArray[np.floating],
    margins: npt.NDArray[np.floating] | None,
    logits: npt.NDArray[np.floating],
    allocation: TermAllocation,
    values: Sequence[float | None],
    names: Sequence[str],
    labels: Sequence[str],
    top: int = TOP_CONTRIBUTIONS,
) -> list[Explanation]:
    """One explanation per row of ``scores``; all rows describe the same case, whose feature
    values (None when missing) are ``values``."""
    bases, contributions = feature_contributions(scores, margins, allocation)
    logit_values = np.atleast_1d(np.asarray(logits, dtype=np.float64))
    totals = contributions.sum(axis=1)
    errors = np.abs(bases + totals - logit_values)
    orders = np.argsort(-np.abs(contributions), axis=1, kind="stable")[:, :top]
    chosen = np.take_along_axis(contributions, orders, axis=1)
    explanations = []
    for row, (order, picked) in enumerate(zip(orders.tolist(), chosen.tolist(), strict=True)):
        items = tuple(
            Contribution(feature=names[i], label=labels[i], value=values[i],
                         contribution=c, direction="raises" if c > 0 else "lowers")
            for i, c in zip(order, picked, strict=True)
            if c != 0.0
        )
        explanations.append(Explanation(
            base_value=float(bases[row]), logit=float(logit_values[row]), contributions=items,
            other_contributions=float(totals[row] - sum(picked)),
            additivity_error=float(errors[row]),
        ))
    return explanations
