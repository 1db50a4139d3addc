"""Case identity generation, the published JSON Schema, and the purity of desktop.domain."""

from __future__ import annotations

import ast
import json
import sys
import uuid
from pathlib import Path

import pytest

from desktop.domain.case_identity import CROCKFORD_ALPHABET, complete_identity, make_pseudonym
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.case_schema import case_json_schema, render_case_schema
from desktop.domain.errors import InvalidInput
from desktop.domain.schema_export import main as export_schema
from tests.unit.domain_helpers import load_json, minimal_case

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "case-schema.json"
DOMAIN = ROOT / "desktop" / "domain"


def test_pseudonym_from_injected_bytes() -> None:
    assert make_pseudonym(lambda n: bytes(n)) == "PB-00000000"
    assert make_pseudonym(lambda n: b"\xff" * n) == "PB-ZZZZZZZZ"
    generated = make_pseudonym()
    assert generated.startswith("PB-") and len(generated) == 11
    assert set(generated[3:]) <= set(CROCKFORD_ALPHABET)


def test_complete_identity_fills_only_what_is_absent() -> None:
    fixed = uuid.UUID("12345678-1234-4234-8234-123456789abc")
    case = complete_identity(
        minimal_case(), new_uuid=lambda: fixed, new_pseudonym=lambda: "PB-ABCDEFGH"
    )
    assert case.case_id == fixed
    assert case.patient is not None and case.patient.pseudonym == "PB-ABCDEFGH"
    full = parse_case(load_json("case_full.json"))
    assert complete_identity(full, new_uuid=uuid.uuid4, new_pseudonym=make_pseudonym) == full


def test_complete_identity_default_randomness() -> None:
    first, second = complete_identity(minimal_case()), complete_identity(minimal_case())
    assert first.case_id is not None and first.case_id.version == 4
    assert first.case_id != second.case_id


def test_complete_identity_rejects_a_bad_generator() -> None:
    with pytest.raises(InvalidInput, match=r"patient\.pseudonym: must be PB-"):
        complete_identity(minimal_case(), new_pseudonym=lambda: "Li Wei")


def test_schema_file_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_case_schema(), (
        "docs/case-schema.json is stale: run "
        "`python -m desktop.domain.schema_export docs/case-schema.json`"
    )


def test_schema_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schema.json"
    assert export_schema(["--check", str(target)]) == 1
    assert export_schema([str(target)]) == 0
    assert export_schema(["--check", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == case_json_schema()
    capsys.readouterr()


def test_schema_describes_the_documented_fields() -> None:
    schema = case_json_schema()
    assert schema["required"] == ["schema", "assessment"]
    assert schema["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in schema["$defs"].values())
    nrs = schema["$defs"]["Nrs"]["properties"]["worst"]["anyOf"][0]
    assert (nrs["type"], nrs["minimum"], nrs["maximum"]) == ("integer", 0, 10)
    assert nrs["description"] == "must be an integer 0-10"
    pgx = schema["$defs"]["Pharmacogenomics"]["properties"]
    assert {"CYP2D6", "CYP2C9", "OPRM1_A118G", "COMT_val158met"} <= set(pgx)
    assert schema["$defs"]["Assessment"]["required"] == ["date"]


def test_schema_round_trip_of_examples() -> None:
    """Every field the examples use is in the schema, and dump gives the same document."""
    schema_text = render_case_schema()
    for name in ("case_full.json", "case_minimal.json"):
        document = load_json(name)
        assert dump_case(parse_case(document)) == document
        for key in _keys(document):
            assert f'"{key}"' in schema_text, key


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for child in value.values() for k in _keys(child)}
    if isinstance(value, list):
        return {k for child in value for k in _keys(child)}
    return set()


def test_domain_imports_only_stdlib_and_pydantic() -> None:
    allowed = set(sys.stdlib_module_names) | {"pydantic", "pydantic_core"}
    for path in sorted(DOMAIN.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                inside = name == "desktop.domain" or name.startswith("desktop.domain.")
                assert inside or (top != "desktop" and top in allowed), f"{path.name}: {name}"


def test_every_setting_is_documented() -> None:
    from desktop.domain.settings import ClinicalSettings

    text = (ROOT / "docs" / "clinical-rules.md").read_text(encoding="utf-8")
    for name in ClinicalSettings.model_fields:
        if name != "version":
            assert f"`{name}`" in text, f"setting {name} missing from docs/clinical-rules.md"
    assert ClinicalSettings().version in text
