"""parse_case: every invalid-field class is rejected with its path and the exact message."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case, format_path, parse_case
from desktop.domain.errors import InvalidInput
from tests.unit.domain_helpers import DATA, full_case_data, load_json


def messages(data: Any) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse_case(data)
    return [str(problem) for problem in caught.value.problems]


def with_value(path: str, value: Any) -> dict[str, Any]:
    """The full example case with ``value`` put at the dotted ``path`` (list index [i])."""
    data = full_case_data()
    *parents, last = _split(path)
    node: Any = data
    for part in parents:
        node = node[part] if isinstance(part, int) or part in node else node.setdefault(part, {})
    node[last] = value
    return data


def _split(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indices = piece.replace("]", "").split("[")
        parts.append(name)
        parts.extend(int(index) for index in indices)
    return parts


def test_examples_are_valid() -> None:
    full = parse_case((DATA / "case_full.json").read_bytes())
    minimal = parse_case((DATA / "case_minimal.json").read_text(encoding="utf-8"))
    assert full.assessment.nrs is not None and full.assessment.nrs.worst == 8
    assert minimal.patient is None and minimal.assessment.date.isoformat() == "2026-11-20"


def test_dict_text_and_bytes_parse_alike() -> None:
    text = (DATA / "case_full.json").read_text(encoding="utf-8")
    assert parse_case(text) == parse_case(text.encode()) == parse_case(load_json("case_full.json"))
    assert parse_case(b"\xef\xbb\xbf" + text.encode()) == parse_case(text)  # UTF-8 BOM


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        # out of range
        ("assessment.nrs.worst", 11, "assessment.nrs.worst: must be an integer 0-10, got 11"),
        ("assessment.nrs.least", -1, "assessment.nrs.least: must be an integer 0-10, got -1"),
        (
            "assessment.bpi_interference.sleep",
            12,
            "assessment.bpi_interference.sleep: must be an integer 0-10, got 12",
        ),
        (
            "follow_ups[0].nrs.worst",
            11,
            "follow_ups[0].nrs.worst: must be an integer 0-10, got 11",
        ),
        ("patient.birth_year", 1800, "patient.birth_year: must be an integer 1900-2100, got 1800"),
        (
            "assessment.psychosocial.phq2",
            7,
            "assessment.psychosocial.phq2: must be an integer 0-6, got 7",
        ),
        (
            "medications[0].daily_dose_mg",
            -5,
            "medications[0].daily_dose_mg: must be a number above 0 and at most 100000 "
            "(mg per day), got -5",
        ),
        (
            "medications[1].mcg_per_hour",
            0,
            "medications[1].mcg_per_hour: must be a number above 0 and at most 10000 (µg/h), got 0",
        ),
        (
            "comorbidities.qtc_ms",
            900,
            "comorbidities.qtc_ms: must be a number 200-800 (ms), got 900",
        ),
        (
            "patient.weight_kg",
            0,
            "patient.weight_kg: must be a number above 0 and at most 400 (kg), got 0",
        ),
        # steps
        (
            "assessment.bpi_relief_percent",
            35,
            "assessment.bpi_relief_percent: must be an integer 0-100 in steps of 10, got 35",
        ),
        (
            "pharmacogenomics.CYP2D6_activity_score",
            1.1,
            "pharmacogenomics.CYP2D6_activity_score: must be a number 0-6 in steps of 0.25, "
            "got 1.1",
        ),
        (
            "pharmacogenomics.CYP2C9_activity_score",
            0.75,
            "pharmacogenomics.CYP2C9_activity_score: must be a number 0-2 in steps of 0.5, "
            "got 0.75",
        ),
        # non-integer
        ("assessment.nrs.worst", 5.5, "assessment.nrs.worst: must be an integer 0-10, got 5.5"),
        ("assessment.nrs.worst", 5.0, "assessment.nrs.worst: must be an integer 0-10, got 5.0"),
        # wrong type
        ("assessment.nrs.worst", "5", "assessment.nrs.worst: must be an integer 0-10, got '5'"),
        ("assessment.nrs.worst", True, "assessment.nrs.worst: must be an integer 0-10, got True"),
        (
            "assessment.nrs.worst",
            None,
            None,  # null means "not recorded": accepted
        ),
        (
            "assessment.dn4.burning",
            "yes",
            "assessment.dn4.burning: must be true or false, got 'yes'",
        ),
        ("assessment.dn4.burning", 1, "assessment.dn4.burning: must be true or false, got 1"),
        (
            "medications[0].daily_dose_mg",
            "60",
            "medications[0].daily_dose_mg: must be a number above 0 and at most 100000 "
            "(mg per day), got '60'",
        ),
        (
            "medications[0].daily_dose_mg",
            float("nan"),
            "medications[0].daily_dose_mg: must be a number above 0 and at most 100000 "
            "(mg per day), got nan",
        ),
        ("patient.name", 42, "patient.name: must be text of 1-200 characters, got 42"),
        ("patient.name", "", "patient.name: must be text of 1-200 characters, got ''"),
        ("assessment.nrs", 5, "assessment.nrs: must be an object, got 5"),
        ("medications[0]", "morphine", "medications[0]: must be an object, got 'morphine'"),
        ("cancer.metastases", "bone", "cancer.metastases: must be a list, got 'bone'"),
        ("medications", {"drug": "x"}, "medications: must be a list, got {'drug': 'x'}"),
        # bad enum
        (
            "patient.sex",
            "F",
            "patient.sex: must be one of: female, male, other, unknown, got 'F'",
        ),
        ("cancer.stage", "V", "cancer.stage: must be one of: I, II, III, IV, unknown, got 'V'"),
        (
            "cancer.metastases[1]",
            "spleen",
            "cancer.metastases[1]: must be one of: bone, liver, lung, brain, nodes, other, "
            "got 'spleen'",
        ),
        (
            "pharmacogenomics.CYP2C9",
            "ultrarapid",
            "pharmacogenomics.CYP2C9: must be one of: poor, intermediate, normal, "
            "indeterminate, got 'ultrarapid'",
        ),
        (
            "follow_ups[0].adherence",
            "most",
            "follow_ups[0].adherence: must be one of: full, partial, none, got 'most'",
        ),
        (
            "assessment.lanss.form",
            "lanss",
            "assessment.lanss.form: must be one of: LANSS, S-LANSS, got 'lanss'",
        ),
        # bad date
        (
            "assessment.date",
            "2026-02-30",
            "assessment.date: must be a date YYYY-MM-DD, got '2026-02-30'",
        ),
        (
            "assessment.date",
            "20/11/2026",
            "assessment.date: must be a date YYYY-MM-DD, got '20/11/2026'",
        ),
        (
            "assessment.date",
            "2026-11-20T10:00:00",
            "assessment.date: must be a date YYYY-MM-DD, got '2026-11-20T10:00:00'",
        ),
        ("assessment.date", 20261120, "assessment.date: must be a date YYYY-MM-DD, got 20261120"),
        (
            "follow_ups[0].date",
            "2026-12-4",
            "follow_ups[0].date: must be a date YYYY-MM-DD, got '2026-12-4'",
        ),
        # bad UUID
        (
            "case_id",
            "not-a-uuid",
            "case_id: must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got 'not-a-uuid'",
        ),
        (
            "case_id",
            "3f2b8c1e6d4a4f7e9b2a1c5d8e7f9a01",
            "case_id: must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), "
            "got '3f2b8c1e6d4a4f7e9b2a1c5d8e7f9a01'",
        ),
        # bad pseudonym
        (
            "patient.pseudonym",
            "Li Wei",
            "patient.pseudonym: must be PB- and 8 Crockford base32 characters "
            "(0-9, A-Z without I, L, O, U), got 'Li Wei'",
        ),
        # schema version
        (
            "schema",
            "painbridge.case/2",
            'schema: must be "painbridge.case/1" (the case format version this program reads), '
            "got 'painbridge.case/2'",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 45 else None,
)
def test_invalid_value_rejected_with_path(path: str, value: Any, message: str | None) -> None:
    data = with_value(path, value)
    if message is None:
        parse_case(data)
        return
    assert messages(data) == [message]


@pytest.mark.parametrize(
    "missing",
    ["schema", "assessment", "assessment.date"],
)
def test_required_fields(missing: str) -> None:
    data = full_case_data()
    *parents, last = missing.split(".")
    node = data
    for part in parents:
        node = node[part]
    del node[last]
    assert messages(data) == [f"{missing}: is required, got nothing"]


def _object_paths(value: Any, path: str = "") -> list[str]:
    """Every JSON object in the document, as a dotted path ('' = the document)."""
    found: list[str] = []
    if isinstance(value, dict):
        found.append(path)
        for key, child in value.items():
            found += _object_paths(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _object_paths(child, f"{path}[{index}]")
    return found


OBJECT_PATHS = _object_paths(load_json("case_full.json"))


def test_every_nesting_level_is_covered() -> None:
    assert len(OBJECT_PATHS) >= 20
    assert "cancer.treatments[1]" in OBJECT_PATHS
    assert "follow_ups[0].bpi_interference" in OBJECT_PATHS


@pytest.mark.parametrize("path", OBJECT_PATHS, ids=lambda p: p or "(document)")
def test_unknown_field_rejected_at_every_level(path: str) -> None:
    data = full_case_data()
    node: Any = data
    for part in _split(path) if path else []:
        node = node[part]
    node["surprise"] = 1
    where = f"{path}.surprise" if path else "surprise"
    assert messages(data) == [f"{where}: unknown field (not part of painbridge.case/1), got 1"]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "follow_ups[0].date",
            "2026-11-19",
            "follow_ups[0].date: must not be before assessment.date (2026-11-20), got '2026-11-19'",
        ),
        (
            "assessment.nrs.least",
            9,
            "assessment.nrs.least: must not be greater than worst (8), got 9",
        ),
        (
            "follow_ups[0].nrs.least",
            6,
            "follow_ups[0].nrs.least: must not be greater than worst (5), got 6",
        ),
        (
            "medications[1].daily_dose_mg",
            25,
            "medications[1].daily_dose_mg: must not be used for transdermal fentanyl: give "
            "mcg_per_hour (µg/h), got 25",
        ),
        (
            "medications[0].mcg_per_hour",
            10,
            "medications[0].mcg_per_hour: must not be given together with daily_dose_mg "
            "(give one), got 10",
        ),
        (
            "comorbidities.serum_creatinine_umol_l",
            97,
            "comorbidities.serum_creatinine_umol_l: must not be given together with "
            "serum_creatinine_mg_dl (give one unit), got 97",
        ),
        (
            "pharmacogenomics.CYP2D6",
            "normal",
            "pharmacogenomics.CYP2D6: must agree with CYP2D6_activity_score 1 "
            "(intermediate metabolizer), got 'normal'",
        ),
        (
            "pharmacogenomics.CYP2C9",
            "poor",
            "pharmacogenomics.CYP2C9: must agree with CYP2C9_activity_score 2 "
            "(normal metabolizer), got 'poor'",
        ),
        (
            "cancer.metastases[2]",
            "bone",
            "cancer.metastases[2]: must not repeat an earlier entry, got 'bone'",
        ),
        (
            "patient.birth_year",
            2027,
            "patient.birth_year: must give an age of 0-125 years at assessment.date "
            "(2026-11-20), got 2027",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 45 else None,
)
def test_cross_field_rules(path: str, value: Any, message: str) -> None:
    assert messages(with_value(path, value)) == [message]


def test_rate_only_for_patch_and_infusion_routes() -> None:
    data = full_case_data()
    data["medications"] = [{"drug": "oxycodone", "route": "oral", "mcg_per_hour": 10}]
    assert messages(data) == [
        "medications[0].mcg_per_hour: is only for patches and infusions (route epidural, "
        "intrathecal, intravenous, subcutaneous, transdermal), not oral, got 10"
    ]


def test_one_problem_per_invalid_value() -> None:
    data = full_case_data()
    data["assessment"]["nrs"] = {"worst": 11, "least": "3", "average": 5.5, "now": True}
    data["patient"]["sex"] = "F"
    data["medications"][0]["route"] = "by mouth"
    data["extra"] = {}
    assert messages(data) == [
        "patient.sex: must be one of: female, male, other, unknown, got 'F'",
        "assessment.nrs.worst: must be an integer 0-10, got 11",
        "assessment.nrs.least: must be an integer 0-10, got '3'",
        "assessment.nrs.average: must be an integer 0-10, got 5.5",
        "assessment.nrs.now: must be an integer 0-10, got True",
        "medications[0].route: must be one of: oral, sublingual, buccal, transmucosal, "
        "intranasal, transdermal, topical, rectal, subcutaneous, intravenous, intramuscular, "
        "intrathecal, epidural, other, got 'by mouth'",
        "extra: unknown field (not part of painbridge.case/1), got {}",
    ]


def test_invalid_json_reports_line_and_column() -> None:
    text = '{\n  "schema": "painbridge.case/1",\n  "assessment": {"date": "2026-11-20",}\n}'
    assert messages(text) == [
        "(document): is not valid JSON: Expecting property name enclosed in double quotes "
        'at line 3 column 39, got \'"assessment": {"date": "2026-11-20",}\''
    ]


def test_not_utf8_bytes() -> None:
    assert messages(b'{"schema": "\xff"}') == [
        "(document): must be UTF-8 encoded JSON, got 'invalid byte at 12'"
    ]


@pytest.mark.parametrize(
    ("data", "shown"), [("[]", "[]"), ('"case"', "'case'"), ("3", "3")], ids=["list", "str", "int"]
)
def test_document_must_be_an_object(data: str, shown: str) -> None:
    assert messages(data) == [f"(document): must be a JSON object (painbridge.case/1), got {shown}"]


def test_duplicate_keys_are_reported_not_dropped() -> None:
    text = (
        '{"schema": "painbridge.case/1", "assessment": {"date": "2026-11-20",'
        ' "nrs": {"worst": 7, "worst": 8}}}'
    )
    assert messages(text) == [
        "assessment.nrs.worst: is given more than once (duplicate field), got 8"
    ]


def test_model_validate_enforces_cross_field_rules_too() -> None:
    data = with_value("assessment.nrs.least", 9)
    with pytest.raises(ValidationError, match="must not be greater than worst"):
        Case.model_validate(data)


def test_invalid_input_message_lists_every_problem() -> None:
    data = with_value("assessment.nrs.worst", 11)
    data["patient"]["sex"] = "F"
    with pytest.raises(InvalidInput) as caught:
        parse_case(data)
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


def test_format_path() -> None:
    assert format_path(("medications", 1, "daily_dose_mg")) == "medications[1].daily_dose_mg"
    assert format_path(("follow_ups", 0, "nrs", "worst")) == "follow_ups[0].nrs.worst"
    assert format_path(()) == ""


INVALID_EXAMPLES = {
    "nrs_out_of_range.json": ["assessment.nrs.worst: must be an integer 0-10, got 11"],
    "unknown_field.json": [
        "assessment.nrs.maximum: unknown field (not part of painbridge.case/1), got 9"
    ],
    "wrong_schema_version.json": [
        'schema: must be "painbridge.case/1" (the case format version this program reads), '
        "got 'painbridge.case/0'"
    ],
    "follow_up_before_assessment.json": [
        "follow_ups[0].date: must not be before assessment.date (2026-11-20), got '2026-11-01'"
    ],
    "fentanyl_patch_in_mg.json": [
        "medications[0].daily_dose_mg: must not be used for transdermal fentanyl: give "
        "mcg_per_hour (µg/h), got 25"
    ],
    "not_json.json": [
        "(document): is not valid JSON: Expecting ',' delimiter at line 3 column 3, "
        'got \'"assessment": {"date": "2026-11-20"}\''
    ],
}


def test_every_invalid_example_is_listed() -> None:
    assert sorted(p.name for p in (DATA / "invalid").glob("*.json")) == sorted(INVALID_EXAMPLES)


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_invalid_examples(name: str) -> None:
    assert messages((DATA / "invalid" / name).read_bytes()) == INVALID_EXAMPLES[name]


def test_dump_leaves_out_absent_values_and_uses_documented_names() -> None:
    case = parse_case(load_json("case_full.json"))
    dumped = dump_case(case)
    assert dumped["schema"] == "painbridge.case/1"
    assert dumped["pharmacogenomics"]["CYP2D6"] == "intermediate"
    assert dumped["medications"][2] == {"drug": "alprazolam"}
    assert dump_case(parse_case(load_json("case_minimal.json"))) == load_json("case_minimal.json")
