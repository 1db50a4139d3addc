"""The model repository: one TUF repository per channel (``stable``, ``pilot``).

Layout under ``<config>/tuf``::

    keys/{root,targets,snapshot,timestamp}.pem    Ed25519 signing keys (owner-only)
    <channel>/metadata/1.root.json, N.targets.json, N.snapshot.json, timestamp.json
    <channel>/targets/bundles/<version>/<sha256>.<file>, <sha256>.release.json

Consistent snapshots are on, so a clinic downloading while a release is published never
mixes two versions. A release is the bundle's files as targets plus ``release.json``
(name, version, file list), the one target a clinic looks up first. The timestamp expires
after a week: ``refresh_timestamp`` re-signs it (the server does so on start and whenever
less than half of its lifetime is left). Production hubs should keep the root key offline
(docs/hub.md, "Key management").
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# The defining modules: tuf and securesystemslib re-export these names without __all__,
# which mypy --strict does not accept from their public modules.
from securesystemslib.signer._crypto_signer import CryptoSigner
from securesystemslib.signer._key import SSlibKey
from tuf.api._payload import MetaFile, Root, Snapshot, TargetFile, Targets, Timestamp
from tuf.api.metadata import Metadata
from tuf.api.serialization.json import JSONSerializer

from sync.hub.errors import HubSetupError, NotFound
from sync.hub.keys import write_secret_file
from sync.hub.settings import HubSettings
from sync.protocol import CHANNELS, Channel, b64encode

ROLES = ("root", "targets", "snapshot", "timestamp")
RELEASE_TARGET = "release.json"
_SERIALIZER = JSONSerializer(compact=False)


@dataclass(frozen=True)
class Release:
    channel: Channel
    name: str
    version: str
    files: tuple[str, ...]
    published_at: datetime


def _load_or_create_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_secret_file(path, pem)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise HubSetupError(f"{path} is not an Ed25519 private key")
    return key


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class ModelRepository:
    """Creates, publishes to and serves the channels' TUF repositories."""

    def __init__(self, directory: Path, settings: HubSettings) -> None:
        self.directory = directory
        self._settings = settings
        self._lock = threading.Lock()
        self._signers: dict[str, CryptoSigner] = {}

    # --- keys and set-up ----------------------------------------------------------------

    def _signer(self, role: str) -> CryptoSigner:
        if role not in self._signers:
            key = _load_or_create_key(self.directory / "keys" / f"{role}.pem")
            public = SSlibKey.from_crypto(key.public_key())
            self._signers[role] = CryptoSigner(key, public)
        return self._signers[role]

    def _metadata_dir(self, channel: Channel) -> Path:
        return self.directory / channel / "metadata"

    def _targets_dir(self, channel: Channel) -> Path:
        return self.directory / channel / "targets"

    def _expiry(self, lifetime: timedelta) -> datetime:
        return (self._settings.now() + lifetime).replace(microsecond=0)

    def ensure_channel(self, channel: Channel) -> None:
        """Create the channel's root, empty targets, snapshot and timestamp when missing."""
        with self._lock:
            if (self._metadata_dir(channel) / "1.root.json").exists():
                return
            settings = self._settings
            root = Root(expires=self._expiry(settings.tuf_root_lifetime), consistent_snapshot=True)
            for role in ROLES:
                root.add_key(self._signer(role).public_key, role)
            self._write(channel, Metadata(root), "1.root.json", "root")
            targets = Targets(version=1, expires=self._expiry(settings.tuf_targets_lifetime))
            self._write(channel, Metadata(targets), "1.targets.json", "targets")
            self._snapshot_and_timestamp(channel, targets_version=1, snapshot_version=1)

    def _write(self, channel: Channel, metadata: Metadata[Any], name: str, role: str) -> None:
        metadata.signatures.clear()
        metadata.sign(self._signer(role))
        _write_atomically(self._metadata_dir(channel) / name, metadata.to_bytes(_SERIALIZER))

    def _snapshot_and_timestamp(
        self, channel: Channel, *, targets_version: int, snapshot_version: int
    ) -> None:
        settings = self._settings
        snapshot = Snapshot(
            version=snapshot_version,
            expires=self._expiry(settings.tuf_snapshot_lifetime),
            meta={"targets.json": MetaFile(version=targets_version)},
        )
        self._write(channel, Metadata(snapshot), f"{snapshot_version}.snapshot.json", "snapshot")
        self._write_timestamp(channel, snapshot_version)

    def _write_timestamp(self, channel: Channel, snapshot_version: int) -> None:
        path = self._metadata_dir(channel) / "timestamp.json"
        version = 1
        if path.exists():
            version = Metadata[Timestamp].from_bytes(path.read_bytes()).signed.version + 1
        timestamp = Timestamp(
            version=version,
            expires=self._expiry(self._settings.tuf_timestamp_lifetime),
            snapshot_meta=MetaFile(version=snapshot_version),
        )
        self._write(channel, Metadata(timestamp), "timestamp.json", "timestamp")

    # --- reading ------------------------------------------------------------------------

    def root_text(self, channel: Channel) -> str:
        """The channel's first root metadata, base64url (clinics bootstrap TUF from it)."""
        self.ensure_channel(channel)
        return b64encode((self._metadata_dir(channel) / "1.root.json").read_bytes())

    def _current(self, channel: Channel) -> tuple[Metadata[Targets], Metadata[Snapshot]]:
        timestamp = Metadata[Timestamp].from_bytes(
            (self._metadata_dir(channel) / "timestamp.json").read_bytes()
        )
        snapshot_version = timestamp.signed.snapshot_meta.version
        snapshot = Metadata[Snapshot].from_bytes(
            (self._metadata_dir(channel) / f"{snapshot_version}.snapshot.json").read_bytes()
        )
        targets_version = snapshot.signed.meta["targets.json"].version
        targets = Metadata[Targets].from_bytes(
            (self._metadata_dir(channel) / f"{targets_version}.targets.json").read_bytes()
        )
        return targets, snapshot

    def current_release(self, channel: Channel) -> Release | None:
        self.ensure_channel(channel)
        targets, _ = self._current(channel)
        info = targets.signed.targets.get(RELEASE_TARGET)
        if info is None:
            return None
        digest = info.hashes["sha256"]
        data = (self._targets_dir(channel) / f"{digest}.{RELEASE_TARGET}").read_bytes()
        return _release_from(channel, json.loads(data))

    def metadata_file(self, channel: Channel, name: str) -> Path:
        """The file behind ``/v1/models/<channel>/metadata/<name>`` (NotFound otherwise)."""
        self.ensure_channel(channel)
        if name == "timestamp.json":
            self.refresh_timestamp(channel, only_if_due=True)
        return _inside(self._metadata_dir(channel), name)

    def target_file(self, channel: Channel, path: str) -> Path:
        self.ensure_channel(channel)
        return _inside(self._targets_dir(channel), path)

    # --- publishing ---------------------------------------------------------------------

    def publish(
        self, channel: Channel, name: str, version: str, files: dict[str, bytes]
    ) -> Release:
        """Add a release (its files and ``release.json``) and re-sign targets, snapshot and
        timestamp. Earlier releases stay listed (a clinic can roll back to them)."""
        self.ensure_channel(channel)
        with self._lock:
            targets, snapshot = self._current(channel)
            published_at = self._settings.now().replace(microsecond=0)
            listed: list[str] = []
            for file_name, data in sorted(files.items()):
                target_path = f"bundles/{version}/{file_name}"
                self._add_target(channel, targets.signed, target_path, data)
                listed.append(target_path)
            release = {
                "name": name,
                "version": version,
                "files": listed,
                "published_at": published_at.isoformat(),
            }
            release_bytes = json.dumps(release, indent=1, sort_keys=True).encode("utf-8")
            self._add_target(channel, targets.signed, RELEASE_TARGET, release_bytes)
            targets.signed.version += 1
            targets.signed.expires = self._expiry(self._settings.tuf_targets_lifetime)
            self._write(channel, targets, f"{targets.signed.version}.targets.json", "targets")
            self._snapshot_and_timestamp(
                channel,
                targets_version=targets.signed.version,
                snapshot_version=snapshot.signed.version + 1,
            )
        return _release_from(channel, release)

    def _add_target(self, channel: Channel, targets: Targets, path: str, data: bytes) -> None:
        info = TargetFile.from_data(path, data, ["sha256"])
        directory, _, base = path.rpartition("/")
        stored = f"{info.hashes['sha256']}.{base}"
        destination = (
            self._targets_dir(channel) / directory / stored
            if directory
            else (self._targets_dir(channel) / stored)
        )
        _write_atomically(destination, data)
        targets.targets[path] = info

    def refresh_timestamp(self, channel: Channel, *, only_if_due: bool = False) -> None:
        """Re-sign the timestamp (same snapshot) so clinics do not see it expire."""
        with self._lock:
            path = self._metadata_dir(channel) / "timestamp.json"
            current = Metadata[Timestamp].from_bytes(path.read_bytes()).signed
            remaining = current.expires - self._settings.now()
            if only_if_due and remaining > self._settings.tuf_timestamp_lifetime / 2:
                return
            self._write_timestamp(channel, current.snapshot_meta.version)

    def refresh_all(self) -> None:
        for channel in CHANNELS:
            self.ensure_channel(channel)
            self.refresh_timestamp(channel, only_if_due=True)


def _release_from(channel: Channel, data: Mapping[str, object]) -> Release:
    files = data["files"]
    assert isinstance(files, list)
    return Release(
        channel=channel,
        name=str(data["name"]),
        version=str(data["version"]),
        files=tuple(str(f) for f in files),
        published_at=datetime.fromisoformat(str(data["published_at"])),
    )


def _inside(base: Path, relative: str) -> Path:
    """``base/relative`` only when it is a plain file inside ``base`` (no traversal)."""
    parts = relative.split("/")
    if not relative or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise NotFound("no such file in the model repository")
    path = base.joinpath(*parts)
    try:
        resolved = path.resolve(strict=True)
    except (FileNotFoundError, OSError):
        raise NotFound("no such file in the model repository") from None
    if not resolved.is_relative_to(base.resolve()) or not resolved.is_file():
        raise NotFound("no such file in the model repository")
    return resolved
