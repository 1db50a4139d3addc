"""Evaluation of a bundle on held-out data, through the shipped inference code.

Reported (docs/model-card.md explains each): subtype AUROC, calibration error and Brier
score per mechanism; the DN4 >= 4 rule alone as the neuropathic baseline; conformal
coverage; response AUROC per option against the generator's potential outcomes and against
observed outcomes; policy value (response rate if every patient got the model's top-ranked
allowed option, against the WHO ladder by severity); AUROC gaps across sex and age bands;
and the share of a shifted clinic's cases flagged out of distribution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score

from models_onnx.conformal import ABSENT, PRESENT, prediction_set
from models_onnx.features import DN4_ITEMS, FEATURE_INDEX, LANSS_WEIGHTS, MECHANISMS
from models_onnx.inference import Predictor
from models_onnx.manifest import (
    ConformalMetric,
    FairnessMetric,
    Goal,
    Metrics,
    PolicyValue,
    ResponseMetric,
    ShiftMetric,
    SubtypeMetric,
)
from models_onnx.training.calibrate import random_batches
from models_onnx.training.records import TrainingData

AGE_BANDS = ((0, 50, "under 50"), (50, 65, "50-64"), (65, 75, "65-74"), (75, 200, "75 and over"))
MIN_GROUP = 100  # smaller groups are listed but left out of the gap


@dataclass(frozen=True)
class Truth:
    """What only a simulator knows about held-out patients (None for real records)."""

    mechanisms: np.ndarray  # (n, 3)
    potential_outcomes: np.ndarray  # (n, n_options)
    response_probability: np.ndarray  # (n, n_options)


def auroc(y: np.ndarray, score: np.ndarray) -> float | None:
    known = ~np.isnan(y.astype(float))
    y, score = y[known], score[known]
    if len(np.unique(y)) < 2:
        return None
    return float(roc_auc_score(y, score))


def calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with equal-width probability bins."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            total += inside.mean() * abs(float(y[inside].mean()) - float(p[inside].mean()))
    return total


def _column(x: np.ndarray, name: str) -> np.ndarray:
    return x[:, FEATURE_INDEX[name]]


def allowed_options(x: np.ndarray, options: tuple[str, ...]) -> np.ndarray:
    """Evaluation-only safety filter (sections 9 and 10): which options a clinician could
    start. Unknown values allow the option (NaN comparisons are false)."""
    def c(name: str) -> np.ndarray:
        return _column(x, name)

    rules = {
        "nsaid": ~((c("egfr") < 30) | (c("gi_bleed_history") == 1) | (c("heart_failure") == 1)
                   | (c("on_anticoagulant") == 1) | (c("platelets") < 50)),
        "weak_opioid": ~np.isin(c("cyp2d6_phenotype"), [0.0, 3.0]),
        "methadone": ~(c("qtc_ms") >= 500),
        "tricyclic": ~((c("age_years") >= 65) | (c("heart_failure") == 1)),
        "snri_duloxetine": ~((c("creatinine_clearance") < 30) | (c("hepatic_impairment") == 1)),
        "radiotherapy_bone": c("metastases_bone") == 1,
        "opioid_rotation": c("analgesic_level") == 3,
        "intrathecal": (c("analgesic_level") == 3) & (c("nrs_worst") >= 7),
        "nerve_block": (c("site_pancreas") == 1) | (c("nerve_plexus_involvement") == 1)
        | (c("perineural_invasion") == 1),
    }
    allowed = np.ones((len(x), len(options)), dtype=bool)
    for j, option in enumerate(options):
        if option in rules:
            allowed[:, j] = rules[option]
    return allowed


def who_ladder(x: np.ndarray, options: tuple[str, ...], allowed: np.ndarray) -> np.ndarray:
    """WHO ladder by severity (section 6, NCCN bands on worst pain, average if missing):
    mild -> paracetamol, moderate -> weak opioid (strong if weak is not allowed), severe ->
    strong opioid."""
    worst = _column(x, "nrs_worst")
    worst = np.where(np.isnan(worst), _column(x, "nrs_average"), worst)
    worst = np.where(np.isnan(worst), 5, worst)
    weak = np.where(allowed[:, options.index("weak_opioid")], options.index("weak_opioid"),
                    options.index("strong_opioid"))
    return np.where(worst <= 3, options.index("paracetamol"),
                    np.where(worst <= 6, weak, options.index("strong_opioid")))


def _dn4_rule(data: TrainingData) -> np.ndarray:
    """DN4 >= 4 counting the answered items (an unasked item counts as "no")."""
    items = np.column_stack([_column(data.features, f"dn4_{i}") for i in DN4_ITEMS])
    return np.asarray(np.nansum(items, axis=1) >= 4, dtype=float)


def _lanss_rule(data: TrainingData) -> np.ndarray:
    total = np.zeros(len(data))
    for item, weight in LANSS_WEIGHTS:
        total += weight * np.nan_to_num(_column(data.features, f"lanss_{item}"))
    return np.asarray(total >= 12, dtype=float)


def subtype_metrics(truth: np.ndarray, probability: np.ndarray) -> tuple[SubtypeMetric, ...]:
    rows = []
    for j, mechanism in enumerate(MECHANISMS):
        known = ~np.isnan(truth[:, j].astype(float))
        y, p = truth[known, j].astype(float), probability[known, j]
        rows.append(SubtypeMetric(
            mechanism=mechanism, auroc=auroc(y, p), calibration_error=calibration_error(y, p),
            brier=float(np.mean((p - y) ** 2)), prevalence=float(y.mean()), n=int(known.sum()),
        ))
    return tuple(rows)


def neuropathic_baselines(data: TrainingData, truth: np.ndarray) -> dict[str, float | None]:
    neuropathic = truth[:, MECHANISMS.index("neuropathic")].astype(float)
    total = _column(data.features, "dn4_total")
    complete = ~np.isnan(total)
    return {
        "dn4_rule_auroc": auroc(neuropathic, _dn4_rule(data)),
        "dn4_total_auroc_complete_only": auroc(neuropathic[complete], total[complete]),
        "lanss_rule_auroc": auroc(neuropathic, _lanss_rule(data)),
    }


def conformal_metrics(probability: np.ndarray, labels: np.ndarray, truth: np.ndarray | None,
                      thresholds: dict[str, float], coverage: float) -> tuple[ConformalMetric, ...]:
    rows = []
    for j, mechanism in enumerate(MECHANISMS):
        sets = [prediction_set(float(p), thresholds[mechanism]) for p in probability[:, j]]

        def covered(y: np.ndarray, sets: list[tuple[str, ...]] = sets) -> float:
            known = ~np.isnan(y.astype(float))
            hits = [(PRESENT if v == 1 else ABSENT) in s
                    for v, s, k in zip(y, sets, known, strict=True) if k]
            return float(np.mean(hits))

        sizes = np.array([len(s) for s in sets])
        rows.append(ConformalMetric(
            mechanism=mechanism, nominal=coverage, coverage=covered(labels[:, j]),
            coverage_true_labels=None if truth is None else covered(truth[:, j]),
            singleton_share=float((sizes == 1).mean()), both_share=float((sizes == 2).mean()),
            empty_share=float((sizes == 0).mean()),
        ))
    return tuple(rows)


def response_metrics(data: TrainingData, scores: np.ndarray, truth: Truth | None,
                     options: tuple[str, ...]) -> tuple[ResponseMetric, ...]:
    rows = []
    for j, option in enumerate(options):
        given = (data.treatment == j) & ~np.isnan(data.responded)
        rows.append(ResponseMetric(
            option=option,
            auroc_potential_outcomes=None if truth is None
            else auroc(truth.potential_outcomes[:, j], scores[:, j]),
            auroc_oracle=None if truth is None
            else auroc(truth.potential_outcomes[:, j], truth.response_probability[:, j]),
            auroc_observed=auroc(data.responded[given], scores[given, j]) if given.any() else None,
            n_observed=int(given.sum()),
        ))
    return tuple(rows)


def policy_value(data: TrainingData, scores: np.ndarray, truth: Truth,
                 options: tuple[str, ...]) -> PolicyValue:
    allowed = allowed_options(data.features, options)
    rows = np.arange(len(scores))
    model_choice = np.argmax(np.where(allowed, scores, -np.inf), axis=1)
    oracle_choice = np.argmax(np.where(allowed, truth.response_probability, -np.inf), axis=1)
    ladder = who_ladder(data.features, options, allowed)
    outcomes = truth.potential_outcomes
    return PolicyValue(
        model=float(outcomes[rows, model_choice].mean()),
        who_ladder=float(outcomes[rows, ladder].mean()),
        clinicians=float(outcomes[rows, data.treatment].mean()),
        oracle=float(outcomes[rows, oracle_choice].mean()),
        n=len(rows),
    )


def _groupings(x: np.ndarray) -> dict[str, dict[str, np.ndarray]]:
    sex = _column(x, "sex_female")
    age = _column(x, "age_years")
    return {
        "sex": {"female": sex == 1, "male": sex == 0},
        "age band": {label: (age >= low) & (age < high) for low, high, label in AGE_BANDS},
    }


def _fairness_row(model: str, grouping: str, groups: dict[str, np.ndarray], y: np.ndarray,
                  s: np.ndarray) -> FairnessMetric:
    aurocs = {g: auroc(y[m], s[m]) if m.sum() >= MIN_GROUP else None for g, m in groups.items()}
    counts = {g: int(m.sum()) for g, m in groups.items()}
    values = [v for v in aurocs.values() if v is not None]
    gap = max(values) - min(values) if len(values) >= 2 else None
    return FairnessMetric(model=model, grouping=grouping, aurocs=aurocs, counts=counts, gap=gap)


def fairness_metrics(data: TrainingData, mech_truth: np.ndarray, mech_scores: np.ndarray,
                     option_scores: np.ndarray, truth: Truth | None) -> tuple[FairnessMetric, ...]:
    rows = []
    for grouping, groups in _groupings(data.features).items():
        for j, mechanism in enumerate(MECHANISMS):
            rows.append(_fairness_row(f"subtype: {mechanism}", grouping, groups,
                                      mech_truth[:, j].astype(float), mech_scores[:, j]))
        if truth is not None:  # pooled over options, against potential outcomes
            n_options = option_scores.shape[1]
            expanded = {g: np.repeat(m, n_options) for g, m in groups.items()}
            rows.append(_fairness_row("response (all options)", grouping, expanded,
                                      truth.potential_outcomes.ravel().astype(float),
                                      option_scores.ravel()))
    return tuple(rows)


def shift_metrics(predictor: Predictor, test: TrainingData, shifted: TrainingData,
                  shifted_truth: np.ndarray) -> ShiftMetric:
    reference = predictor.bundle.manifest.ood
    test_distances = predictor.ood_distances(test.features)
    shifted_distances = predictor.ood_distances(shifted.features)
    size = reference.batch_size
    scores = predictor.score_batch(shifted.features).mechanisms
    return ShiftMetric(
        false_alarm_rate=float((test_distances > reference.threshold).mean()),
        shifted_flag_rate=float((shifted_distances > reference.threshold).mean()),
        batch_size=size,
        batch_false_alarm_rate=float(
            (predictor.ood_batch_scores(random_batches(test.features, size, 1000, seed=1))
             > reference.batch_threshold).mean()),
        shifted_batch_flag_rate=float(
            (predictor.ood_batch_scores(random_batches(shifted.features, size, 1000, seed=2))
             > reference.batch_threshold).mean()),
        shifted_subtype_auroc={m: auroc(shifted_truth[:, j].astype(float), scores[:, j])
                               for j, m in enumerate(MECHANISMS)},
    )


def goals(metrics: Metrics) -> tuple[Goal, ...]:
    """The issue's goals, each with its measured value and whether it is met."""
    found: list[Goal] = []
    neuro = next(m for m in metrics.subtype if m.mechanism == "neuropathic")
    rule = metrics.neuropathic_baselines.get("dn4_rule_auroc")
    if neuro.auroc is not None and rule is not None:
        gain = neuro.auroc - rule
        found.append(Goal(name="neuropathic AUROC gain over DN4 >= 4", goal=">= +0.05",
                          value=gain, met=gain >= 0.05,
                          note=f"model {neuro.auroc:.3f} vs rule {rule:.3f}"))
    worst = max(metrics.conformal, key=lambda c: abs(c.coverage - c.nominal))
    found.append(Goal(name="conformal coverage (worst mechanism)", goal="nominal +/- 0.02",
                      value=worst.coverage, met=abs(worst.coverage - worst.nominal) <= 0.02,
                      note=f"{worst.mechanism}, nominal {worst.nominal:.2f}"))
    if metrics.policy is not None:
        gain = metrics.policy.model - metrics.policy.who_ladder
        found.append(Goal(name="policy value gain over WHO ladder", goal=">= +0.10",
                          value=gain, met=gain >= 0.10,
                          note=f"model {metrics.policy.model:.3f} vs ladder "
                               f"{metrics.policy.who_ladder:.3f}"))
    gaps = [f for f in metrics.fairness if f.gap is not None]
    if gaps:
        widest = max(gaps, key=lambda f: f.gap or 0.0)
        found.append(Goal(name="largest AUROC gap across sex / age bands", goal="<= 0.03",
                          value=widest.gap, met=(widest.gap or 0.0) <= 0.03,
                          note=f"{widest.model}, {widest.grouping}"))
    if metrics.shift is not None:
        shift = metrics.shift
        found.append(Goal(name="shifted-site cases flagged OOD", goal="report (no target)",
                          value=shift.shifted_flag_rate, met=None,
                          note=f"at an in-distribution false-alarm rate of "
                               f"{shift.false_alarm_rate:.3f}"))
        found.append(Goal(name=f"shifted-site batches of {shift.batch_size} flagged",
                          goal="report (no target)",
                          value=shift.shifted_batch_flag_rate, met=None,
                          note=f"at a batch false-alarm rate of "
                               f"{shift.batch_false_alarm_rate:.3f}"))
    return tuple(found)


def evaluate_predictor(predictor: Predictor, test: TrainingData, truth: Truth | None,
                       shifted: TrainingData | None = None,
                       shifted_truth: Truth | None = None) -> Metrics:
    """All metrics of a bundle on a held-out set (and a shifted site when given)."""
    manifest = predictor.bundle.manifest
    scores = predictor.score_batch(test.features)
    mech_truth = truth.mechanisms.astype(float) if truth is not None else test.labels
    metrics = Metrics(
        evaluated_on=f"{len(test)} held-out cases"
        + (f" + {len(shifted)} cases of a shifted site" if shifted is not None else ""),
        subtype=subtype_metrics(mech_truth, scores.mechanisms),
        neuropathic_baselines=neuropathic_baselines(test, mech_truth),
        conformal=conformal_metrics(scores.mechanisms, test.labels,
                                    None if truth is None else truth.mechanisms,
                                    manifest.conformal.thresholds, manifest.conformal.coverage),
        response=response_metrics(test, scores.options, truth, manifest.treatment_options),
        policy=None if truth is None else policy_value(test, scores.options, truth,
                                                       manifest.treatment_options),
        fairness=fairness_metrics(test, mech_truth, scores.mechanisms, scores.options, truth),
        shift=None if shifted is None or shifted_truth is None
        else shift_metrics(predictor, test, shifted, shifted_truth.mechanisms),
        goals=(),
    )
    return metrics.model_copy(update={"goals": goals(metrics)})
