"""What of a case may leave the clinic: pseudonymized, and only with consent.

The clinic calls :func:`pseudonymize` before anything is queued for upload; the hub calls
:func:`sharing_problems` on every document it receives and refuses one that still holds
identifying fields. Name and contact identify the patient; free-text notes (of the
assessment and of each follow-up) cannot be shown to be free of identifiers, so they stay
at the clinic too. The pseudonym, birth year and clinical content travel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.errors import InvalidInput, Problem, UserFacingError

#: (path, reason) of each identifying field that never leaves the clinic.
IDENTIFYING_FIELDS = (
    ("patient.name", "identifies the patient"),
    ("patient.contact", "identifies the patient"),
    ("assessment.notes", "free text may identify the patient"),
    ("follow_ups[].notes", "free text may identify the patient"),
)
CONSENT_RULE = "must be true before a case can be shared with the hub"


class NotShareable(UserFacingError):
    """The case cannot go to the hub (no consent recorded, or it is invalid)."""

    def __init__(self, case_id: str, reason: str, *, code: str) -> None:
        self.case_id = case_id
        self.reason = reason
        self.code = code
        super().__init__(f"Case {case_id} is not shared with the hub: {reason}")


def pseudonymize(document: Mapping[str, Any]) -> dict[str, Any]:
    """The shareable copy of a stored case document.

    Raises :class:`NotShareable` (``code`` "no_consent" or "invalid_case") when it may
    not, or cannot, be shared.
    """
    case_id = str(document.get("case_id", "(no id)"))
    try:
        case = parse_case(dict(document))
    except InvalidInput as invalid:
        raise NotShareable(
            case_id, f"it is not a valid case ({invalid})", code="invalid_case"
        ) from None
    if case.patient is None or case.patient.consent_to_share is not True:
        raise NotShareable(
            case_id, "no consent to share is recorded for this patient", code="no_consent"
        )
    if case.case_id is None or case.patient.pseudonym is None:
        raise NotShareable(case_id, "it has no case id or pseudonym yet", code="invalid_case")
    shared = dump_case(case)
    patient = shared["patient"]
    patient.pop("name", None)
    patient.pop("contact", None)
    shared.get("assessment", {}).pop("notes", None)
    for follow_up in shared.get("follow_ups") or []:
        follow_up.pop("notes", None)
    return shared


def sharing_problems(document: Mapping[str, Any]) -> list[Problem]:
    """Why a received document must not be stored (empty: valid and pseudonymized)."""
    return check_shared(document)[1]


def check_shared(document: Mapping[str, Any]) -> tuple[Case | None, list[Problem]]:
    """The parsed case and why it must not be stored (no problems: it may be)."""
    try:
        case = parse_case(dict(document))
    except InvalidInput as invalid:
        return None, list(invalid.problems)
    problems: list[Problem] = []
    patient = case.patient
    if patient is None or patient.consent_to_share is not True:
        problems.append(Problem("patient.consent_to_share", CONSENT_RULE, None))
    if case.case_id is None:
        problems.append(Problem("case_id", "is required for a shared case", None))
    if patient is not None:
        if patient.pseudonym is None:
            problems.append(Problem("patient.pseudonym", "is required for a shared case", None))
        if patient.name is not None:
            problems.append(Problem("patient.name", "must not leave the clinic", "(present)"))
        if patient.contact is not None:
            problems.append(Problem("patient.contact", "must not leave the clinic", "(present)"))
    if case.assessment.notes is not None:
        problems.append(Problem("assessment.notes", "must not leave the clinic", "(present)"))
    for index, follow_up in enumerate(case.follow_ups or ()):
        if follow_up.notes is not None:
            problems.append(
                Problem(f"follow_ups[{index}].notes", "must not leave the clinic", "(present)")
            )
    return case, problems
