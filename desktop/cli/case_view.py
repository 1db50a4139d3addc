"""A readable summary of a stored case and its derived scores for the terminal."""

from __future__ import annotations

from typing import Any


def _value(result: Any, render: str) -> str:
    if not isinstance(result, dict):
        return "not recorded"
    if result.get("status") != "computed":
        return f"not computable ({result.get('reason', 'missing data')})"
    return render.format(**result)


def _positive(result: dict[str, Any]) -> str:
    return "positive" if result.get("positive") else "negative"


def format_case(record: Any) -> str:
    """Header, patient identity (local only) and the main derived values, one per line."""
    document: dict[str, Any] = record.document
    derived: dict[str, Any] = record.derived
    patient = document.get("patient", {})
    lines = [
        f"Case {record.case_id}  version {record.version}  saved {record.created_at} "
        f"by {record.actor}",
        f"Patient: {patient.get('name') or '(no name)'}  pseudonym {patient.get('pseudonym')}",
        f"Assessment: {document['assessment']['date']}",
        "",
    ]
    for item, band in (derived.get("nrs_bands") or {}).items():
        lines.append(f"  NRS {item:<8} {_value(band, '{value} ({band}, {scheme})')}")
    scores: list[tuple[str, Any, str]] = [
        ("BPI severity", derived.get("bpi_severity"), "{score:.1f} / 10"),
        (
            "BPI interference",
            derived.get("bpi_interference"),
            "{score:.1f} / 10 ({answered} of {of} items)",
        ),
        ("DN4", derived.get("dn4"), "{total} / {max_total} (cut-off {cutoff})"),
        ("DN4-interview", derived.get("dn4_interview"), "{total} / {max_total} (cut-off {cutoff})"),
        ("LANSS", derived.get("lanss"), "{total} / {max_total} (cut-off {cutoff})"),
        ("MEDD", derived.get("medd"), "{total_mg_per_day:.0f} mg/day ({table})"),
        (
            "PMI",
            derived.get("pmi"),
            "{pmi:+d} (analgesic level {analgesic_level} - pain level {pain_level}; {scheme})",
        ),
        ("CrCl", derived.get("creatinine_clearance"), "{value_ml_min:.1f} mL/min"),
        ("Methadone QTc", derived.get("methadone_qtc"), "{message}"),
    ]
    for label, result, render in scores:
        text = _value(result, render)
        if isinstance(result, dict) and "positive" in result and result.get("status") == "computed":
            text += f" {_positive(result)}"
        lines.append(f"  {label:<17} {text}")
    medd = derived.get("medd")
    if isinstance(medd, dict):
        lines.extend(f"  ! {flag}" for flag in medd.get("flags", []))
    for follow_up in derived.get("follow_ups") or []:
        primary = follow_up.get("primary", {})
        label = primary.get("label") or primary.get("reason") or "not evaluable"
        lines.append(f"  Follow-up {follow_up.get('date')}: {label}")
    lines += ["", str(derived.get("disclaimer", ""))]
    return "\n".join(lines)
