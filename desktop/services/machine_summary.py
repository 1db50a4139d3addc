"""What IT preset for this computer, as Settings shows it: plain values and short key
fingerprints (desktop/services/machine_config.py reads the configuration itself).

A fingerprint is the first 16 hex digits of the SHA-256 of the raw public key, in groups
of four ("1a2b 3c4d 5e6f 7a8b"): for the model-signing key the same digits
`painbridge models verify` prints as "signed by key ...", so IT can compare them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from desktop.services.machine_config import MachineConfig
from models_onnx.signing import key_id

FINGERPRINT_DIGITS = 16
GROUP = 4


@dataclass(frozen=True)
class MachineSummary:
    """The preset values (None: not set) and why the configuration was unusable."""

    hub_url: str | None
    device_name: str | None
    model_channel: str
    source: str | None  # file path, registry key or profile the values came from
    recovery_key_fingerprint: str | None
    model_key_fingerprint: str | None
    problem: str | None  # the configuration was unusable: nothing of it applies

    @property
    def presets_anything(self) -> bool:
        return self.source is not None


def group_digits(digits: str) -> str:
    """ "1a2b3c4d" -> "1a2b 3c4d"."""
    return " ".join(digits[start : start + GROUP] for start in range(0, len(digits), GROUP))


def fingerprint(raw_public_key: bytes) -> str:
    """The first 16 hex digits of SHA-256(raw key), grouped by four."""
    return group_digits(hashlib.sha256(raw_public_key).hexdigest()[:FINGERPRINT_DIGITS])


def summarize_machine_config(machine: MachineConfig, problem: str | None = None) -> MachineSummary:
    """What Settings shows under "Set by IT"."""
    recovery = machine.recovery_public_key
    model_key = machine.model_trusted_key
    return MachineSummary(
        hub_url=machine.hub_url,
        device_name=machine.device_name,
        model_channel=machine.model_channel,
        source=machine.source,
        recovery_key_fingerprint=fingerprint(recovery) if recovery is not None else None,
        model_key_fingerprint=group_digits(key_id(model_key)) if model_key is not None else None,
        problem=problem,
    )
