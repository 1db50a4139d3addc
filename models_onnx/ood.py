"""Out-of-distribution scoring of a case against the bundle's training data (reference
fitted by training/calibrate.py, stored in the manifest).

The OOD vector of a case is its features with missing values imputed by training medians,
followed by the share of missing features in each section of the case. The score is the
Mahalanobis distance of the standardized vector; above the threshold (95th percentile of
in-distribution calibration cases) the case is flagged. The offending features are those
outside the training range (0.5-99.5 % quantiles) and, for a flagged case, the columns that
contribute most to the distance.

Single cases of a different clinic often look ordinary, so :meth:`OodScorer.clinic_shift`
also scores the last ``batch_size`` cases together: the Mahalanobis norm of their mean
standardized vector times sqrt(batch size) (Hotelling-style), against the 95th percentile
of that score on random batches of in-distribution calibration cases. Its drivers say what
differs (e.g. "missing share: dn4 examination", "age_years").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from models_onnx.manifest import OodReference
from models_onnx.prediction import ClinicShift, OffendingFeature, OodResult

Float64Array = npt.NDArray[np.float64]
TOP_CONTRIBUTORS = 3
MIN_SHARE = 0.1  # a column must explain at least this share of the squared distance


class OodScorer:
    """Precomputed arrays of an OOD reference; cheap per case."""

    def __init__(self, reference: OodReference, labels: Mapping[str, str] | None = None) -> None:
        self.reference = reference
        self.labels = dict(labels or {})
        n_features = len(reference.medians)
        self.feature_names = reference.columns[:n_features]
        index = {name: i for i, name in enumerate(self.feature_names)}
        groups = list(reference.missing_groups.values())
        membership = np.zeros((n_features, len(groups)), dtype=np.float64)
        for g, names in enumerate(groups):
            for name in names:
                membership[index[name], g] = 1.0 / len(names)
        self.membership = membership  # missing (n, features) @ membership = missing shares
        self.medians = np.array(reference.medians, dtype=np.float64)
        self.means = np.array(reference.means, dtype=np.float64)
        self.scales = np.array(reference.scales, dtype=np.float64)
        self.precision = np.array(reference.precision, dtype=np.float64)
        self.low = np.array(reference.low, dtype=np.float64)
        self.high = np.array(reference.high, dtype=np.float64)

    def vectors(self, features: npt.NDArray[np.floating]) -> Float64Array:
        """OOD vectors of rows of features: imputed features, then missing shares."""
        x = np.atleast_2d(np.asarray(features, dtype=np.float64))
        missing = np.isnan(x)
        imputed = np.where(missing, self.medians, x)
        return np.concatenate([imputed, missing @ self.membership], axis=1)

    def distances(self, features: npt.NDArray[np.floating]) -> Float64Array:
        z = (self.vectors(features) - self.means) / self.scales
        squared = np.einsum("ij,jk,ik->i", z, self.precision, z)
        return np.asarray(np.sqrt(np.maximum(squared, 0.0)))

    def assess(self, features: npt.NDArray[np.floating]) -> OodResult:
        """The OOD result of one case's feature vector."""
        x = np.asarray(features, dtype=np.float64).ravel()
        z = ((self.vectors(x) - self.means) / self.scales)[0]
        pulled = self.precision @ z
        squared = float(max(z @ pulled, 0.0))
        score = squared**0.5
        flagged = score > self.reference.threshold
        offending = self._outside_range(x)
        if flagged and squared > 0:
            named = {o.feature for o in offending}
            share = z * pulled / squared
            for column in np.argsort(-share)[:TOP_CONTRIBUTORS]:
                name = self.reference.columns[column]
                if share[column] >= MIN_SHARE and name not in named:
                    offending.append(self._contributor(int(column), x, float(share[column])))
        return OodResult(score=score, threshold=self.reference.threshold,
                         out_of_distribution=bool(flagged), offending_features=tuple(offending))

    def batch_scores(self, batches: npt.NDArray[np.floating]) -> Float64Array:
        """Clinic-shift score of each batch of feature rows, shape (batches, cases, features)."""
        stacked = np.asarray(batches, dtype=np.float64)
        count, size = stacked.shape[0], stacked.shape[1]
        z = (self.vectors(stacked.reshape(count * size, -1)) - self.means) / self.scales
        mean = z.reshape(count, size, -1).mean(axis=1)
        squared = np.einsum("ij,jk,ik->i", mean, self.precision, mean)
        return np.asarray(np.sqrt(size * np.maximum(squared, 0.0)))

    def clinic_shift(
        self, recent_features: Sequence[npt.NDArray[np.floating]]
    ) -> ClinicShift | None:
        """Whether the last ``batch_size`` cases together look like another clinic; None
        while fewer cases than that are available."""
        size = self.reference.batch_size
        if len(recent_features) < size:
            return None
        batch = np.stack([np.asarray(f, dtype=np.float64).ravel()
                          for f in recent_features[-size:]])
        score = float(self.batch_scores(batch[None])[0])
        mean = ((self.vectors(batch) - self.means) / self.scales).mean(axis=0)
        share = mean * (self.precision @ mean)
        drivers = tuple(self.reference.columns[i] for i in np.argsort(-share)[:TOP_CONTRIBUTORS]
                        if share[i] > 0)
        return ClinicShift(score=score, threshold=self.reference.batch_threshold,
                           shifted=score > self.reference.batch_threshold, drivers=drivers)

    def _outside_range(self, x: Float64Array) -> list[OffendingFeature]:
        found = []
        outside = ~np.isnan(x) & ((x < self.low) | (x > self.high))
        for i in np.flatnonzero(outside):
            name = self.feature_names[i]
            found.append(OffendingFeature(
                feature=name, label=self.labels.get(name, name), value=float(x[i]),
                reason=f"outside the training range {self.low[i]:g}-{self.high[i]:g}",
            ))
        return found

    def _contributor(self, column: int, x: Float64Array, share: float) -> OffendingFeature:
        name = self.reference.columns[column]
        percent = f"{100 * share:.0f} % of the distance"
        if column < len(x):
            value = None if np.isnan(x[column]) else float(x[column])
            shown = "missing" if value is None else f"{value:g}"
            return OffendingFeature(feature=name, label=self.labels.get(name, name), value=value,
                                    reason=f"unusual value {shown} for this case ({percent})")
        group = name.removeprefix("missing share: ")
        share_missing = float(self.vectors(x)[0, column])
        return OffendingFeature(
            feature=name, label=f"Missing {group} items", value=share_missing,
            reason=f"{100 * share_missing:.0f} % of {group} items missing, unusual ({percent})",
        )
