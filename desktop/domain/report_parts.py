"""Parts of the report that are not scores, alerts or ranking: the model's identity, the
mechanism calls, the disclaimers and the inputs fingerprint."""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case
from desktop.domain.model_output import (
    Answer,
    Explanation,
    MechanismPrediction,
    ModelOutput,
    TrainingData,
)
from desktop.domain.results import ResultModel
from desktop.domain.settings import ClinicalSettings
from desktop.domain.texts import register_phrases

#: Fields of ``patient`` that identify the person: never in a report or its fingerprint.
IDENTIFYING_FIELDS = ("name", "contact")
Call = Literal["present", "absent", "uncertain", "no_answer"]

DISCLAIMER = (
    "Decision support, not a diagnosis. Scores are screening aids; every alert names its "
    "rule and source. Review with the patient before acting."
)
SYNTHETIC_MODEL_DISCLAIMER = (
    "The bundled models are trained on a SYNTHETIC cohort and are NOT for clinical use until "
    "a hub validates them on real data."
)
RECORDS_MODEL_DISCLAIMER = (
    "The models were trained on hub records; see the model card for their validation and limits."
)
NO_MODEL_NOTE = (
    "No model loaded: mechanism probabilities and the treatment ranking are not available. "
    "Scores and guideline alerts are computed from the case alone."
)

register_phrases((DISCLAIMER, SYNTHETIC_MODEL_DISCLAIMER, RECORDS_MODEL_DISCLAIMER, NO_MODEL_NOTE))


class ModelInfo(ResultModel):
    """Which model bundle produced the predictions of the report."""

    name: str
    version: str
    bundle_id: str | None
    training_data: TrainingData
    identity: str


class MechanismCall(ResultModel):
    """One mechanism: probability, conformal answer set, and what that set means."""

    mechanism: str
    probability: float
    prediction_set: tuple[Answer, ...]
    coverage: float
    call: Call
    explanation: Explanation


def model_info(output: ModelOutput) -> ModelInfo:
    return ModelInfo(
        name=output.model_name,
        version=output.model_version,
        bundle_id=output.bundle_id,
        training_data=output.training_data,
        identity=output.identity,
    )


def call_mechanism(prediction: MechanismPrediction) -> MechanismCall:
    """{present} present; {absent} absent; both uncertain; none no_answer."""
    answers = prediction.prediction_set
    call: Call = "uncertain" if len(answers) == 2 else answers[0] if answers else "no_answer"
    return MechanismCall(
        mechanism=prediction.mechanism,
        probability=prediction.probability,
        prediction_set=answers,
        coverage=prediction.coverage,
        call=call,
        explanation=prediction.explanation,
    )


def model_disclaimer(output: ModelOutput | None) -> str:
    if output is not None and output.training_data == "records":
        return RECORDS_MODEL_DISCLAIMER
    return SYNTHETIC_MODEL_DISCLAIMER


def clinical_document(case: Case) -> dict[str, object]:
    """The case document without the identifying patient fields (name, contact)."""
    document = dump_case(case)
    patient = document.get("patient")
    if isinstance(patient, dict):
        document["patient"] = {k: v for k, v in patient.items() if k not in IDENTIFYING_FIELDS}
    return document


def fingerprint_inputs(
    case: Case,
    settings: ClinicalSettings,
    model_output: ModelOutput | None,
    *,
    previous_fingerprint: str | None = None,
    clinician_requests_referral: bool = False,
) -> str:
    """sha256 (hex) of the canonical JSON of everything a report is computed from.

    Canonical JSON: sorted keys, no spaces, UTF-8. Hashed: the case document without name
    and contact (so the hub can verify it on the pseudonymized case), the settings, the
    model name, version and bundle id (None without a model), the previous report's
    fingerprint and the clinician's referral request.
    """
    model = (
        None
        if model_output is None
        else {
            "name": model_output.model_name,
            "version": model_output.model_version,
            "bundle_id": model_output.bundle_id,
        }
    )
    payload = {
        "case": clinical_document(case),
        "settings": settings.model_dump(mode="json"),
        "model": model,
        "previous_fingerprint": previous_fingerprint,
        "clinician_requests_referral": clinician_requests_referral,
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
