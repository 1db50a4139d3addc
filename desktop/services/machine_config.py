"""Settings IT presets for the whole computer when installing: the hub, an enrollment code,
the IT recovery key for new stores and the key model bundles from the hub are signed with.

Installers write them where this module reads them (docs/it-guide.md):

- Linux: ``/etc/painbridge/painbridge.conf`` (the .deb writes it from debconf answers)
- Windows: the registry key ``HKLM\\SOFTWARE\\PainBridge`` (the MSI writes it from the
  ``HUBURL``, ``ENROLLMENTCODE``, ``DEVICENAME``, ``MODELCHANNEL``, ``RECOVERYKEY`` and
  ``MODELKEY`` properties)
- macOS: ``/Library/Managed Preferences/org.painbridge.PainBridge.plist`` (a
  configuration profile from the MDM server)

``$PAINBRIDGE_CONFIG`` names a file that replaces all of these (tests, portable use); a
name ending in ``.plist`` is read as a property list, anything else as the INI file::

    [hub]
    url = https://hub.example.org
    enrollment_code = ABCD-...
    device_name = Reception PC
    model_channel = stable

    [keys]
    recovery_public_key = /etc/painbridge/recovery-public.pem
    model_trusted_key = /etc/painbridge/model-signing-public.pem

The two keys are paths of PEM files IT puts on the computer; they are read (and must
parse) when the configuration is loaded. Nothing found means nothing is preset. A value
that breaks a rule is a :class:`~desktop.domain.errors.UserFacingError` naming the file,
the key and the rule: a silently ignored setting would leave IT wondering why a computer
never enrolled, or why its stores cannot be recovered.
"""

from __future__ import annotations

import configparser
import os
import platform
import plistlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from xml.parsers.expat import ExpatError

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.domain.errors import UserFacingError
from desktop.store.recovery_files import read_recovery_public_key
from models_onnx.signing import load_public_key_file

CONFIG_ENV = "PAINBRIDGE_CONFIG"
LINUX_CONFIG_FILE = Path("/etc/painbridge/painbridge.conf")
MACOS_MANAGED_PREFERENCES = Path("/Library/Managed Preferences/org.painbridge.PainBridge.plist")
WINDOWS_REGISTRY_KEY = r"SOFTWARE\PainBridge"
INI_SECTION = "hub"
KEYS_SECTION = "keys"
MODEL_CHANNELS = ("stable", "pilot")
MAX_TEXT_LENGTH = 200

#: The INI sections, their keys and the matching plist / registry value names.
SECTIONS: dict[str, dict[str, str]] = {
    INI_SECTION: {
        "url": "HubURL",
        "enrollment_code": "EnrollmentCode",
        "device_name": "DeviceName",
        "model_channel": "ModelChannel",
    },
    KEYS_SECTION: {
        "recovery_public_key": "RecoveryPublicKey",
        "model_trusted_key": "ModelTrustedKey",
    },
}
#: Every INI key and its plist / registry value name.
SETTING_NAMES = {key: name for keys in SECTIONS.values() for key, name in keys.items()}


class MachineConfigError(UserFacingError):
    """The machine configuration IT installed cannot be read or breaks a rule."""


@dataclass(frozen=True)
class MachineConfig:
    """What IT preset for this computer (None: not preset)."""

    hub_url: str | None = None
    enrollment_code: str | None = None
    device_name: str | None = None
    model_channel: str = "stable"  # "stable" | "pilot"
    source: str | None = None  # where it was read (path or registry key), for display
    #: the PEM file of IT's recovery public key: new stores get a recovery slot for it
    recovery_public_key_file: Path | None = None
    #: the PEM file of the key model bundles from the hub must be signed with
    model_trusted_key_file: Path | None = None
    #: the raw X25519 key read from ``recovery_public_key_file`` at load
    recovery_public_key: bytes | None = field(default=None, repr=False, compare=False)
    #: the Ed25519 key read from ``model_trusted_key_file`` at load
    model_trusted_key: Ed25519PublicKey | None = field(default=None, repr=False, compare=False)


RegistryReader = Callable[[str], dict[str, str] | None]


def read_windows_registry(key_path: str) -> dict[str, str] | None:
    """The string values under HKLM\\``key_path`` (64-bit view); None when the key is absent."""
    if sys.platform != "win32":
        return None
    import winreg

    access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path, 0, access)
    except FileNotFoundError:
        return None
    values: dict[str, str] = {}
    with key:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(key, index)
            except OSError:  # no more values
                break
            if isinstance(value, str):
                values[name] = value
            index += 1
    return values


def load_machine_config(
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
    *,
    registry: RegistryReader = read_windows_registry,
) -> MachineConfig:
    """The machine configuration of this computer (see the module docstring for where)."""
    environ = os.environ if environ is None else environ
    system = platform.system() if system is None else system
    override = environ.get(CONFIG_ENV)
    if override:
        return _load_file(Path(override))
    if system == "Windows":
        key = f"HKEY_LOCAL_MACHINE\\{WINDOWS_REGISTRY_KEY}"
        values = registry(WINDOWS_REGISTRY_KEY)
        return MachineConfig() if values is None else _from_named_values(values, key)
    if system == "Darwin":
        return _load_file(MACOS_MANAGED_PREFERENCES)
    return _load_file(LINUX_CONFIG_FILE)


def machine_config_location(
    environ: Mapping[str, str] | None = None, system: str | None = None
) -> str:
    """Where :func:`load_machine_config` looks on this computer (for messages)."""
    environ = os.environ if environ is None else environ
    system = platform.system() if system is None else system
    if environ.get(CONFIG_ENV):
        return environ[CONFIG_ENV]
    if system == "Windows":
        return f"HKEY_LOCAL_MACHINE\\{WINDOWS_REGISTRY_KEY}"
    return str(MACOS_MANAGED_PREFERENCES if system == "Darwin" else LINUX_CONFIG_FILE)


def _load_file(path: Path) -> MachineConfig:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return MachineConfig()
    except OSError as error:
        raise MachineConfigError(
            f"cannot read the machine configuration {path}: {error.strerror}"
        ) from None
    if path.suffix == ".plist":
        return _from_plist(data, path)
    return _from_ini(data, path)


def _from_ini(data: bytes, path: Path) -> MachineConfig:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(data.decode("utf-8-sig"), source=str(path))
    except (UnicodeDecodeError, configparser.Error) as error:
        raise MachineConfigError(
            f"the machine configuration {path} is not a valid INI file: {error}"
        ) from None
    values: dict[str, str] = {}
    for name in parser.sections():
        known = SECTIONS.get(name)
        if known is None:
            raise MachineConfigError(
                f"{path}: [{name}] is not a known section (known: {', '.join(SECTIONS)})"
            )
        section = parser[name]
        for key in sorted(set(section) - set(known)):
            home = _section_of(key)
            hint = f"it belongs in [{home}]" if home else f"known: {', '.join(known)}"
            raise MachineConfigError(f"{path}: [{name}] {key} is not a known setting ({hint})")
        values |= {key: section[key] for key in known if key in section}
    return _validated(values, str(path), lambda key: f"[{_section_of(key)}] {key}")


def _section_of(key: str) -> str | None:
    return next((name for name, keys in SECTIONS.items() if key in keys), None)


def _from_plist(data: bytes, path: Path) -> MachineConfig:
    try:
        loaded = plistlib.loads(data)
    except (ValueError, ExpatError) as error:  # InvalidFileException is a ValueError
        raise MachineConfigError(
            f"the managed preferences {path} are not a valid property list: {error}"
        ) from None
    if not isinstance(loaded, dict):
        raise MachineConfigError(f"the managed preferences {path} must hold a dictionary")
    for name in SETTING_NAMES.values():
        if name in loaded and not isinstance(loaded[name], str):
            raise MachineConfigError(f"{path}: {name} must be a string")
    # Managed preferences also hold keys the MDM adds (e.g. PayloadUUID): ignore those.
    return _from_named_values({k: v for k, v in loaded.items() if isinstance(v, str)}, str(path))


def _from_named_values(values: Mapping[str, str], source: str) -> MachineConfig:
    """Settings stored under their plist / registry names (HubURL, ...)."""
    names = {name: key for key, name in SETTING_NAMES.items()}
    chosen = {names[name]: value for name, value in values.items() if name in names}
    return _validated(chosen, source, lambda key: SETTING_NAMES[key])


def _validated(
    values: Mapping[str, str], source: str, label: Callable[[str], str]
) -> MachineConfig:
    """Check every value; empty values mean "not set" (an installer writes them so)."""
    cleaned = {key: value.strip() for key, value in values.items() if value.strip()}

    def fail(key: str, rule: str) -> MachineConfigError:
        return MachineConfigError(f"{source}: {label(key)} {rule}, got {cleaned[key][:80]!r}")

    url = cleaned.get("url")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise fail("url", "must be an http:// or https:// address with a host name")
    channel = cleaned.get("model_channel", "stable").lower()
    if channel not in MODEL_CHANNELS:
        raise fail("model_channel", f"must be one of {', '.join(MODEL_CHANNELS)}")
    for key in ("enrollment_code", "device_name"):
        text = cleaned.get(key)
        if text is not None and (len(text) > MAX_TEXT_LENGTH or not text.isprintable()):
            raise fail(key, f"must be at most {MAX_TEXT_LENGTH} printable characters")
    recovery_file = _key_file(cleaned, "recovery_public_key", fail)
    model_file = _key_file(cleaned, "model_trusted_key", fail)
    return MachineConfig(
        hub_url=url.rstrip("/") if url else None,
        enrollment_code=cleaned.get("enrollment_code"),
        device_name=cleaned.get("device_name"),
        model_channel=channel,
        source=source,
        recovery_public_key_file=recovery_file,
        model_trusted_key_file=model_file,
        recovery_public_key=_read_key(
            recovery_file,
            read_recovery_public_key,
            lambda reason: fail(
                "recovery_public_key",
                "must name the IT recovery public key (recovery-public.pem from `painbridge "
                f"recovery keygen`): {reason}",
            ),
        ),
        model_trusted_key=_read_key(
            model_file,
            load_public_key_file,
            lambda reason: fail(
                "model_trusted_key",
                f"must name the hub's model-signing public key (an Ed25519 PEM file): {reason}",
            ),
        ),
    )


def _key_file(
    cleaned: Mapping[str, str], key: str, fail: Callable[[str, str], MachineConfigError]
) -> Path | None:
    """The absolute path a key setting names (None: not set)."""
    text = cleaned.get(key)
    if text is None:
        return None
    path = Path(text)
    if not path.is_absolute():
        raise fail(key, "must be an absolute path (of a PEM file)")
    return path


Key = TypeVar("Key")


def _read_key(
    path: Path | None,
    read: Callable[[Path], Key],
    fail: Callable[[str], MachineConfigError],
) -> Key | None:
    """The key in ``path``, read now so a wrong file is reported at load, not at first use."""
    if path is None:
        return None
    try:
        return read(path)
    except UserFacingError as error:  # unreadable, or not that kind of key
        raise fail(str(error)) from None
    except (ValueError, TypeError):  # cryptography refuses the PEM block itself
        raise fail(f"{path} is not a readable PEM key") from None
