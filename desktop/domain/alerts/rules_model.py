"""Model checks: low confidence (conformal set or probability near the threshold), input
out of distribution, explanation not exactly additive. Each cites the model bundle."""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs
from desktop.domain.alerts.facts import Facts
from desktop.domain.model_output import MechanismPrediction, ModelOutput, OffendingFeature

ADDITIVITY_TOLERANCE = 0.01  # logit units


def _set_text(prediction: MechanismPrediction) -> str:
    return "{" + ", ".join(prediction.prediction_set) + "}"


def low_confidence(facts: Facts) -> list[Alert]:
    """A mechanism whose conformal set is not a single answer, or whose probability is within
    ``near_threshold_margin`` of ``mechanism_threshold`` (conformal prediction, Vovk 2005)."""
    model = facts.model
    if model is None:
        return []
    threshold, margin = facts.settings.mechanism_threshold, facts.settings.near_threshold_margin
    alerts = []
    for prediction in model.mechanisms:
        name, p = prediction.mechanism, prediction.probability
        coverage = f"{prediction.coverage:.0%}"
        inputs = make_inputs(
            (f"model.mechanisms.{name}.probability", round(p, 4)),
            (f"model.mechanisms.{name}.prediction_set", _set_text(prediction)),
        )
        source = f"{model.identity}; {guidelines.CONFORMAL_VOVK_2005}"
        if len(prediction.prediction_set) != 1:
            what = (
                "cannot tell present from absent"
                if prediction.prediction_set
                else "finds no answer typical of its calibration cases"
            )
            alerts.append(
                Alert(
                    code="MODEL_LOW_CONFIDENCE",
                    severity="caution",
                    kind="model",
                    message=f"{name.capitalize()} mechanism: the model {what} at {coverage} "
                    f"coverage (probability {p:.0%}). Rely on the clinical assessment.",
                    rule="Conformal prediction set with other than exactly one answer",
                    source=source,
                    inputs=inputs,
                )
            )
        elif abs(p - threshold) < margin:
            alerts.append(
                Alert(
                    code="MODEL_NEAR_THRESHOLD",
                    severity="caution",
                    kind="model",
                    message=f"{name.capitalize()} mechanism: probability {p:.0%} is close to "
                    f"the {threshold:.0%} threshold; the call could easily go either way.",
                    rule=f"|probability - {threshold:g}| < {margin:g} (settings "
                    "mechanism_threshold, near_threshold_margin)",
                    source=source,
                    inputs=inputs,
                )
            )
    return alerts


def _feature_text(feature: OffendingFeature) -> str:
    value = "missing" if feature.value is None else f"{feature.value:g}"
    if feature.reference_low is not None and feature.reference_high is not None:
        return (
            f"{feature.label} = {value} (training range "
            f"{feature.reference_low:g}-{feature.reference_high:g})"
        )
    return f"{feature.label} = {value} ({feature.reason})"


def out_of_distribution(facts: Facts) -> list[Alert]:
    """The case is unlike the training data (OOD check of the model card): every prediction
    is less reliable."""
    model = facts.model
    if model is None or not model.ood.out_of_distribution:
        return []
    ood = model.ood
    features = "; ".join(_feature_text(f) for f in ood.offending_features) or "no single feature"
    return [
        Alert(
            code="MODEL_OUT_OF_DISTRIBUTION",
            severity="warning",
            kind="model",
            message=f"This case is unlike the cases the model was trained on (distance "
            f"{ood.score:.2f} > {ood.threshold:.2f}); treat every prediction with caution. "
            f"Unusual: {features}.",
            rule="Out-of-distribution score above the bundle's threshold",
            source=f"{model.identity}; {guidelines.OOD_MODEL_CARD}",
            inputs=make_inputs(
                ("model.ood.score", round(ood.score, 4)),
                *((f"model.features.{f.feature}", f.value) for f in ood.offending_features),
            ),
        )
    ]


def _worst_additivity(model: ModelOutput) -> tuple[str, float]:
    errors = [
        (f"mechanism {m.mechanism}", m.explanation.additivity_error) for m in model.mechanisms
    ]
    errors += [(f"option {o.option}", o.explanation.additivity_error) for o in model.options]
    return max(errors, key=lambda e: e[1], default=("", 0.0))


def explanation_inexact(facts: Facts) -> list[Alert]:
    """An explanation whose drivers do not add up to the prediction within tolerance
    (explanation method of the model card)."""
    model = facts.model
    if model is None:
        return []
    where, error = _worst_additivity(model)
    if error <= ADDITIVITY_TOLERANCE:
        return []
    return [
        Alert(
            code="MODEL_EXPLANATION_INEXACT",
            severity="info",
            kind="model",
            message=f"The drivers shown for {where} add up to the prediction only within "
            f"{error:.3f} logit: read them as approximate.",
            rule=f"Additivity error above {ADDITIVITY_TOLERANCE} logit",
            source=f"{model.identity} (model card: explanation method)",
            inputs=make_inputs(("model.additivity_error", round(error, 6))),
        )
    ]


RULES = (low_confidence, out_of_distribution, explanation_inexact)
