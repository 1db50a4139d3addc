"""Training to prediction: one quick training run per session, ONNX against interpret,
exact contributions, conformal sets, OOD and the card."""

from __future__ import annotations

import math

import numpy as np
import onnxruntime as ort
import pytest

from desktop.domain.errors import InvalidInput
from models_onnx.card import evaluate, render_card
from models_onnx.explanation import allocate_terms, feature_contributions
from models_onnx.features import FEATURE_NAMES, MECHANISMS, TREATMENT_OPTIONS, extract_features
from models_onnx.inference import Predictor, verify
from models_onnx.signing import development_public_key
from models_onnx.training.build import train
from models_onnx.training.cohort import generate_cohort, write_records
from models_onnx.training.export import check_against_ebm, compile_heads, run_heads
from models_onnx.training.records import to_training_data
from models_onnx.training.train_response import (
    OPTION_COLUMN,
    RESPONSE_COLUMNS,
    all_options_design,
    fit_response_model,
    response_design,
)
from models_onnx.training.train_subtype import EbmSettings, fit_subtype_models
from tests.unit.test_models_features import example

DEV_KEY = development_public_key()
SMALL = EbmSettings(outer_bags=1, interactions=3, max_rounds=500, n_jobs=1,
                    min_pair_importance=0.0)


@pytest.fixture(scope="module")
def quick_bundle(tmp_path_factory):
    messages: list[str] = []
    path = train(tmp_path_factory.mktemp("models") / "quick", quick=True,
                 created="2026-01-01T00:00:00+00:00", progress=messages.append)
    assert messages[-1].startswith("done in")
    return path


@pytest.fixture(scope="module")
def predictor(quick_bundle):
    opened = Predictor.open(quick_bundle, DEV_KEY)
    opened.warm()
    return opened


@pytest.fixture(scope="module")
def small_models():
    """Small EBMs with pairs and missing values, trained directly (no bundle)."""
    data = to_training_data(generate_cohort(1500, seed=9).records)
    subtype = fit_subtype_models(data.features, data.labels, seed=1, settings=SMALL)
    response = fit_response_model(data.features, data.treatment, data.responded, seed=2,
                                  settings=SMALL, pair_features=["metastases_bone", "dn4_total"])
    return data, subtype, response


def edge_rows(data) -> np.ndarray:
    rows = data.features[:200].copy()
    rows[0] = np.nan  # a case with nothing known
    rows[1, FEATURE_NAMES.index("age_years")] = 120.0  # beyond anything seen
    rows[2, FEATURE_NAMES.index("egfr")] = 0.0
    return rows


def test_onnx_equals_interpret_for_subtype_heads(small_models):
    data, subtype, _ = small_models
    heads = list(subtype.items())
    model, described = compile_heads(heads, len(FEATURE_NAMES), "subtype", data.features)
    assert any(len(t.columns) == 2 for h in described for t in h.terms)  # pairs compiled
    rows = edge_rows(data)
    assert check_against_ebm(model, heads, described, rows, tolerance=1e-5) < 1e-5
    out = run_heads(model, rows)
    for name, ebm in heads:
        expected = ebm.predict_proba(rows.astype(np.float64))[:, 1]
        assert np.abs(out[f"{name}_probability"] - expected).max() < 1e-5


def test_onnx_equals_interpret_for_all_options(small_models):
    data, _, response = small_models
    model, described = compile_heads([("response", response)], len(RESPONSE_COLUMNS),
                                     "response", response_design(data.features, data.treatment))
    rows = all_options_design(edge_rows(data)[:30])
    assert check_against_ebm(model, [("response", response)], described, rows) < 1e-5
    expected = response.predict_proba(rows.astype(np.float64))[:, 1]
    assert np.abs(run_heads(model, rows)["response_probability"] - expected).max() < 1e-5


def test_scores_sum_to_the_logit_output(small_models):
    data, subtype, _ = small_models
    heads = list(subtype.items())
    model, described = compile_heads(heads, len(FEATURE_NAMES), "subtype", data.features)
    out = run_heads(model, edge_rows(data))
    for head in described:
        total = out[head.scores_output].astype(np.float64).sum(axis=1) + head.intercept
        assert np.abs(total - out[head.logit_output]).max() < 1e-5
        p = out[head.probability_output].astype(np.float64)
        assert np.abs(1 / (1 + np.exp(-out[head.logit_output])) - p).max() < 1e-6


def exact_shapley(run, terms, x, background):
    """Brute-force interventional Shapley values of a main+pair additive head for one case
    against a background: term scores on hybrid rows (the case's value in one column, the
    background's elsewhere). Slow and obviously right; the reference for the fast ones."""
    phi = np.zeros(len(x))
    scores_x, scores_b = run(x[None])[0], run(background)
    hybrid = {}
    for columns in terms:
        for c in columns if len(columns) == 2 else ():
            if c not in hybrid:
                rows = background.copy()
                rows[:, c] = x[c]
                hybrid[c] = run(rows)
    for t, columns in enumerate(terms):
        if len(columns) == 1:
            phi[columns[0]] += scores_x[t] - scores_b[:, t].mean()
            continue
        i, j = columns
        s_x, s_b, s_xi, s_xj = scores_x[t], scores_b[:, t], hybrid[i][:, t], hybrid[j][:, t]
        phi[i] += 0.5 * ((s_xi - s_b) + (s_x - s_xj)).mean()
        phi[j] += 0.5 * ((s_xj - s_b) + (s_x - s_xi)).mean()
    return phi


def scores_of(model_bytes, output):
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    return lambda rows: session.run([output], {"features": rows.astype(np.float32)})[0].astype(
        np.float64)


def test_subtype_contributions_are_exact_interventional_shapley_values(small_models):
    data, subtype, _ = small_models
    reference = data.features[:400]  # the training rows the explanations refer to
    model, described = compile_heads(list(subtype.items()), len(FEATURE_NAMES), "subtype",
                                     reference)
    rows = edge_rows(data)[:4]
    out = run_heads(model, rows)
    assert any(h.pair_margins_output for h in described)
    for head in described:
        allocation = allocate_terms(head, len(FEATURE_NAMES))
        _, fast = feature_contributions(out[head.scores_output], out[head.pair_margins_output],
                                        allocation)
        run = scores_of(model, head.scores_output)
        terms = [t.columns for t in head.terms]
        for row, x in enumerate(rows):
            brute = exact_shapley(run, terms, x.astype(np.float64), reference.astype(np.float64))
            assert np.abs(fast[row] - brute).max() < 1e-5


def test_response_contributions_are_exact_with_the_option_fixed(small_models):
    data, _, response = small_models
    reference = response_design(data.features, data.treatment)[:400]
    model, (head,) = compile_heads([("response", response)], len(RESPONSE_COLUMNS), "response",
                                   reference)
    allocation = allocate_terms(head, len(FEATURE_NAMES), option_column=OPTION_COLUMN)
    terms = [t.columns for t in head.terms]
    x = all_options_design(edge_rows(data)[3:4])[TREATMENT_OPTIONS.index("gabapentinoid")]
    out = run_heads(model, x[None])
    _, fast = feature_contributions(out["response_scores"], out["response_pair_margins"],
                                    allocation)
    background = reference.astype(np.float64).copy()
    background[:, OPTION_COLUMN] = x[OPTION_COLUMN]  # the option is the question, not a player
    brute = exact_shapley(scores_of(model, "response_scores"), terms, x.astype(np.float64),
                          background)
    assert np.abs(fast[0] - brute[:-1]).max() < 1e-5
    assert abs(brute[-1]) < 1e-9


def test_quick_bundle_verifies(quick_bundle):
    verify(quick_bundle, DEV_KEY)


def test_prediction_has_every_output(predictor):
    prediction = predictor.predict(example())
    assert prediction.model_name == "painbridge-synthetic-cancer-pain"
    assert prediction.model_version == "0.1.0-quick"
    assert [m.mechanism for m in prediction.mechanisms] == list(MECHANISMS)
    assert [o.option for o in prediction.options] == list(TREATMENT_OPTIONS)
    for mechanism in prediction.mechanisms:
        assert 0 <= mechanism.probability <= 1
        assert set(mechanism.prediction_set) <= {"present", "absent"}
        assert mechanism.coverage == pytest.approx(0.9)
        assert 1 <= len(mechanism.explanation.contributions) <= 5
    assert all(0 <= o.probability <= 1 for o in prediction.options)
    assert prediction.ood.threshold > 0 and math.isfinite(prediction.ood.score)
    assert prediction.ranked_options()[0].probability == max(
        o.probability for o in prediction.options)


def test_contributions_add_up_to_each_output(predictor):
    prediction = predictor.predict(example(), top=81)
    explained = [m.explanation for m in prediction.mechanisms] + [
        o.explanation for o in prediction.options]
    probabilities = [m.probability for m in prediction.mechanisms] + [
        o.probability for o in prediction.options]
    for explanation, probability in zip(explained, probabilities, strict=True):
        shown = sum(c.contribution for c in explanation.contributions)
        total = explanation.base_value + shown + explanation.other_contributions
        assert total == pytest.approx(explanation.logit, abs=1e-5)
        assert explanation.additivity_error < 1e-5
        assert 1 / (1 + math.exp(-explanation.logit)) == pytest.approx(probability, abs=1e-6)
        sizes = [abs(c.contribution) for c in explanation.contributions]
        assert sizes == sorted(sizes, reverse=True)
        assert all((c.contribution > 0) == (c.direction == "raises")
                   for c in explanation.contributions)


def test_single_and_batch_scoring_agree(predictor):
    cases = [r["case"] for r in generate_cohort(20, seed=77).records]
    batch = predictor.score_batch(np.stack([extract_features(c) for c in cases]))
    for row, case in enumerate(cases):
        one = predictor.predict(case)
        assert np.allclose([m.probability for m in one.mechanisms], batch.mechanisms[row],
                           atol=1e-6)
        assert np.allclose([o.probability for o in one.options], batch.options[row], atol=1e-6)


def test_shifted_site_is_flagged_more_often_than_the_reference(predictor):
    reference = to_training_data(generate_cohort(300, seed=501).records).features
    shifted = to_training_data(generate_cohort(300, seed=502, site="shifted").records).features
    threshold = predictor.bundle.manifest.ood.threshold
    assert (predictor.ood_distances(shifted) > threshold).mean() > (
        predictor.ood_distances(reference) > threshold).mean()


def test_unusual_case_names_offending_features(predictor):
    case = example()
    case["medications"] = [{"drug": "morphine", "daily_dose_mg": 5000}]
    result = predictor.predict(case).ood
    assert result.out_of_distribution
    assert "medd_mg" in [f.feature for f in result.offending_features]


def test_manifest_metrics_and_card(quick_bundle, predictor):
    manifest = predictor.bundle.manifest
    assert manifest.training_data.source == "synthetic"
    assert "not clinically validated" in manifest.intended_use
    assert any("SYNTHETIC" in text for text in manifest.limitations)
    assert {g.name for g in manifest.metrics.goals} >= {
        "neuropathic AUROC gain over DN4 >= 4", "policy value gain over WHO ladder"}
    card = render_card(quick_bundle, trusted_key=DEV_KEY)
    assert "NOT FOR CLINICAL USE" in card and "synthetic cohort" in card
    assert "Signature: verified" in card
    table = evaluate(quick_bundle)
    assert "Signature: NOT CHECKED" in table and "Policy value" in table


def test_training_from_records_files(tmp_path):
    """The hub's path: a JSON Lines file of records, no potential outcomes, no shift site."""
    records = tmp_path / "records.jsonl"
    write_records(generate_cohort(400, seed=31).records, records)
    path = train(tmp_path / "from-records", cases_path=records, quick=True,
                 version="1.0.0-test")
    manifest = Predictor.open(path, DEV_KEY).bundle.manifest
    assert manifest.training_data.source == "records"
    assert "records.jsonl" in manifest.training_data.description
    assert manifest.metrics.policy is None and manifest.metrics.shift is None
    assert all(r.auroc_potential_outcomes is None for r in manifest.metrics.response)


def test_too_few_records_is_a_clear_error(tmp_path):
    records = tmp_path / "few.jsonl"
    write_records(generate_cohort(20, seed=32).records, records)
    with pytest.raises(InvalidInput, match=r"few\.jsonl: must contain at least 200 records"):
        train(tmp_path / "never", cases_path=records, quick=True)
    assert not (tmp_path / "never").exists()
