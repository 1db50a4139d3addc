"""Pure clinical core: case model, scales, guideline rules, report composition.

Imports nothing else of ours and never Qt, SQLite, HTTP, ONNX or cryptography.

The public API used by the CLI and the services (import each from its module; this
package does not re-export them, so that importing one small module stays cheap):

* ``case_parsing``: :func:`parse_case`, :func:`dump_case` - case documents
  ``painbridge.case/1`` in and out;
* :func:`complete_identity` - fill in ``case_id`` and ``patient.pseudonym``;
* :func:`derive_scores` -> :class:`DerivedScores` under :class:`ClinicalSettings`;
* :func:`case_json_schema` - the published JSON Schema (docs/case-schema.json);
* :func:`compose_report` -> :class:`Report` from a case, settings and an optional
  :class:`ModelOutput`; :func:`render_report_text` for ``painbridge assess`` and
  ``report.model_dump(mode="json")`` for ``--json`` (docs/report.md);
* :func:`evaluate_alerts` -> :class:`Alert` tuple (the guideline rules on their own).
"""
