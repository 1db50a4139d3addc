"""``painbridge --self-test``, unfrozen (the frozen build runs it in test_bundle.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import EXIT_USER_ERROR, main
from desktop.cli.self_test import EXIT_SELF_TEST_FAILED
from desktop.services import models


def test_self_test_passes_on_a_throwaway_directory(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAINBRIDGE_HOME", str(tmp_path / "real-data"))  # never used
    assert main(["--self-test", "--temp-basedir"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("PainBridge ") and "(deleted at exit)" in lines[0]
    assert [line.split(" (")[0] for line in lines[1:-1]] == [
        "ok     create and reopen an encrypted store",
        "ok     load the shipped model bundle",
        "ok     save a demo case",
        "ok     assess it with the model",
        "ok     verify the audit chain",
    ]
    assert "signature verified" in out and "nociceptive" in out
    assert lines[-1] == "self-test passed"
    assert not (tmp_path / "real-data").exists()


def test_self_test_refuses_a_used_data_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "something").write_text("user data", encoding="utf-8")
    assert main(["--self-test", "--home", str(tmp_path)]) == EXIT_USER_ERROR
    assert "needs a new or empty data directory" in capsys.readouterr().err
    assert (tmp_path / "something").read_text(encoding="utf-8") == "user data"


def test_self_test_names_the_step_that_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tampered = tmp_path / "bundle"
    shutil.copytree(models.DEFAULT_BUNDLE, tampered)
    onnx = next(tampered.glob("*.onnx"))
    onnx.write_bytes(onnx.read_bytes() + b"\0")
    monkeypatch.setattr(models, "DEFAULT_BUNDLE", tampered)
    assert main(["--self-test", "--home", str(tmp_path / "new")]) == EXIT_SELF_TEST_FAILED
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith("FAILED load the shipped model bundle: ")
    assert "sha256" in lines[-2] or "hash" in lines[-2]
    assert lines[-1] == "self-test failed"
