"""The `painbridge` command end to end, on a real SQLCipher store in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import Home

DATA = Path(__file__).resolve().parents[1] / "data"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("PAINBRIDGE_HOME", raising=False)
    monkeypatch.delenv("PAINBRIDGE_USER", raising=False)
    path = tmp_path / "home"
    assert main(["--home", str(path), "init"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_list_show_round_trip(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "case", "add", str(DATA / "case_full.json"), "--home", str(home))
    assert code == 0
    case_id = out.strip()
    assert case_id == json.loads((DATA / "case_full.json").read_text())["case_id"]

    code, out, _ = run(capsys, "--home", str(home), "case", "list")
    assert code == 0 and case_id in out and "Li Wei" in out and "1 shown (1-1 of 1)" in out

    code, out, _ = run(capsys, "--home", str(home), "case", "show", case_id[:8])
    assert code == 0
    assert "DN4               5 / 10 (cut-off 4) positive" in out
    assert "MEDD              120 mg/day (CDC2022)" in out

    code, out, _ = run(capsys, "--home", str(home), "case", "show", case_id, "--json")
    stored = json.loads(out)
    assert stored["assessment"]["nrs"]["worst"] == 8 and stored["case_id"] == case_id


def test_adding_the_same_case_again_appends_a_version(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        assert main(["--home", str(home), "case", "add", str(DATA / "case_full.json")]) == 0
    capsys.readouterr()
    _code, out, _ = run(capsys, "--home", str(home), "case", "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 1 and rows[0]["latest_version"] == 2


def test_invalid_input_prints_one_line_per_problem_and_stores_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "schema": "painbridge.case/1",
                "assessment": {"date": "2026-11-20", "nrs": {"worst": 11, "least": 2.5}},
                "patient": {"sex": "yes"},
                "colour": "blue",
            }
        )
    )
    capsys.readouterr()
    code, out, err = run(capsys, "--home", str(home), "case", "add", str(bad))
    assert code == 1 and out == ""
    assert sorted(err.strip().splitlines()) == sorted(
        [
            "assessment.nrs.worst: must be an integer 0-10, got 11",
            "assessment.nrs.least: must be an integer 0-10, got 2.5",
            "patient.sex: must be one of: female, male, other, unknown, got 'yes'",
            "colour: unknown field (not part of painbridge.case/1), got 'blue'",
        ]
    )
    code, out, _ = run(capsys, "--home", str(home), "case", "list", "--json")
    assert json.loads(out) == []


def test_score_prints_derived_values_without_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--home",
        str(tmp_path / "none"),
        "score",
        str(DATA / "case_full.json"),
        "--medd-table",
        "CDC2016",
    )
    assert code == 0
    derived = json.loads(out)
    assert derived["medd"]["table"] == "CDC2016"
    assert derived["dn4"]["total"] == 5
    assert not (tmp_path / "none").exists()


def test_wrong_passphrase_is_a_clear_error(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", "not the passphrase at all")
    capsys.readouterr()
    code, _, err = run(capsys, "--home", str(home), "case", "list")
    assert code == 3
    assert err.startswith("painbridge: ") and "passphrase" in err.lower()


def test_passphrase_change_then_old_one_fails(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Home(home).database
    before = database.read_bytes()
    monkeypatch.setenv("PAINBRIDGE_NEW_PASSPHRASE", "a brand new long passphrase")
    assert main(["--home", str(home), "passphrase", "change"]) == 0
    assert database.read_bytes() == before
    capsys.readouterr()
    assert run(capsys, "--home", str(home), "case", "list")[0] == 3
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", "a brand new long passphrase")
    assert run(capsys, "--home", str(home), "case", "list")[0] == 0


def test_audit_verify_reports_an_intact_log(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--home", str(home), "case", "add", str(DATA / "case_minimal.json")])
    capsys.readouterr()
    code, out, _ = run(capsys, "--home", str(home), "audit", "verify")
    assert code == 0 and out.startswith("audit log intact:")


def test_recovery_keygen_and_init_with_recovery_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", PASSPHRASE)
    keys = tmp_path / "keys"
    assert main(["recovery", "keygen", "--out", str(keys)]) == 0
    assert (keys / "recovery-private.pem").stat().st_mode & 0o077 == 0
    assert (
        main(
            [
                "--home",
                str(tmp_path / "h"),
                "init",
                "--recovery-public-key",
                str(keys / "recovery-public.pem"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    code, _, err = run(capsys, "recovery", "keygen", "--out", str(keys))
    assert code == 3 and "already exists" in err


def test_temp_basedir_leaves_nothing_behind(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--temp-basedir", "init"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "PAINBRIDGE_PASSPHRASE": PASSPHRASE},
    )
    assert result.returncode == 0, result.stderr
    created = Path(result.stdout.strip().rsplit(" in ", 1)[1])
    assert created.name.startswith("painbridge-")
    assert not created.exists()  # removed when the command ended


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "score", str(DATA / "case_minimal.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "painbridge.derived/1"


FOLLOW_UP = {
    "date": "2026-12-04",
    "nrs": {"worst": 4, "average": 3},
    "treatment_started": "gabapentinoid",
    "adherence": "full",
}


def test_assess_prints_a_report_without_storing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", str(DATA / "case_full.json"))
    assert code == 0
    assert out.startswith("PAINBRIDGE REPORT")
    assert "SYNTHETIC cohort" in out and "Li Wei" not in out
    code, out, _ = run(capsys, "assess", str(DATA / "case_full.json"), "--json", "--no-model")
    report = json.loads(out)
    assert code == 0 and report["model"] is None and report["format"] == "painbridge.report/1"


def test_assess_invalid_input_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema": "painbridge.case/1", "assessment": {"date": "2026-11-20", '
        '"dn4": {"burning": "yes"}}}'
    )
    code, out, err = run(capsys, "assess", str(bad))
    assert code == 1 and out == ""
    assert err.strip() == "assessment.dn4.burning: must be true or false, got 'yes'"


def test_case_assess_follow_up_and_reproduce(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--home", str(home), "case", "add", str(DATA / "case_minimal.json")])
    case_id = capsys.readouterr().out.strip()
    code, out, _ = run(capsys, "--home", str(home), "case", "assess", case_id, "--json")
    first = json.loads(out)
    assert code == 0 and first["model"]["version"]

    follow_up = tmp_path / "follow-up.json"
    follow_up.write_text(json.dumps({**FOLLOW_UP, "date": "2026-12-30"}))
    code, out, _ = run(
        capsys, "--home", str(home), "case", "follow-up", case_id, str(follow_up), "--json"
    )
    second = json.loads(out.split("\n", 1)[1]) if not out.startswith("{") else json.loads(out)
    assert code == 0
    assert second["previous_fingerprint"] == first["inputs_fingerprint"]
    assert second["changes"] is not None

    code, out, _ = run(capsys, "--home", str(home), "case", "reports", case_id)
    assert code == 0 and len(out.strip().splitlines()) == 4  # header, rule, two reports
    for report_id in (1, 2):
        code, out, _ = run(
            capsys, "--home", str(home), "case", "reports", case_id, "--reproduce", str(report_id)
        )
        assert (code, out.strip()) == (0, f"report {report_id}: reproduced exactly")


def test_follow_up_errors_name_paths_inside_the_follow_up(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--home", str(home), "case", "add", str(DATA / "case_minimal.json")])
    case_id = capsys.readouterr().out.strip()
    follow_up = tmp_path / "follow-up.json"
    follow_up.write_text(json.dumps({**FOLLOW_UP, "nrs": {"worst": 12}}))
    code, _, err = run(capsys, "--home", str(home), "case", "follow-up", case_id, str(follow_up))
    assert code == 1
    assert err.strip() == "nrs.worst: must be an integer 0-10, got 12"
    code, out, _ = run(capsys, "--home", str(home), "case", "list", "--json")
    assert json.loads(out)[0]["latest_version"] == 1
