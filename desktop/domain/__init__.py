"""Pure clinical core: case model, scales, guideline rules, report composition.

Imports nothing else of ours and never Qt, SQLite, HTTP, ONNX or cryptography.

The public API used by the CLI and the services:

* :func:`parse_case`, :func:`dump_case` - case documents ``painbridge.case/1`` in and out;
* :func:`complete_identity` - fill in ``case_id`` and ``patient.pseudonym``;
* :func:`derive_scores` -> :class:`DerivedScores` under :class:`ClinicalSettings`;
* :func:`case_json_schema` - the published JSON Schema (docs/case-schema.json);
* :func:`compose_report` -> :class:`Report` from a case, settings and an optional
  :class:`ModelOutput`; :func:`render_report_text` for ``painbridge assess`` and
  ``report.model_dump(mode="json")`` for ``--json`` (docs/report.md);
* :func:`evaluate_alerts` -> :class:`Alert` tuple (the guideline rules on their own).
"""

from desktop.domain.alerts import Alert, evaluate_alerts
from desktop.domain.case import Case
from desktop.domain.case_identity import complete_identity, make_pseudonym
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.case_schema import case_json_schema
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.domain.model_output import ModelOutput
from desktop.domain.report import Report, compose_report
from desktop.domain.report_text import render_report_text
from desktop.domain.results import NotComputable
from desktop.domain.settings import ClinicalSettings

__all__ = [
    "Alert",
    "Case",
    "ClinicalSettings",
    "DerivedScores",
    "InvalidInput",
    "ModelOutput",
    "NotComputable",
    "Problem",
    "Report",
    "UserFacingError",
    "case_json_schema",
    "complete_identity",
    "compose_report",
    "derive_scores",
    "dump_case",
    "evaluate_alerts",
    "make_pseudonym",
    "parse_case",
    "render_report_text",
]
