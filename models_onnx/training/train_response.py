"""Response model: chance that an option would work (>= 30 % NRS reduction), all options.

One EBM takes the case features plus the option (its index in the panel) as input, so all
15 options are scored in one batched call. It is trained on the observed treatment only,
as real data would be: each record says what happened after the option actually started.
Its pairwise terms are option-by-feature pairs, the terms that let an effect differ by
option (e.g. bone metastases matter for radiotherapy, DN4 for gabapentinoids); pairs that
do not earn their place are pruned (train_subtype.prune_pairs).

Because the observed treatment is confounded (clinicians choose by what they see), the
model estimates P(response | features, option) and is unbiased for the potential outcome
only when the clinician's choice depends on recorded features alone. The generator adds a
little unrecorded clinician impression on purpose, so this is tested, not assumed.
"""

from __future__ import annotations

import numpy as np
from interpret.glassbox import ExplainableBoostingClassifier

from desktop.domain.errors import InvalidInput, Problem
from models_onnx.features import FEATURE_NAMES, OPTION_FEATURE, TREATMENT_OPTIONS
from models_onnx.training.train_subtype import EbmSettings, fit_ebm

RESPONSE_COLUMNS: list[str] = [*FEATURE_NAMES, OPTION_FEATURE]
OPTION_COLUMN = len(FEATURE_NAMES)


def response_design(features: np.ndarray, options: np.ndarray) -> np.ndarray:
    """Feature rows with the option index appended as the last column."""
    return np.concatenate(
        [features, options.astype(features.dtype).reshape(-1, 1)], axis=1
    )


def all_options_design(features: np.ndarray) -> np.ndarray:
    """Every case paired with every option: (n * n_options, n_features + 1), case-major."""
    n_options = len(TREATMENT_OPTIONS)
    rows = np.repeat(features, n_options, axis=0)
    options = np.tile(np.arange(n_options), len(features))
    return response_design(rows, options)


def fit_response_model(features: np.ndarray, treatment: np.ndarray, responded: np.ndarray,
                       *, seed: int, settings: EbmSettings,
                       pair_features: list[str] | None = None) -> ExplainableBoostingClassifier:
    """Fit on records with a known treatment and outcome; pairs are option x feature."""
    known = (treatment >= 0) & ~np.isnan(responded)
    if known.sum() < 100:
        raise InvalidInput([Problem("records", "need at least 100 with a treatment and an "
                                    "outcome", int(known.sum()))])
    names = pair_features if pair_features is not None else list(FEATURE_NAMES)
    pairs = [(OPTION_COLUMN, FEATURE_NAMES.index(name)) for name in names]
    x = response_design(features[known], treatment[known])
    return fit_ebm(x, responded[known], RESPONSE_COLUMNS, seed=seed, settings=settings,
                   interactions=pairs)
