"""The model step: one case in, every output with explanations, OOD and conformal sets out.

:class:`Predictor` wraps one verified bundle. Opening sessions costs milliseconds to
seconds depending on the model, so it never happens on the hot path: :meth:`Predictor.warm`
opens both sessions explicitly (call it from a background job), and :meth:`predict` opens
them lazily only if nobody did. :class:`ModelSlot` holds the bundle in use: loading a new
bundle verifies and warms it completely before swapping it in, so a bundle that fails
any check leaves the previous one serving predictions.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from models_onnx.bundle import VerifiedBundle, load_bundle
from models_onnx.conformal import prediction_set
from models_onnx.errors import BundleError
from models_onnx.explanation import TermAllocation, allocate_terms, explain
from models_onnx.features import FEATURE_NAMES, FEATURE_SCHEMA, extract_features
from models_onnx.manifest import Head, ModelEntry
from models_onnx.ood import OodScorer
from models_onnx.prediction import ClinicShift, MechanismPrediction, OptionPrediction, Prediction
from models_onnx.sessions import create_session

FloatArray = npt.NDArray[np.float32]
_LABELS = {spec.name: spec.label for spec in FEATURE_SCHEMA}


@dataclass(frozen=True)
class BatchScores:
    """Probabilities for many cases at once (evaluation, batch reports)."""

    mechanisms: npt.NDArray[np.float32]  # (n, n_mechanisms)
    options: npt.NDArray[np.float32]  # (n, n_options)


class Predictor:
    """Inference on one verified bundle; thread-safe, sessions opened once."""

    def __init__(self, bundle: VerifiedBundle) -> None:
        self.bundle = bundle
        manifest = bundle.manifest
        self.subtype = next(m for m in manifest.models if m.role == "subtype")
        self.response = next(m for m in manifest.models if m.role == "response")
        self.options = manifest.treatment_options
        n_features = len(FEATURE_NAMES)
        self._mechanism_allocations = [allocate_terms(h, n_features) for h in self.subtype.heads]
        self._response_head: Head = self.response.heads[0]
        self._response_allocation: TermAllocation = allocate_terms(
            self._response_head, n_features, option_column=n_features
        )
        self._ood = OodScorer(manifest.ood, _LABELS)
        self._labels = [_LABELS[name] for name in FEATURE_NAMES]
        self._option_column = np.arange(len(self.options), dtype=np.float32).reshape(-1, 1)
        self._sessions: dict[str, ort.InferenceSession] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, directory: Path | str, trusted_key: Ed25519PublicKey) -> Predictor:
        """Verify a bundle directory and wrap it (sessions not yet opened)."""
        return cls(load_bundle(directory, trusted_key))

    @property
    def name(self) -> str:
        return self.bundle.manifest.name

    @property
    def version(self) -> str:
        return self.bundle.manifest.version

    def warm(self) -> None:
        """Open both sessions and run one probe case through the whole step (call it off
        the GUI thread). Raises BundleError when anything about the models is off."""
        for entry in (self.subtype, self.response):
            session = self._session(entry)
            probe = np.full((1, len(entry.input_columns)), np.nan, dtype=np.float32)
            try:
                outputs = session.run(None, {entry.input_name: probe})
            except Exception as error:  # onnxruntime raises several exception types
                raise BundleError(str(self.bundle.directory),
                                  f"{entry.file} failed on a probe row ({error})") from None
            if any(not np.all(np.isfinite(o)) for o in outputs):
                raise BundleError(str(self.bundle.directory),
                                  f"{entry.file} gives non-finite outputs on a probe row")
        try:
            self.predict_features(np.full(len(FEATURE_NAMES), np.nan, dtype=np.float32))
        except Exception as error:  # any shape or value mismatch between models and manifest
            raise BundleError(str(self.bundle.directory),
                              f"its models and manifest disagree on a probe case ({error})"
                              ) from None

    def _session(self, entry: ModelEntry) -> ort.InferenceSession:
        session = self._sessions.get(entry.file)
        if session is None:
            with self._lock:
                session = self._sessions.get(entry.file)
                if session is None:
                    model = self.bundle.files[entry.file]
                    session = create_session(model, entry, str(self.bundle.directory))
                    self._sessions[entry.file] = session
        return session

    def _run(self, entry: ModelEntry, x: FloatArray,
             explained: bool = True) -> dict[str, npt.NDArray[np.float32]]:
        session = self._session(entry)
        names = [h.probability_output for h in entry.heads]
        if explained:
            names += [o for h in entry.heads
                      for o in (h.logit_output, h.scores_output, h.pair_margins_output)
                      if o is not None]
        values = session.run(names, {entry.input_name: x})
        return {n: np.asarray(v, dtype=np.float32) for n, v in zip(names, values, strict=True)}

    def predict(self, case: Mapping[str, object], top: int = 5) -> Prediction:
        """Every output for one case document (raises InvalidInput on a bad field)."""
        return self.predict_features(extract_features(case), top=top)

    def predict_features(self, features: FloatArray, top: int = 5) -> Prediction:
        """Every output for one feature vector in FEATURE_SCHEMA order."""
        x = np.ascontiguousarray(features, dtype=np.float32).reshape(1, -1)
        values = x[0]
        shown = [None if v != v else v for v in values.tolist()]  # v != v: NaN, missing
        subtype = self._run(self.subtype, x)
        mechanisms = []
        thresholds = self.bundle.manifest.conformal.thresholds
        coverage = self.bundle.manifest.conformal.coverage
        for head, allocation in zip(self.subtype.heads, self._mechanism_allocations, strict=True):
            probability = float(subtype[head.probability_output][0])
            explanation = explain(
                subtype[head.scores_output], _margins(subtype, head),
                subtype[head.logit_output], allocation, shown, FEATURE_NAMES, self._labels,
                top)[0]
            mechanisms.append(MechanismPrediction(
                mechanism=head.name, probability=probability,
                prediction_set=prediction_set(probability, thresholds[head.name]),
                coverage=coverage, explanation=explanation,
            ))
        rows = np.concatenate([np.repeat(x, len(self.options), axis=0), self._option_column],
                              axis=1)
        response = self._run(self.response, rows)
        head = self._response_head
        explanations = explain(response[head.scores_output], _margins(response, head),
                               response[head.logit_output], self._response_allocation, shown,
                               FEATURE_NAMES, self._labels, top)
        options = tuple(
            OptionPrediction(option=o, probability=float(p), explanation=e)
            for o, p, e in zip(self.options, response[head.probability_output], explanations,
                               strict=True)
        )
        missing = tuple(n for n, v in zip(FEATURE_NAMES, shown, strict=True) if v is None)
        return Prediction(
            model_name=self.name, model_version=self.version, mechanisms=tuple(mechanisms),
            options=options, ood=self._ood.assess(values), missing_features=missing,
        )

    def score_batch(self, features: FloatArray, chunk: int = 256) -> BatchScores:
        """Mechanism and option probabilities for many feature rows (no explanations).

        Rows go through the sessions ``chunk`` cases at a time: the binning step holds a
        few kilobytes per row, so unbounded batches would need gigabytes.
        """
        x = np.ascontiguousarray(features, dtype=np.float32)
        n_options = len(self.options)
        head = self._response_head
        mechanisms, options = [], []
        for start in range(0, len(x), chunk):
            block = x[start:start + chunk]
            subtype = self._run(self.subtype, block, explained=False)
            mechanisms.append(np.column_stack(
                [subtype[h.probability_output] for h in self.subtype.heads]))
            options_column = np.tile(self._option_column, (len(block), 1))
            rows = np.concatenate([np.repeat(block, n_options, axis=0), options_column], axis=1)
            options.append(
                self._run(self.response, rows, explained=False)[head.probability_output])
        if not mechanisms:
            return BatchScores(
                mechanisms=np.empty((0, len(self.subtype.heads)), dtype=np.float32),
                options=np.empty((0, n_options), dtype=np.float32))
        return BatchScores(mechanisms=np.concatenate(mechanisms).astype(np.float32),
                           options=np.concatenate(options).reshape(len(x), n_options))

    def ood_distances(self, features: FloatArray) -> npt.NDArray[np.float64]:
        return self._ood.distances(features)

    def ood_batch_scores(self, batches: FloatArray) -> npt.NDArray[np.float64]:
        """Clinic-shift scores of batches of feature rows (batches, cases, features)."""
        return self._ood.batch_scores(batches)

    def clinic_shift(self, recent_features: Sequence[FloatArray]) -> ClinicShift | None:
        """Do the last ``batch_size`` cases (feature vectors, oldest first) together look
        like another clinic? None until there are enough cases."""
        return self._ood.clinic_shift(recent_features)


def _margins(outputs: Mapping[str, npt.NDArray[np.float32]],
             head: Head) -> npt.NDArray[np.float32] | None:
    return None if head.pair_margins_output is None else outputs[head.pair_margins_output]


class ModelSlot:
    """The bundle in use. A new bundle replaces it only after passing every check."""

    def __init__(self, trusted_key: Ed25519PublicKey) -> None:
        self._trusted_key = trusted_key
        self._current: Predictor | None = None
        self._lock = threading.Lock()

    @property
    def current(self) -> Predictor | None:
        return self._current

    def load(self, directory: Path | str) -> Predictor:
        """Verify, open and probe the bundle, then make it current; on any failure raise
        BundleError and keep the bundle that was current."""
        candidate = Predictor.open(directory, self._trusted_key)
        candidate.warm()
        with self._lock:
            self._current = candidate
        return candidate

    def predict(self, case: Mapping[str, object]) -> Prediction:
        predictor = self._current
        if predictor is None:
            raise BundleError("(none)", "no model bundle is loaded")
        return predictor.predict(case)


def verify(bundle_dir: Path | str, trusted_key: Ed25519PublicKey) -> None:
    """Check a bundle completely: signature, manifest, hashes, external data, feature
    schema, and that onnxruntime opens and runs every model. Raises BundleError."""
    Predictor.open(bundle_dir, trusted_key).warm()
