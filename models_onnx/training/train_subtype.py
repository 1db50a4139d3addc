"""Subtype model: one Explainable Boosting Machine per pain mechanism (multi-label).

Each mechanism question (is a nociceptive / neuropathic / nociplastic mechanism present?)
gets its own binary EBM on the shared feature vector, so mixed pain is simply several
"yes" answers. EBMs are additive (main effects plus a few pairwise terms), which is what
makes the explanations exact: a prediction's logit IS the intercept plus the term scores.
Only records with an expert label for that mechanism train its model.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from interpret.glassbox import ExplainableBoostingClassifier

from desktop.domain.errors import InvalidInput, Problem
from models_onnx.features import FEATURE_NAMES, MECHANISMS


@dataclass(frozen=True)
class EbmSettings:
    """Knobs that trade training time and session size against fit (see docs/models.md)."""

    outer_bags: int = 8
    max_rounds: int = 5000
    interactions: int = 6  # candidate pairs found by FAST, then pruned by importance
    min_pair_importance: float = 0.02  # mean |score| (logit units) a pair must earn
    max_bins: int = 64  # main-effect resolution; the ONNX lookup compares against every cut
    max_interaction_bins: int = 32
    learning_rate: float = 0.02
    n_jobs: int = 2

    def ebm_arguments(self, seed: int) -> dict[str, Any]:
        return {
            "outer_bags": self.outer_bags,
            "max_rounds": self.max_rounds,
            "learning_rate": self.learning_rate,
            "max_bins": self.max_bins,
            "max_interaction_bins": self.max_interaction_bins,
            "n_jobs": self.n_jobs,
            "random_state": seed,
        }


def fit_ebm(x: np.ndarray, y: np.ndarray, names: list[str], *, seed: int,
            settings: EbmSettings, interactions: Any) -> ExplainableBoostingClassifier:
    """Fit one binary EBM on continuous features (NaN = missing, its own bin)."""
    model = ExplainableBoostingClassifier(
        feature_names=names,
        feature_types=["continuous"] * len(names),
        interactions=interactions,
        **settings.ebm_arguments(seed),
    )
    with warnings.catch_warnings():
        # interpret warns that its plots hide the missing-value bin; we use the scores,
        # where missing values have their own exact term score.
        warnings.filterwarnings("ignore", message="Missing values detected")
        model.fit(x.astype(np.float64), y.astype(np.int64))
    prune_pairs(model, settings.min_pair_importance)
    return model


def prune_pairs(model: ExplainableBoostingClassifier, min_importance: float) -> None:
    """Drop pairwise terms whose mean |score| is below ``min_importance`` (they cost
    session time and explanation clutter for little fit)."""
    importances = model.term_importances()
    weak = [
        i for i, features in enumerate(model.term_features_)
        if len(features) > 1 and importances[i] < min_importance
    ]
    if weak:
        model.remove_terms(weak)


def fit_subtype_models(features: np.ndarray, labels: np.ndarray, *, seed: int,
                       settings: EbmSettings) -> dict[str, ExplainableBoostingClassifier]:
    """One EBM per mechanism, each on the records labelled for it."""
    models = {}
    for column, mechanism in enumerate(MECHANISMS):
        known = ~np.isnan(labels[:, column])
        if known.sum() < 50 or len(np.unique(labels[known, column])) < 2:
            raise InvalidInput([Problem(f"labels.{mechanism}", "need at least 50 labelled "
                                        "records with both answers", int(known.sum()))])
        models[mechanism] = fit_ebm(
            features[known], labels[known, column], list(FEATURE_NAMES),
            seed=seed + column, settings=settings, interactions=settings.interactions,
        )
    return models
