"""The published JSON Schema of ``painbridge.case/1``, generated from the case model.

The file docs/case-schema.json is this text; regenerate it with
``python -m desktop.domain.schema_export docs/case-schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.domain.case import Case
from desktop.domain.vocabulary import CASE_SCHEMA_ID

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_URN = "urn:painbridge:schema:painbridge.case:1"


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the case document, as a dict."""
    schema = Case.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = CASE_SCHEMA_ID
    schema["description"] = (
        "PainBridge case document. Every field except schema and assessment.date is "
        "optional; null means not recorded; unknown fields are errors. Cross-field rules "
        "(follow-up dates not before the assessment, least <= worst pain, dose units "
        "matching the route, phenotype matching activity score) are enforced by the "
        "application, not by this schema."
    )
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_URN, **schema}


def render_case_schema() -> str:
    """The schema as the exact text of docs/case-schema.json (stable key order, newline)."""
    return json.dumps(case_json_schema(), indent=2, ensure_ascii=False) + "\n"
