"""Conformal sets, OOD scoring and exact explanations on small hand-made inputs."""

from __future__ import annotations

import numpy as np
import pytest

from models_onnx.conformal import prediction_set
from models_onnx.explanation import allocate_terms, explain
from models_onnx.features import FEATURE_NAMES
from models_onnx.manifest import Head, Term
from models_onnx.ood import OodScorer
from models_onnx.training.calibrate import (
    conformal_threshold,
    fit_ood_reference,
    missing_groups,
)


@pytest.mark.parametrize(
    ("probability", "threshold", "answers"),
    [
        (0.95, 0.2, ("present",)),
        (0.05, 0.2, ("absent",)),
        (0.5, 0.2, ()),
        (0.5, 0.6, ("present", "absent")),
        (0.75, 0.3, ("present",)),
    ],
)
def test_prediction_sets(probability, threshold, answers):
    assert prediction_set(probability, threshold) == answers


def test_split_conformal_coverage_holds_on_exchangeable_data():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=40_000)
    y = (rng.uniform(size=p.size) < p).astype(float)
    q = conformal_threshold(p[:4000], y[:4000], 0.9)
    covered = [
        ("present" if v else "absent") in prediction_set(pp, q)
        for pp, v in zip(p[4000:], y[4000:], strict=True)
    ]
    assert 0.89 <= np.mean(covered) <= 0.92


def test_unlabelled_calibration_rows_are_ignored():
    p = np.array([0.9, 0.8, 0.2, 0.5])
    y = np.array([1.0, np.nan, 0.0, np.nan])
    assert conformal_threshold(p, y, 0.5) == pytest.approx(0.2)


def test_every_feature_is_in_one_missing_group():
    names = [n for group in missing_groups().values() for n in group]
    assert sorted(names) == sorted(FEATURE_NAMES)


@pytest.fixture(scope="module")
def scorer():
    rng = np.random.default_rng(1)
    x = rng.normal(50, 5, size=(3000, len(FEATURE_NAMES))).astype(np.float32)
    x[rng.uniform(size=x.shape) < 0.1] = np.nan
    return OodScorer(fit_ood_reference(x[:2000], x[2000:]))


def test_ood_threshold_gives_about_five_percent_false_alarms(scorer):
    rng = np.random.default_rng(2)
    x = rng.normal(50, 5, size=(4000, len(FEATURE_NAMES)))
    x[rng.uniform(size=x.shape) < 0.1] = np.nan
    rate = (scorer.distances(x) > scorer.reference.threshold).mean()
    assert 0.02 < rate < 0.09


def test_far_case_is_flagged_with_the_offending_feature(scorer):
    x = np.full(len(FEATURE_NAMES), 50.0)
    x[3] = 200.0
    result = scorer.assess(x)
    assert result.out_of_distribution and result.score > result.threshold
    assert result.offending_features[0].feature == FEATURE_NAMES[3]
    assert "outside the training range" in result.offending_features[0].reason
    assert not scorer.assess(np.full(len(FEATURE_NAMES), 50.0)).out_of_distribution


def test_clinic_alarm_needs_a_full_batch_and_names_what_moved(scorer):
    size = scorer.reference.batch_size
    rng = np.random.default_rng(3)
    rows = rng.normal(50, 5, size=(size, len(FEATURE_NAMES)))
    rows[rng.uniform(size=rows.shape) < 0.1] = np.nan  # missing like the training rows
    ordinary = list(rows)
    assert scorer.clinic_shift(ordinary[:-1]) is None
    assert not scorer.clinic_shift(ordinary).shifted
    moved = [row.copy() for row in ordinary]
    for row in moved:
        row[7] += 10.0  # every case of this clinic two standard deviations higher
    result = scorer.clinic_shift(moved)
    assert result.shifted and result.score > result.threshold
    assert result.drivers[0] == FEATURE_NAMES[7]


def test_explanation_is_the_interventional_shapley_value_and_adds_up():
    head = Head(
        name="h", intercept=-0.5,
        terms=(Term(name="a", columns=(0,)), Term(name="b", columns=(1,)),
               Term(name="a & b", columns=(0, 1), expected=0.1),
               Term(name="option", columns=(3,)),
               Term(name="option & b", columns=(3, 1), expected=0.2)),
        probability_output="p", logit_output="l", scores_output="s", pair_margins_output="m",
    )
    allocation = allocate_terms(head, n_features=3, option_column=3)
    scores = np.array([[0.4, -0.2, 0.3, 1.0, 0.5]])
    # per pair: E over the second feature at this case's first, E over the first at the second
    margins = np.array([[[0.25, 0.05], [0.2, 0.7]]])
    logit = np.array([-0.5 + scores.sum()])
    (explanation,) = explain(scores, margins, logit, allocation, [1.0, None, 2.0],
                             ["a", "b", "c"], ["A", "B", "C"], top=2)
    # base: intercept, the option's main effect, E[a & b], E_b[option & b] at this option
    assert explanation.base_value == pytest.approx(-0.5 + 1.0 + 0.1 + 0.2)
    by_feature = {c.feature: c for c in explanation.contributions}
    pair_a = 0.5 * (0.25 - 0.1) + 0.5 * (0.3 - 0.05)
    pair_b = 0.5 * (0.05 - 0.1) + 0.5 * (0.3 - 0.25)
    assert by_feature["a"].contribution == pytest.approx(0.4 + pair_a)
    assert by_feature["b"].contribution == pytest.approx(-0.2 + pair_b + (0.5 - 0.2))
    assert by_feature["b"].value is None and by_feature["a"].direction == "raises"
    total = explanation.base_value + sum(c.contribution for c in explanation.contributions)
    assert total + explanation.other_contributions == pytest.approx(explanation.logit)
    assert explanation.additivity_error < 1e-12


def test_pairs_need_margins_in_the_manifest():
    with pytest.raises(ValueError, match="pairs without margins"):
        Head(name="h", intercept=0.0, terms=(Term(name="a & b", columns=(0, 1)),),
             probability_output="p", logit_output="l", scores_output="s")
