"""Build a signed model bundle: data, training, export, calibration, evaluation, signing.

``train(out_dir)`` is what ``painbridge models train`` and ``make models`` run:

    python -m models_onnx.training.build --out models_onnx/bundles/default

Synthetic data by default (cohort.py, fixed seed); a JSON Lines file of training records
(records.py) when ``cases_path`` is given. The data are split into training (60 %),
calibration (10 %: conformal thresholds and the OOD threshold) and test (30 %: the
metrics); a shifted synthetic site is scored for the OOD metric. The ONNX graphs are
checked against interpret's own predictions before anything is written, the bundle is
written atomically, then loaded back with the public key and probed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from interpret.glassbox import ExplainableBoostingClassifier

from desktop.domain.errors import InvalidInput, Problem
from models_onnx.bundle import VerifiedBundle
from models_onnx.features import (
    FEATURE_NAMES,
    FEATURE_SCHEMA,
    FEATURE_SCHEMA_VERSION,
    MECHANISMS,
    TREATMENT_OPTIONS,
)
from models_onnx.inference import Predictor
from models_onnx.manifest import (
    BUNDLE_FORMAT,
    FeatureSchemaEntry,
    Manifest,
    Metrics,
    ModelEntry,
    Output,
    TrainingDataDescription,
)
from models_onnx.signing import DEVELOPMENT_SIGNING_KEY_PATH, load_private_key_file
from models_onnx.training.calibrate import fit_conformal, fit_ood_reference
from models_onnx.training.cohort import Cohort, generate_cohort
from models_onnx.training.evaluate import Truth, evaluate_predictor
from models_onnx.training.export import (
    INPUT_NAME,
    check_against_ebm,
    compile_heads,
    sha256,
    write_bundle,
)
from models_onnx.training.records import TrainingData, read_records, to_training_data
from models_onnx.training.train_response import (
    RESPONSE_COLUMNS,
    all_options_design,
    fit_response_model,
    response_design,
)
from models_onnx.training.train_subtype import EbmSettings, fit_subtype_models

DEFAULT_SEED = 20261120
BUNDLE_NAME = "painbridge-synthetic-cancer-pain"
BUNDLE_VERSION = "0.1.0"
COVERAGE = 0.90

INTENDED_USE = (
    "Research and development of PainBridge only: exercising the model pipeline, "
    "explanations, confidence sets and OOD warnings end to end. The models estimate, for an "
    "adult with cancer-related pain, the probability that nociceptive, neuropathic and "
    "nociplastic mechanisms contribute, and the probability of a >= 30 % NRS reduction for "
    "each option of the treatment panel. They are NOT for clinical use: they are trained on "
    "a synthetic cohort generated from published clinical knowledge and are not clinically "
    "validated. A hub must retrain and validate on real, expert-confirmed data first."
)
LIMITATIONS = (
    "Trained and evaluated on SYNTHETIC patients generated from published clinical "
    "knowledge; not clinically validated; the metrics measure agreement with the generator's "
    "assumptions, not with real patients.",
    "The generator's effect sizes are assumptions (docs/model-card.md), and the goals it "
    "meets are partly met by construction.",
    "Response probabilities are learned from confounded observed treatments; they are "
    "estimates of P(response | case, option), not causal effects, and know nothing about "
    "contraindications: guideline checks must be applied by the caller.",
    "Conformal coverage holds only for cases exchangeable with the calibration data; it does "
    "not hold at a clinic whose population differs (see the OOD flag).",
    "Free-text descriptors are English keyword matches with simple negation.",
)


@dataclass(frozen=True)
class BuildConfig:
    n_reference: int
    n_shifted: int
    subtype: EbmSettings
    response: EbmSettings
    response_pairs: list[str] | None  # None: option x every feature (pruned after fitting)
    split: tuple[float, float] = (0.6, 0.1)  # training, calibration; the rest is test
    label: str = "full"


FULL = BuildConfig(
    n_reference=40_000,
    n_shifted=6_000,
    subtype=EbmSettings(outer_bags=8, interactions=6, n_jobs=2),
    response=EbmSettings(outer_bags=8, interactions=0, n_jobs=2, min_pair_importance=0.01),
    response_pairs=None,
)
QUICK = BuildConfig(
    n_reference=3_000,
    n_shifted=500,
    subtype=EbmSettings(outer_bags=1, interactions=0, max_rounds=1000, n_jobs=1),
    response=EbmSettings(outer_bags=1, interactions=0, max_rounds=1000, n_jobs=1,
                         min_pair_importance=0.0),
    response_pairs=["metastases_bone", "dn4_interview_total", "nrs_worst", "pattern_widespread",
                    "analgesic_level", "neurotoxic_chemotherapy"],
    label="quick",
)


@dataclass
class Splits:
    train: TrainingData
    calibration: TrainingData
    test: TrainingData
    test_truth: Truth | None
    shifted: TrainingData | None = None
    shifted_truth: Truth | None = None
    description: dict[str, object] = field(default_factory=dict)


def _truth(cohort: Cohort, rows: np.ndarray) -> Truth:
    return Truth(mechanisms=cohort.mechanisms[rows],
                 potential_outcomes=cohort.potential_outcomes[rows],
                 response_probability=cohort.response_probability[rows])


def _split_rows(n: int, seed: int, fractions: tuple[float, float]) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    first, second = int(n * fractions[0]), int(n * (fractions[0] + fractions[1]))
    return [np.sort(order[:first]), np.sort(order[first:second]), np.sort(order[second:])]


def synthetic_splits(config: BuildConfig, seed: int) -> Splits:
    cohort = generate_cohort(config.n_reference, seed=seed, site="reference")
    data = to_training_data(cohort.records, source="synthetic")
    train, calibration, test = _split_rows(len(data), seed, config.split)
    shifted_cohort = generate_cohort(config.n_shifted, seed=seed + 1, site="shifted")
    return Splits(
        train=data.subset(train), calibration=data.subset(calibration), test=data.subset(test),
        test_truth=_truth(cohort, test),
        shifted=to_training_data(shifted_cohort.records, source="synthetic-shifted"),
        shifted_truth=_truth(shifted_cohort, np.arange(config.n_shifted)),
    )


def record_splits(path: Path, config: BuildConfig, seed: int) -> Splits:
    data = read_records(path)
    if len(data) < 200:
        raise InvalidInput([Problem(path.name, "must contain at least 200 records", len(data))])
    train, calibration, test = _split_rows(len(data), seed, config.split)
    return Splits(train=data.subset(train), calibration=data.subset(calibration),
                  test=data.subset(test), test_truth=None)


def _training_description(splits: Splits, cases_path: Path | None,
                          seed: int) -> TrainingDataDescription:
    sizes = TrainingDataDescription(
        source="synthetic", description="", seed=seed, n_train=len(splits.train),
        n_calibration=len(splits.calibration), n_test=len(splits.test),
        n_shifted_site=0 if splits.shifted is None else len(splits.shifted))
    if cases_path is None:
        return sizes.model_copy(update=dict(
            generator="models_onnx.training.cohort",
            description=(
                "SYNTHETIC patients from a structural causal model written from published "
                "clinical knowledge (clinical_reference.md sections 2-11): latent nociceptive, "
                "neuropathic and nociplastic mechanisms drive DN4/LANSS items, NRS/BPI, "
                "pattern, psychosocial screens and note descriptors; potential outcomes for "
                "every option; a confounded clinician policy; realistic missingness. No real "
                "patient contributed. Not clinically validated."
            )))
    return sizes.model_copy(update=dict(
        source="records",
        description=f"Training records from {cases_path.name} (JSON Lines, docs/models.md)."))


def _outputs(options: tuple[str, ...]) -> tuple[Output, ...]:
    mechanisms = [Output(name=f"mechanism.{m}", description=f"probability that a {m} "
                         "mechanism contributes to the pain (multi-label), with a conformal "
                         "answer set and an additive explanation") for m in MECHANISMS]
    responses = [Output(name=f"response.{o}", description=f"probability of a >= 30 % NRS "
                        f"reduction at follow-up if {o} is started, with an additive "
                        "explanation") for o in options]
    return tuple(mechanisms + responses)


def _empty_metrics() -> Metrics:
    return Metrics(evaluated_on="not yet", subtype=(), neuropathic_baselines={}, conformal=(),
                   response=(), policy=None, fairness=(), shift=None, goals=())


def _created(created: str | None) -> str:
    if created is not None:
        return created
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat()


def train(out_dir: Path | str, *, cases_path: Path | str | None = None, seed: int = DEFAULT_SEED,
          quick: bool = False, signing_key_path: Path | str | None = None,
          version: str | None = None, created: str | None = None,
          progress: Callable[[str], None] | None = None) -> Path:
    """Train, evaluate, export and sign a bundle into ``out_dir``; return its path.

    ``quick`` trains a small model on a few thousand cases in seconds (tests, smoke runs);
    the default is the full build of the shipped bundle (about 2-3 minutes on 2 cores).
    ``signing_key_path`` defaults to the DEVELOPMENT key; production hubs pass their own.
    Raises InvalidInput for bad records and SigningKeyError for an unreadable key.
    """
    return build_bundle(
        out_dir, QUICK if quick else FULL, cases_path=cases_path, seed=seed,
        signing_key_path=signing_key_path,
        version=version or (BUNDLE_VERSION + ("-quick" if quick else "")), created=created,
        progress=progress,
    ).path


@dataclass(frozen=True)
class BuiltBundle:
    """A written bundle and the interpret models it was compiled from (bench, tests)."""

    path: Path
    subtype_models: dict[str, ExplainableBoostingClassifier]
    response_model: ExplainableBoostingClassifier
    train: TrainingData
    test: TrainingData


def build_bundle(out_dir: Path | str, config: BuildConfig, *, cases_path: Path | str | None,
                 seed: int, signing_key_path: Path | str | None, version: str,
                 created: str | None, progress: Callable[[str], None] | None) -> BuiltBundle:
    """The whole build with an explicit configuration (see :func:`train`)."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    cases = Path(cases_path) if cases_path is not None else None
    say(f"data: {'records from ' + str(cases) if cases else 'synthetic cohort'} ({config.label})")
    splits = record_splits(cases, config, seed) if cases else synthetic_splits(config, seed)
    train_x = splits.train.features
    say(f"training subtype models on {len(splits.train)} cases")
    subtype_models = fit_subtype_models(train_x, splits.train.labels, seed=seed,
                                        settings=config.subtype)
    say("training the response model")
    response_model = fit_response_model(
        train_x, splits.train.treatment, splits.train.responded, seed=seed + 10,
        settings=config.response, pair_features=config.response_pairs)
    say("exporting to ONNX and checking against interpret")
    subtype_heads = list(subtype_models.items())
    subtype_bytes, subtype_described = compile_heads(subtype_heads, len(FEATURE_NAMES),
                                                     "subtype", train_x)
    response_heads = [("response", response_model)]
    treated = splits.train.treatment >= 0
    response_bytes, response_described = compile_heads(
        response_heads, len(RESPONSE_COLUMNS), "response",
        response_design(train_x[treated], splits.train.treatment[treated]))
    sample = splits.test.features[:400]
    check_against_ebm(subtype_bytes, subtype_heads, subtype_described, sample)
    check_against_ebm(response_bytes, response_heads, response_described,
                      all_options_design(sample[:60]))
    files = {"subtype.onnx": subtype_bytes, "response.onnx": response_bytes}
    models = (
        ModelEntry(role="subtype", file="subtype.onnx", input_name=INPUT_NAME,
                   input_columns=FEATURE_NAMES, heads=tuple(subtype_described)),
        ModelEntry(role="response", file="response.onnx", input_name=INPUT_NAME,
                   input_columns=tuple(RESPONSE_COLUMNS), heads=tuple(response_described)),
    )
    draft = Manifest(
        format=BUNDLE_FORMAT, name=BUNDLE_NAME, version=version,
        created=_created(created),
        description="Pain-mechanism subtype (multi-label) and per-option response models "
                    "(Explainable Boosting Machines compiled to ONNX with exact term scores).",
        intended_use=INTENDED_USE, limitations=LIMITATIONS,
        training_data=_training_description(splits, cases, seed),
        feature_schema_version=FEATURE_SCHEMA_VERSION,
        feature_schema=tuple(FeatureSchemaEntry(**vars(s)) for s in FEATURE_SCHEMA),
        mechanisms=MECHANISMS, treatment_options=TREATMENT_OPTIONS,
        outputs=_outputs(TREATMENT_OPTIONS), models=models,
        conformal=fit_conformal(np.zeros((1, 3)), np.ones((1, 3)), list(MECHANISMS), COVERAGE),
        ood=fit_ood_reference(train_x, splits.calibration.features),
        metrics=_empty_metrics(), files={n: sha256(b) for n, b in files.items()},
    )
    say("calibrating conformal thresholds")
    predictor = Predictor(VerifiedBundle(Path("(unsigned draft)"), draft, files, "unsigned"))
    calibration_scores = predictor.score_batch(splits.calibration.features).mechanisms
    draft = draft.model_copy(update={"conformal": fit_conformal(
        calibration_scores, splits.calibration.labels, list(MECHANISMS), COVERAGE)})
    say(f"evaluating on {len(splits.test)} held-out cases")
    predictor = Predictor(VerifiedBundle(Path("(unsigned draft)"), draft, files, "unsigned"))
    metrics = evaluate_predictor(predictor, splits.test, splits.test_truth, splits.shifted,
                                 splits.shifted_truth)
    manifest = draft.model_copy(update={"metrics": metrics})
    key = load_private_key_file(Path(signing_key_path) if signing_key_path
                                else DEVELOPMENT_SIGNING_KEY_PATH)
    written = write_bundle(Path(out_dir), manifest, files, key)
    say("verifying the written bundle")
    check = Predictor.open(written, key.public_key())
    check.warm()
    check.predict(splits.test.cases[0])
    say(f"done in {time.perf_counter() - started:.0f} s: {written}")
    return BuiltBundle(path=written, subtype_models=subtype_models,
                       response_model=response_model, train=splits.train, test=splits.test)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="bundle directory to write")
    parser.add_argument("--cases", type=Path, help="JSON Lines training records (default: "
                        "synthetic cohort)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--quick", action="store_true", help="small fast build (tests)")
    parser.add_argument("--signing-key", type=Path, help="Ed25519 PEM private key "
                        "(default: the DEVELOPMENT key)")
    parser.add_argument("--version", help=f"bundle version (default {BUNDLE_VERSION})")
    parser.add_argument("--created", help="creation time to record (default: "
                        "SOURCE_DATE_EPOCH or now)")
    args = parser.parse_args(argv)
    train(args.out, cases_path=args.cases, seed=args.seed, quick=args.quick,
          signing_key_path=args.signing_key, version=args.version, created=args.created,
          progress=lambda message: print(message, file=sys.stderr, flush=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
