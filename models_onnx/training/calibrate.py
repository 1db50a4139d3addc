"""Split-conformal thresholds and the out-of-distribution reference, from held-out data.

Conformal (per mechanism question "is this mechanism present?"): on calibration records
with an expert label, the non-conformity score is 1 - p(the labelled answer) (the "LAC"
score); the threshold is its ceil((n + 1)(1 - alpha)) / n empirical quantile. At run time
the prediction set holds every answer whose score is within the threshold, which covers
the expert's answer with probability at least 1 - alpha for cases exchangeable with the
calibration cases (marginal coverage; it says nothing about a shifted clinic).

OOD: each case becomes its features (missing values imputed with the training median)
plus, per section of the case, the share of its features that are missing; these are
standardized with training means/scales, and the score is the Mahalanobis distance under
a shrunk covariance (shrinkage 0.1 toward the identity, so rare binary features cannot
make it singular). The threshold is the 95th percentile of calibration distances: by
construction about 5 % of in-distribution cases are flagged. Because single cases of a
different clinic often look ordinary, a clinic-level alarm scores ``BATCH_SIZE`` cases
together (ood.OodScorer.batch_scores) against the 95th percentile of that score on random
batches of calibration cases.
"""

from __future__ import annotations

import numpy as np

from models_onnx.features import FEATURE_NAMES
from models_onnx.manifest import ConformalReference, OodReference
from models_onnx.ood import OodScorer

CONFORMAL_METHOD = "split-conformal, LAC score 1 - p(answer), per mechanism"
SHRINKAGE = 0.1
OOD_PERCENTILE = 95.0
BATCH_SIZE = 50
N_BATCHES = 2000

_GROUP_PREFIXES: dict[str, tuple[str, ...]] = {
    "patient": ("age_years", "sex_female"),
    "cancer": ("site_", "stage", "metastases_", "perineural_invasion",
               "nerve_plexus_involvement", "chemotherapy_received", "neurotoxic_chemotherapy",
               "radiotherapy_received", "surgery_received"),
    "nrs": ("nrs_",),
    "bpi": ("bpi_",),
    "dn4 interview": ("dn4_burning", "dn4_painful_cold", "dn4_electric_shocks", "dn4_tingling",
                      "dn4_pins_and_needles", "dn4_numbness", "dn4_itching",
                      "dn4_interview_total"),
    "dn4 examination": ("dn4_hypoesthesia_touch", "dn4_hypoesthesia_pinprick", "dn4_brushing",
                        "dn4_total"),
    "lanss": ("lanss_",),
    "pattern": ("pattern_", "breakthrough_per_day", "duration_months"),
    "psychosocial": ("phq2", "gad2", "sleep_disturbance", "fatigue"),
    "notes": ("note_",),
    "comorbidities": ("egfr", "creatinine_clearance", "qtc_ms", "platelets",
                      "hepatic_impairment", "gi_bleed_history", "heart_failure", "diabetes",
                      "respiratory_disease"),
    "medications": ("medd_mg", "analgesic_level", "on_"),
    "pharmacogenomics": ("cyp2d6_phenotype", "cyp2c9_phenotype"),
}  # fmt: skip


def missing_groups() -> dict[str, tuple[str, ...]]:
    """Features of each case section, for the missing-share part of the OOD vector."""
    groups: dict[str, tuple[str, ...]] = {}
    for group, prefixes in _GROUP_PREFIXES.items():
        groups[group] = tuple(
            n for n in FEATURE_NAMES
            if any(n == p or (p.endswith("_") and n.startswith(p)) for p in prefixes)
        )
    covered = [n for names in groups.values() for n in names]
    if sorted(covered) != sorted(FEATURE_NAMES):
        raise AssertionError("every feature must belong to exactly one missing group")
    return groups


def conformal_threshold(probability: np.ndarray, label: np.ndarray, coverage: float) -> float:
    """LAC threshold for binary answers: the adjusted (1 - alpha) quantile of 1 - p(label)."""
    known = ~np.isnan(label)
    p, y = probability[known], label[known]
    scores = np.where(y == 1, 1.0 - p, p)
    n = len(scores)
    level = min(1.0, np.ceil((n + 1) * coverage) / n)
    return float(np.quantile(scores, level, method="higher"))


def fit_conformal(probabilities: np.ndarray, labels: np.ndarray, mechanisms: list[str],
                  coverage: float) -> ConformalReference:
    thresholds = {m: conformal_threshold(probabilities[:, i], labels[:, i], coverage)
                  for i, m in enumerate(mechanisms)}
    n = int((~np.isnan(labels)).all(axis=1).sum())
    return ConformalReference(method=CONFORMAL_METHOD, coverage=coverage, n_calibration=n,
                              thresholds=thresholds)


def fit_ood_reference(train: np.ndarray, calibration: np.ndarray) -> OodReference:
    """OOD reference from training features; threshold from calibration features."""
    groups = missing_groups()
    medians = np.nanmedian(train, axis=0)
    medians = np.where(np.isnan(medians), 0.0, medians)
    low = np.nanquantile(train, 0.005, axis=0)
    high = np.nanquantile(train, 0.995, axis=0)
    low, high = np.where(np.isnan(low), medians, low), np.where(np.isnan(high), medians, high)
    columns = (*FEATURE_NAMES, *(f"missing share: {g}" for g in groups))
    draft = OodReference(
        columns=columns, missing_groups=groups, medians=tuple(medians.tolist()),
        means=(0.0,) * len(columns), scales=(1.0,) * len(columns),
        precision=tuple(tuple(float(i == j) for j in range(len(columns)))
                        for i in range(len(columns))),
        threshold=1.0, percentile=OOD_PERCENTILE, batch_size=BATCH_SIZE, batch_threshold=1.0,
        low=tuple(low.tolist()),
        high=tuple(high.tolist()),
    )
    vectors = OodScorer(draft).vectors(train)
    means = vectors.mean(axis=0)
    scales = vectors.std(axis=0)
    scales = np.where(scales < 1e-6, 1.0, scales)
    z = (vectors - means) / scales
    covariance = np.cov(z, rowvar=False)
    shrunk = (1 - SHRINKAGE) * covariance + SHRINKAGE * np.eye(len(columns))
    precision = np.linalg.inv(shrunk)
    precision = (precision + precision.T) / 2
    fitted = draft.model_copy(update={
        "means": tuple(means.tolist()), "scales": tuple(scales.tolist()),
        "precision": tuple(tuple(row) for row in precision.tolist()),
    })
    distances = OodScorer(fitted).distances(calibration)
    threshold = float(np.percentile(distances, OOD_PERCENTILE))
    batch = OodScorer(fitted).batch_scores(random_batches(calibration, BATCH_SIZE, N_BATCHES, 0))
    batch_threshold = float(np.percentile(batch, OOD_PERCENTILE))
    return fitted.model_copy(update={"threshold": threshold, "batch_threshold": batch_threshold})


def random_batches(features: np.ndarray, size: int, count: int, seed: int) -> np.ndarray:
    """``count`` random batches of ``size`` distinct rows: (count, size, features)."""
    rng = np.random.default_rng(seed)
    size = min(size, len(features))
    rows = np.stack([rng.choice(len(features), size, replace=False) for _ in range(count)])
    return features[rows]
