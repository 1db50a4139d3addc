"""Pure clinical core: case model, scales, guideline rules, report composition.

Imports nothing else of ours and never Qt, SQLite, HTTP, ONNX or cryptography.

The public API used by the CLI and the services:

* :func:`parse_case`, :func:`dump_case` - case documents ``painbridge.case/1`` in and out;
* :func:`complete_identity` - fill in ``case_id`` and ``patient.pseudonym``;
* :func:`derive_scores` -> :class:`DerivedScores` under :class:`ClinicalSettings`;
* :func:`case_json_schema` - the published JSON Schema (docs/case-schema.json).
"""

from desktop.domain.case import Case
from desktop.domain.case_identity import complete_identity, make_pseudonym
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.case_schema import case_json_schema
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.domain.results import NotComputable
from desktop.domain.settings import ClinicalSettings

__all__ = [
    "Case",
    "ClinicalSettings",
    "DerivedScores",
    "InvalidInput",
    "NotComputable",
    "Problem",
    "UserFacingError",
    "case_json_schema",
    "complete_identity",
    "derive_scores",
    "dump_case",
    "make_pseudonym",
    "parse_case",
]
