"""Model updates at the clinic: TUF-verified download, atomic activation, rollback.

Layout of the clinic's model directory (``<home>/models``)::

    tuf/<channel>/           TUF metadata the ngclient trusts (root.json, timestamp.json ...)
    downloads/<version>/     verified target files of a release being installed
    bundles/<version>/       installed bundles (the active one and the previous one)
    state.json               {"active", "previous", "channel", "last_verified", "expires"}

python-tuf refuses tampered, rolled-back, expired or wrongly signed metadata and any
target whose length or hash differs; the caller then verifies the bundle's own signature
(models_onnx) before :meth:`ModelUpdater.activate` moves it into place. Activation is one
``rename`` of a directory plus an atomic replace of ``state.json``: a crash leaves either
the old or the new bundle active, never a mix. While offline (or when the hub's metadata
expired) the last verified bundle stays active and :meth:`ModelUpdater.status` says how
overdue the check is.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import UserFacingError
from sync.protocol import API_PREFIX, Channel, b64decode

if TYPE_CHECKING:
    # python-tuf (with urllib3 and securesystemslib) is imported when an update is
    # checked, not at every start of the application (~110 ms; docs/benchmarks.md "GUI").
    from tuf.ngclient.fetcher import FetcherInterface
    from tuf.ngclient.updater import Updater

RELEASE_TARGET = "release.json"
STATE_FILE = "state.json"
_SAFE_VERSION = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+-_")


class ModelUpdateRefused(UserFacingError):
    """The hub's model metadata or files failed verification; nothing was changed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"A model update was refused because it failed verification ({reason}). The "
            "model in use is unchanged. Tell IT if this happens again."
        )


class ModelUpdateOffline(UserFacingError):
    """The model repository could not be reached; the model in use is unchanged."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"The hub's model repository cannot be reached ({reason}); the model in use is "
            "unchanged and the check is retried at the next sync."
        )


@dataclass(frozen=True)
class Release:
    name: str
    version: str
    files: tuple[str, ...]  # target paths, e.g. "bundles/1.2.0/manifest.json"
    published_at: str


@dataclass(frozen=True)
class UpdateState:
    active: str | None
    previous: str | None
    channel: str | None
    last_verified: datetime | None
    expires: datetime | None

    def overdue_seconds(self, now: datetime) -> float:
        """How long past the verified metadata's expiry we are (0: not overdue)."""
        if self.expires is None:
            return 0.0
        return max(0.0, (now - self.expires).total_seconds())


def _parse_time(value: Any) -> datetime | None:
    return None if not value else datetime.fromisoformat(str(value))


def _write_json_atomically(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    if os.name == "nt":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class ModelUpdater:
    """Checks a channel, downloads a release, activates it, rolls back."""

    def __init__(
        self,
        directory: Path,
        *,
        hub_url: str,
        tuf_roots: dict[str, str],
        fetcher: Callable[[], FetcherInterface],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.directory = Path(directory)
        self._hub_url = hub_url.rstrip("/")
        self._roots = tuf_roots
        self._fetcher = fetcher
        self._clock = clock

    # --- state --------------------------------------------------------------------------

    @property
    def _state_path(self) -> Path:
        return self.directory / STATE_FILE

    def _read_state(self) -> dict[str, Any]:
        try:
            value = json.loads(self._state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return value if isinstance(value, dict) else {}

    def status(self) -> UpdateState:
        state = self._read_state()
        return UpdateState(
            active=state.get("active"),
            previous=state.get("previous"),
            channel=state.get("channel"),
            last_verified=_parse_time(state.get("last_verified")),
            expires=_parse_time(state.get("expires")),
        )

    def bundle_dir(self, version: str) -> Path:
        return self.directory / "bundles" / version

    def active_bundle(self) -> Path | None:
        active = self._read_state().get("active")
        if not active:
            return None
        path = self.bundle_dir(str(active))
        return path if path.is_dir() else None

    # --- checking and downloading -------------------------------------------------------

    def _updater(self, channel: Channel) -> Updater:
        from tuf.ngclient.config import UpdaterConfig
        from tuf.ngclient.updater import Updater

        metadata_dir = self.directory / "tuf" / channel
        metadata_dir.mkdir(parents=True, exist_ok=True)
        bootstrap = None
        if not (metadata_dir / "root.json").exists():
            root = self._roots.get(channel)
            if root is None:
                raise ModelUpdateRefused(f"no trusted root for channel {channel!r}")
            bootstrap = b64decode(root)
        base = f"{self._hub_url}{API_PREFIX}/models/{channel}"
        return Updater(
            metadata_dir=str(metadata_dir),
            metadata_base_url=f"{base}/metadata/",
            target_base_url=f"{base}/targets/",
            target_dir=str(self.directory / "downloads"),
            fetcher=self._fetcher(),
            config=UpdaterConfig(max_root_rotations=32),
            bootstrap=bootstrap,
        )

    def check(self, channel: Channel) -> tuple[Updater, Release | None]:
        """Refresh the channel's metadata and read its current release (None: none yet)."""
        from tuf.api.exceptions import DownloadError, RepositoryError

        try:
            updater = self._updater(channel)
            updater.refresh()
            info = updater.get_targetinfo(RELEASE_TARGET)
            release = None
            if info is not None:
                path = self.directory / "downloads" / "release.json"
                cached = updater.find_cached_target(info, str(path))
                path = Path(cached or updater.download_target(info, str(path)))
                release = self._release(json.loads(path.read_bytes()))
        except RepositoryError as error:
            raise ModelUpdateRefused(f"{type(error).__name__}: {error}") from None
        except DownloadError as error:
            raise ModelUpdateOffline(str(error)) from None
        self._remember_verified(channel, updater)
        return updater, release

    def _release(self, data: Any) -> Release:
        if not isinstance(data, dict) or not isinstance(data.get("files"), list):
            raise ModelUpdateRefused("release.json is not a release description")
        version = str(data.get("version", ""))
        if not version or set(version) - _SAFE_VERSION or version.startswith("."):
            raise ModelUpdateRefused(f"release version {version!r} is not a plain version")
        files = tuple(str(name) for name in data["files"])
        prefix = f"bundles/{version}/"
        if any(not name.startswith(prefix) or "/" in name[len(prefix) :] for name in files):
            raise ModelUpdateRefused("release.json lists files outside its bundle")
        return Release(str(data.get("name", "")), version, files, str(data.get("published_at")))

    def _remember_verified(self, channel: Channel, updater: Updater) -> None:
        metadata = self.directory / "tuf" / channel / "timestamp.json"
        expires: str | None = None
        with contextlib.suppress(OSError, ValueError, KeyError):
            expires = json.loads(metadata.read_bytes())["signed"]["expires"]
        state = self._read_state()
        state.update(
            channel=channel,
            last_verified=self._clock().isoformat(),
            expires=None if expires is None else expires.replace("Z", "+00:00"),
        )
        _write_json_atomically(self._state_path, state)

    def download(self, updater: Updater, release: Release) -> Path:
        """Every file of ``release``, verified by TUF, into ``downloads/<version>``.

        Files already there with the right hash are kept (an interrupted update resumes).
        """
        from tuf.api.exceptions import DownloadError, RepositoryError

        staging = self.directory / "downloads" / release.version
        staging.mkdir(parents=True, exist_ok=True)
        try:
            for target in release.files:
                info = updater.get_targetinfo(target)
                if info is None:
                    raise ModelUpdateRefused(f"{target} is listed but not signed")
                path = staging / target.rsplit("/", 1)[-1]
                if updater.find_cached_target(info, str(path)) is None:
                    updater.download_target(info, str(path))
        except RepositoryError as error:
            raise ModelUpdateRefused(f"{type(error).__name__}: {error}") from None
        except DownloadError as error:
            raise ModelUpdateOffline(str(error)) from None
        return staging

    # --- activation ---------------------------------------------------------------------

    def activate(self, staging: Path, version: str) -> Path:
        """Make the verified bundle in ``staging`` the active one; keep the previous one."""
        destination = self.bundle_dir(version)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.exists():
            shutil.rmtree(staging, ignore_errors=True)
        else:
            os.replace(staging, destination)
            _sync_directory(destination.parent)
        state = self._read_state()
        if state.get("active") != version:
            state["previous"] = state.get("active")
            state["active"] = version
        state["activated_at"] = self._clock().isoformat()
        _write_json_atomically(self._state_path, state)
        self._prune(keep={version, str(state.get("previous") or "")})
        return destination

    def rollback(self) -> str:
        """Make the previous bundle active again (the rolled-back one becomes previous)."""
        state = self._read_state()
        previous, active = state.get("previous"), state.get("active")
        if not previous or not self.bundle_dir(str(previous)).is_dir():
            raise ModelUpdateRefused("there is no previous model bundle to roll back to")
        state["active"], state["previous"] = previous, active
        _write_json_atomically(self._state_path, state)
        return str(previous)

    def _prune(self, keep: set[str]) -> None:
        bundles = self.directory / "bundles"
        for child in bundles.iterdir() if bundles.is_dir() else ():
            if child.is_dir() and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    def discard(self, staging: Path) -> None:
        """Forget a downloaded release that failed verification."""
        shutil.rmtree(staging, ignore_errors=True)
