"""What IT runs on a clinic computer, in the frozen bundle itself (built once per session,
tests/installer/conftest.py): the hub is not part of it and every way of reaching it says
so with exit code 3; the IT recovery commands and the machine configuration's key files
work without a Python installation."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

pytestmark = pytest.mark.slow

MESSAGE = (
    "painbridge: the hub is not installed in this build; install the hub package "
    "(pip install 'painbridge[hub]') or use the hub server"
)


def _run(bundle: Path, *argv: str, **environment: str) -> subprocess.CompletedProcess[str]:
    variables = [f"{name}={value}" for name, value in environment.items()]
    return subprocess.run(
        ["env", "-i", *variables, str(bundle / "painbridge"), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_hub_commands_and_the_demo_hub_say_the_hub_is_not_installed(
    frozen_bundle: Path, tmp_path: Path
) -> None:
    for argv in (
        ("hub", "devices", "--hub-home", str(tmp_path / "hub")),
        ("hub", "serve", "--hub-home", str(tmp_path / "hub")),
        ("demo", "--no-gui", "--home", str(tmp_path / "demo")),
    ):
        run = _run(frozen_bundle, *argv, TMPDIR=str(tmp_path))
        assert run.returncode == 3, (argv, run.stdout, run.stderr)
        assert run.stderr.startswith(MESSAGE), run.stderr
    assert not list(tmp_path.glob("painbridge-crash-*"))
    demo = _run(frozen_bundle, "demo", "--no-gui", "--no-hub", "--home", str(tmp_path / "demo"))
    assert demo.returncode == 0, demo.stderr


def test_recovery_and_the_machine_configuration_keys(frozen_bundle: Path, tmp_path: Path) -> None:
    keygen = _run(frozen_bundle, "recovery", "keygen", "--out", str(tmp_path / "it"))
    assert keygen.returncode == 0, keygen.stderr
    model_pem = tmp_path / "it" / "model-signing-public.pem"
    model_pem.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    config = tmp_path / "painbridge.conf"
    config.write_text(
        f"[keys]\nrecovery_public_key = {tmp_path / 'it' / 'recovery-public.pem'}\n"
        f"model_trusted_key = {model_pem}\n",
        encoding="utf-8",
    )
    home = str(tmp_path / "home")
    common = {"PAINBRIDGE_CONFIG": str(config), "PAINBRIDGE_HOME": home}
    init = _run(
        frozen_bundle, "init", PAINBRIDGE_PASSPHRASE="correct horse battery staple", **common
    )
    assert init.returncode == 0, init.stderr
    assert "with an IT recovery slot" in init.stdout
    reset = _run(
        frozen_bundle,
        *("recovery", "reset-passphrase", "--user", "clinician"),
        *("--private-key", str(tmp_path / "it" / "recovery-private.pem")),
        PAINBRIDGE_NEW_PASSPHRASE="a new passphrase from IT",
        **common,
    )
    assert reset.returncode == 0, reset.stderr
    verify = _run(
        frozen_bundle, "audit", "verify", PAINBRIDGE_PASSPHRASE="a new passphrase from IT", **common
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
