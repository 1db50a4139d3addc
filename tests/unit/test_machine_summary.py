"""What Settings shows under "Set by IT": the preset values and short key fingerprints,
read from a real configuration file with real key files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.services.machine_config import MachineConfig, load_machine_config
from desktop.services.machine_summary import (
    MachineSummary,
    fingerprint,
    group_digits,
    summarize_machine_config,
)
from desktop.store import generate_recovery_keypair
from desktop.store.recovery_files import write_recovery_keypair
from models_onnx.signing import key_id


def test_a_fingerprint_is_the_first_16_hex_digits_of_sha256_grouped_by_four() -> None:
    raw = bytes(range(32))
    digits = hashlib.sha256(raw).hexdigest()[:16]
    assert fingerprint(raw) == " ".join([digits[0:4], digits[4:8], digits[8:12], digits[12:16]])
    assert fingerprint(bytes(32)) == "6668 7aad f862 bd77"  # sha256 of 32 zero bytes
    assert group_digits("1a2b3c4d5e") == "1a2b 3c4d 5e"
    assert fingerprint(raw) != fingerprint(bytes(32))


def test_the_summary_of_a_configuration_file_with_both_keys(tmp_path: Path) -> None:
    private, public = generate_recovery_keypair()
    _private_path, recovery_pem = write_recovery_keypair(tmp_path / "it", private, public)
    model_key = Ed25519PrivateKey.generate().public_key()
    model_pem = tmp_path / "model-signing-public.pem"
    model_pem.write_bytes(model_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    conf = tmp_path / "painbridge.conf"
    conf.write_text(
        "[hub]\nurl = https://hub.example.org/\ndevice_name = Reception PC\n"
        f"[keys]\nrecovery_public_key = {recovery_pem}\nmodel_trusted_key = {model_pem}\n",
        encoding="utf-8",
    )
    machine = load_machine_config({"PAINBRIDGE_CONFIG": str(conf)}, "Linux")

    summary = summarize_machine_config(machine)

    model_raw = model_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert summary == MachineSummary(
        hub_url="https://hub.example.org",
        device_name="Reception PC",
        model_channel="stable",
        source=str(conf),
        recovery_key_fingerprint=fingerprint(public),
        model_key_fingerprint=fingerprint(model_raw),
        problem=None,
    )
    # The model key's digits are those `painbridge models verify` prints.
    assert summary.model_key_fingerprint is not None
    assert summary.model_key_fingerprint.replace(" ", "") == key_id(model_key)
    assert summary.presets_anything


def test_nothing_preset_and_an_unusable_configuration() -> None:
    summary = summarize_machine_config(MachineConfig(), "painbridge.conf: [hub] url must be ...")
    assert summary.recovery_key_fingerprint is None and summary.model_key_fingerprint is None
    assert summary.hub_url is None and summary.source is None
    assert summary.problem == "painbridge.conf: [hub] url must be ..."
    assert not summary.presets_anything
