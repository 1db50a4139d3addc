"""A real hub on 127.0.0.1 for tests outside tests/sync (the GUI tests): start, stop, start
again on the same port (the clinic's enrollment stays valid), issue codes, publish models,
count what arrived. Built on tests/sync/support.py's settings and users."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.app import open_clinic
from models_onnx.signing import development_public_key
from sync.hub.enrollment import issue_code
from sync.hub.publishing import publish_model
from sync.hub.schema import case_versions
from sync.hub.server import EmbeddedHub
from tests.sync.bundles import bundle_version
from tests.sync.support import hub_settings, make_users

CLINIC_NAME = "Hill clinic"


class LocalHub:
    """The real hub app served by uvicorn in a thread; ``stop`` is idempotent."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._embedded: EmbeddedHub | None = EmbeddedHub(hub_settings(directory))
        make_users(self._embedded.hub)
        self.port = self._embedded.port
        self.url = self._embedded.url

    @property
    def embedded(self) -> EmbeddedHub:
        assert self._embedded is not None, "the hub is stopped"
        return self._embedded

    @property
    def running(self) -> bool:
        return self._embedded is not None

    def stop(self) -> None:
        if self._embedded is not None:
            self._embedded.stop()
            self._embedded = None

    def start(self) -> None:
        """Start again on the same port with the same data."""
        if self._embedded is None:
            self._embedded = EmbeddedHub(hub_settings(self.directory), port=self.port)

    def code(self, clinic_name: str = CLINIC_NAME) -> str:
        return issue_code(self.embedded.hub, clinic_name).code

    def stored_versions(self) -> int:
        """Case versions the hub has stored (from every clinic)."""
        with self.embedded.hub.database.reading() as connection:
            count = connection.execute(select(func.count()).select_from(case_versions))
            return int(count.scalar_one())

    def publish(self, work: Path, version: str, channel: str = "stable") -> None:
        """Publish the shipped bundle re-versioned as ``version`` (development-signed)."""
        bundle = bundle_version(work, version)
        publish_model(self.embedded.hub, bundle, channel, development_public_key())  # type: ignore[arg-type]


def enroll_home(home: Path, hub: LocalHub, *, user: str, passphrase: str) -> str:
    """Enroll the store in ``home`` as the CLI would (before the app starts); device id."""
    with open_clinic(home, user=user, passphrase=passphrase) as clinic:
        return clinic.sync.enroll(hub.url, hub.code(), "front desk").device_id
