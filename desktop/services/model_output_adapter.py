"""Translate the ONNX runtime's prediction into the domain's model-agnostic ModelOutput."""

from __future__ import annotations

from desktop.domain.model_output import (
    Driver,
    Explanation,
    MechanismPrediction,
    ModelOutput,
    OffendingFeature,
    OodResult,
    OptionPrediction,
)
from models_onnx import prediction as runtime


def _explanation(source: runtime.Explanation) -> Explanation:
    return Explanation(
        base_value=source.base_value,
        logit=source.logit,
        drivers=tuple(
            Driver(
                feature=c.feature,
                label=c.label,
                value=c.value,
                contribution=c.contribution,
                direction=c.direction,
            )
            for c in source.contributions
        ),
        other_contributions=source.other_contributions,
        additivity_error=abs(source.additivity_error),
    )


def to_model_output(prediction: runtime.Prediction, *, bundle_id: str | None) -> ModelOutput:
    """The same numbers, in the report's vocabulary (nothing recomputed, nothing dropped)."""
    return ModelOutput(
        model_name=prediction.model_name,
        model_version=prediction.model_version,
        bundle_id=bundle_id,
        training_data="synthetic",
        mechanisms=tuple(
            MechanismPrediction(
                mechanism=m.mechanism,  # type: ignore[arg-type]  # validated by pydantic
                probability=m.probability,
                prediction_set=m.prediction_set,  # type: ignore[arg-type]
                coverage=m.coverage,
                explanation=_explanation(m.explanation),
            )
            for m in prediction.mechanisms
        ),
        options=tuple(
            OptionPrediction(
                option=o.option, probability=o.probability, explanation=_explanation(o.explanation)
            )
            for o in prediction.options
        ),
        ood=OodResult(
            out_of_distribution=prediction.ood.out_of_distribution,
            score=prediction.ood.score,
            threshold=prediction.ood.threshold,
            offending_features=tuple(
                OffendingFeature(feature=f.feature, label=f.label, value=f.value, reason=f.reason)
                for f in prediction.ood.offending_features
            ),
        ),
        missing_features=prediction.missing_features,
    )
