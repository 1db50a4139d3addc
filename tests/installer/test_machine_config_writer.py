"""installers/deb/write-machine-config, the part of the .deb's postinst that writes
/etc/painbridge/painbridge.conf, run directly (no package, no debconf): quoting, defaults,
warnings, and hand edits kept. The application's reader must accept what it writes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.app import create_recovery_keypair, load_recovery_public_key
from desktop.services.machine_config import MachineConfig, load_machine_config

WRITER = Path(__file__).resolve().parents[2] / "installers" / "deb" / "write-machine-config"


def _write(root: Path, **values: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ["PATH"], "DPKG_ROOT": str(root)}
    environment |= {f"PAINBRIDGE_{key.upper()}": value for key, value in values.items()}
    return subprocess.run(
        ["sh", str(WRITER)], env=environment, capture_output=True, text=True, check=True
    )


def _read(root: Path) -> MachineConfig:
    path = root / "etc" / "painbridge" / "painbridge.conf"
    return load_machine_config({"PAINBRIDGE_CONFIG": str(path)})


def test_values_are_written_one_line_each_as_the_reader_expects(tmp_path: Path) -> None:
    _write(
        tmp_path,
        hub_url=" https://hub.example.org/pb?x=1#top \n",
        enrollment_code="K7Q2-M4XD",
        device_name="Room 2; 50% #1\nsecond line",
        model_channel="",
    )
    assert _read(tmp_path) == MachineConfig(
        hub_url="https://hub.example.org/pb?x=1#top",
        enrollment_code="K7Q2-M4XD",
        device_name="Room 2; 50% #1second line",
        model_channel="stable",
        source=str(tmp_path / "etc" / "painbridge" / "painbridge.conf"),
    )
    config = tmp_path / "etc" / "painbridge" / "painbridge.conf"
    assert oct(config.stat().st_mode & 0o777) == "0o644"
    assert list(config.parent.iterdir()) == [config]  # no temporary file left behind


def test_invalid_answers_are_written_with_a_warning(tmp_path: Path) -> None:
    result = _write(tmp_path, hub_url="hub.example.org", model_channel="beta")
    assert "hub address 'hub.example.org' is not an http:// or https:// address" in (result.stdout)
    assert "model channel 'beta' is not stable or pilot" in result.stdout


def test_hand_edited_file_is_kept(tmp_path: Path) -> None:
    _write(tmp_path, hub_url="https://a.example.org")
    config = tmp_path / "etc" / "painbridge" / "painbridge.conf"
    config.write_text("[hub]\nurl = https://edited.example.org\n", encoding="utf-8")
    result = _write(tmp_path, hub_url="https://b.example.org")
    assert "was edited by hand; keeping it" in result.stdout
    assert _read(tmp_path).hub_url == "https://edited.example.org"


def test_file_placed_before_installation_is_kept(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "painbridge" / "painbridge.conf"
    config.parent.mkdir(parents=True)
    config.write_text("[hub]\nurl = https://ansible.example.org\n", encoding="utf-8")
    result = _write(tmp_path, hub_url="https://debconf.example.org")
    assert "keeping the existing" in result.stdout
    assert _read(tmp_path).hub_url == "https://ansible.example.org"


def test_unchanged_file_is_rewritten_with_new_answers(tmp_path: Path) -> None:
    _write(tmp_path, hub_url="https://a.example.org")
    _write(tmp_path, hub_url="https://b.example.org")
    assert _read(tmp_path).hub_url == "https://b.example.org"


def test_key_files_are_written_as_the_reader_expects(tmp_path: Path) -> None:
    _private, recovery_pem = create_recovery_keypair(tmp_path / "it")
    model_key = Ed25519PrivateKey.generate().public_key()
    model_pem = tmp_path / "it" / "model-signing-public.pem"
    model_pem.write_bytes(model_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    root = tmp_path / "root"
    for pem in (recovery_pem, model_pem):  # where the writer looks: below DPKG_ROOT
        inside = root / pem.relative_to("/")
        inside.parent.mkdir(parents=True, exist_ok=True)
        inside.write_bytes(pem.read_bytes())

    result = _write(
        root,
        hub_url="https://hub.example.org",
        recovery_public_key=f" {recovery_pem}\n",
        model_trusted_key=str(model_pem),
    )
    assert "warning" not in result.stdout
    config = _read(root)
    assert (config.recovery_public_key_file, config.model_trusted_key_file) == (
        recovery_pem,
        model_pem,
    )
    assert config.recovery_public_key == load_recovery_public_key(recovery_pem)
    assert config.model_trusted_key == model_key


def test_key_files_that_the_application_would_refuse_are_written_with_a_warning(
    tmp_path: Path,
) -> None:
    result = _write(
        tmp_path,
        recovery_public_key="recovery-public.pem",
        model_trusted_key="/etc/painbridge/model-signing-public.pem",
    )
    assert (
        "the recovery public key file 'recovery-public.pem' is not an absolute path"
        in result.stdout
    )
    assert (
        "the model-signing public key file /etc/painbridge/model-signing-public.pem does not "
        "exist (yet)" in result.stdout
    )
    text = (tmp_path / "etc" / "painbridge" / "painbridge.conf").read_text(encoding="utf-8")
    assert "[keys]\nrecovery_public_key = recovery-public.pem\n" in text
