"""Model checks: low confidence (conformal set or probability near the threshold), input
out of distribution, explanation not exactly additive. Each cites the model bundle."""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs, worded
from desktop.domain.alerts.facts import Facts
from desktop.domain.model_output import MechanismPrediction, ModelOutput, OffendingFeature
from desktop.domain.texts import Listed, Term, Text, TextArg, phrase, template

ADDITIVITY_TOLERANCE = 0.01  # logit units

LOW_CONFIDENCE_UNDECIDED = template(
    "{mechanism} mechanism: the model cannot tell present from absent at {coverage:.0%} "
    "coverage (probability {probability:.0%}). Rely on the clinical assessment."
)
LOW_CONFIDENCE_NO_ANSWER = template(
    "{mechanism} mechanism: the model finds no answer typical of its calibration cases at "
    "{coverage:.0%} coverage (probability {probability:.0%}). Rely on the clinical assessment."
)
LOW_CONFIDENCE_RULE = template("Conformal prediction set with other than exactly one answer")
NEAR_THRESHOLD = template(
    "{mechanism} mechanism: probability {probability:.0%} is close to the {threshold:.0%} "
    "threshold; the call could easily go either way."
)
NEAR_THRESHOLD_RULE = template(
    "|probability - {threshold:g}| < {margin:g} (settings mechanism_threshold, "
    "near_threshold_margin)"
)
MISSING_VALUE = phrase("missing")
FEATURE_RANGE = template("{feature} = {value:g} (training range {low:g}-{high:g})")
FEATURE_REASON = template("{feature} = {value:g} ({reason})")
NO_SINGLE_FEATURE = phrase("no single feature")
OUT_OF_DISTRIBUTION = template(
    "This case is unlike the cases the model was trained on (distance {score:.2f} > "
    "{threshold:.2f}); treat every prediction with caution. Unusual: {features}."
)
OUT_OF_DISTRIBUTION_RULE = template("Out-of-distribution score above the bundle's threshold")
MECHANISM = template("mechanism {mechanism}")
OPTION = template("option {option}")
INEXACT = template(
    "The drivers shown for {where} add up to the prediction only within {error:.3f} logit: "
    "read them as approximate."
)
INEXACT_RULE = template("Additivity error above {tolerance} logit")
_NO_EXPLANATION = Text(template="")  # no option or mechanism: never shown


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
        mechanism = Term(term=name)
        inputs = make_inputs(
            (f"model.mechanisms.{name}.probability", round(p, 4)),
            (f"model.mechanisms.{name}.prediction_set", _set_text(prediction)),
        )
        source = f"{model.identity}; {guidelines.CONFORMAL_VOVK_2005}"
        if len(prediction.prediction_set) != 1:
            message = (
                LOW_CONFIDENCE_UNDECIDED if prediction.prediction_set else LOW_CONFIDENCE_NO_ANSWER
            )
            alerts.append(
                Alert(
                    code="MODEL_LOW_CONFIDENCE",
                    severity="caution",
                    kind="model",
                    **worded(
                        message.fill(
                            mechanism=mechanism, coverage=prediction.coverage, probability=p
                        ),
                        LOW_CONFIDENCE_RULE.fill(),
                    ),
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
                    **worded(
                        NEAR_THRESHOLD.fill(
                            mechanism=mechanism, probability=p, threshold=threshold
                        ),
                        NEAR_THRESHOLD_RULE.fill(threshold=threshold, margin=margin),
                    ),
                    source=source,
                    inputs=inputs,
                )
            )
    return alerts


def _feature_text(feature: OffendingFeature) -> Text:
    value: TextArg = MISSING_VALUE if feature.value is None else feature.value
    if feature.reference_low is not None and feature.reference_high is not None:
        return FEATURE_RANGE.fill(
            feature=feature.label,
            value=value,
            low=feature.reference_low,
            high=feature.reference_high,
        )
    return FEATURE_REASON.fill(feature=feature.label, value=value, reason=feature.reason)


def out_of_distribution(facts: Facts) -> list[Alert]:
    """The case is unlike the training data (OOD check of the model card): every prediction
    is less reliable."""
    model = facts.model
    if model is None or not model.ood.out_of_distribution:
        return []
    ood = model.ood
    features: TextArg = (
        Listed(items=tuple(_feature_text(f) for f in ood.offending_features), separator="; ")
        if ood.offending_features
        else NO_SINGLE_FEATURE
    )
    return [
        Alert(
            code="MODEL_OUT_OF_DISTRIBUTION",
            severity="warning",
            kind="model",
            **worded(
                OUT_OF_DISTRIBUTION.fill(
                    score=ood.score, threshold=ood.threshold, features=features
                ),
                OUT_OF_DISTRIBUTION_RULE.fill(),
            ),
            source=f"{model.identity}; {guidelines.OOD_MODEL_CARD}",
            inputs=make_inputs(
                ("model.ood.score", round(ood.score, 4)),
                *((f"model.features.{f.feature}", f.value) for f in ood.offending_features),
            ),
        )
    ]


def _worst_additivity(model: ModelOutput) -> tuple[Text, float]:
    errors = [
        (
            MECHANISM.fill(mechanism=Term(term=m.mechanism, english=m.mechanism)),
            m.explanation.additivity_error,
        )
        for m in model.mechanisms
    ]
    errors += [
        (OPTION.fill(option=Term(term=o.option, english=o.option)), o.explanation.additivity_error)
        for o in model.options
    ]
    return max(errors, key=lambda e: e[1], default=(_NO_EXPLANATION, 0.0))


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
            **worded(
                INEXACT.fill(where=where, error=error),
                INEXACT_RULE.fill(tolerance=ADDITIVITY_TOLERANCE),
            ),
            source=f"{model.identity} (model card: explanation method)",
            inputs=make_inputs(("model.additivity_error", round(error, 6))),
        )
    ]


RULES = (low_confidence, out_of_distribution, explanation_inexact)
