"""Signed model updates through TUF: install, roll back, and refuse every bad repository."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.services.model_updates import ModelUpdateService
from desktop.services.models import ModelService
from models_onnx.signing import development_public_key
from sync.hub.publishing import publish_model
from sync.hub.server import EmbeddedHub
from sync.hub.tuf_repository import ModelRepository
from tests.sync.bundles import bundle_version
from tests.sync.support import Clinic, enroll, hub_settings, open_clinic
from tests.unit.test_store_support import Template


class Site:
    def __init__(self, clinic: Clinic, updates: ModelUpdateService, models: ModelService) -> None:
        self.clinic, self.updates, self.models = clinic, updates, models

    def sync(self) -> str:
        report = self.clinic.sync.sync_now()
        assert report.models is not None
        return report.models.outcome

    @property
    def active(self) -> str | None:
        return self.updates.status().active

    @property
    def loaded(self) -> str | None:
        return self.models.status().active_version


@pytest.fixture
def site(clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path) -> Iterator[Site]:
    models = ModelService(default_bundle=None)
    updates = ModelUpdateService(tmp_path / "clinic-models", models)
    clinic = open_clinic(clinic_template, tmp_path / "clinic", models=updates)
    enroll(clinic, live_hub.hub, live_hub.url)
    yield Site(clinic, updates, models)
    clinic.close()


def _publish(hub: EmbeddedHub, tmp_path: Path, version: str, channel: str = "stable") -> None:
    bundle = bundle_version(tmp_path, version)
    publish_model(hub.hub, bundle, channel, development_public_key())  # type: ignore[arg-type]


def test_a_published_bundle_is_installed_and_can_be_rolled_back(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    assert site.sync() == "no_release"
    _publish(live_hub, tmp_path, "0.2.0")
    assert site.sync() == "installed"
    assert site.active == "0.2.0" and site.loaded.endswith("0.2.0")  # type: ignore[union-attr]
    assert site.sync() == "up_to_date"
    assert [m.kind for m in site.clinic.sync.inbox()] == ["model_release"]
    _publish(live_hub, tmp_path, "0.3.0")
    assert site.sync() == "installed"
    assert (site.active, site.updates.status().previous) == ("0.3.0", "0.2.0")
    assert site.updates.rollback() == "0.2.0"
    assert site.active == "0.2.0" and site.loaded.endswith("0.2.0")  # type: ignore[union-attr]
    assert site.updates.active_bundle() == site.updates.directory / "bundles" / "0.2.0"


def test_pilot_releases_do_not_reach_stable_clinics(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    _publish(live_hub, tmp_path, "0.9.0-pilot", channel="pilot")
    assert site.sync() == "no_release" and site.active is None


def _installed(site: Site, hub: EmbeddedHub, tmp_path: Path) -> None:
    _publish(hub, tmp_path, "0.2.0")
    assert site.sync() == "installed"


def test_a_tampered_target_is_refused(site: Site, live_hub: EmbeddedHub, tmp_path: Path) -> None:
    _installed(site, live_hub, tmp_path)
    _publish(live_hub, tmp_path, "0.3.0")
    targets = live_hub.hub.models.directory / "stable" / "targets" / "bundles" / "0.3.0"
    onnx = next(targets.glob("*.subtype.onnx"))
    data = bytearray(onnx.read_bytes())
    data[100] ^= 0xFF
    onnx.write_bytes(bytes(data))
    report = site.clinic.sync.sync_now().models
    assert report is not None and report.outcome == "refused"
    assert "LengthOrHashMismatch" in report.detail
    assert site.active == "0.2.0" and site.loaded.endswith("0.2.0")  # type: ignore[union-attr]


def test_rolled_back_metadata_is_refused(site: Site, live_hub: EmbeddedHub, tmp_path: Path) -> None:
    metadata = live_hub.hub.models.directory / "stable" / "metadata"
    _installed(site, live_hub, tmp_path)
    old = (metadata / "timestamp.json").read_bytes()
    _publish(live_hub, tmp_path, "0.3.0")
    assert site.sync() == "installed"
    (metadata / "timestamp.json").write_bytes(old)  # an attacker replays the old timestamp
    report = site.clinic.sync.sync_now().models
    assert report is not None and report.outcome == "refused"
    assert "Version" in report.detail
    assert site.active == "0.3.0"


def test_expired_metadata_is_refused_and_the_clinic_reports_how_overdue(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    _installed(site, live_hub, tmp_path)
    past = datetime.now(UTC) - timedelta(days=30)
    stale = hub_settings(live_hub.hub.settings.config_dir, clock=lambda: past)
    live_hub.hub.models = ModelRepository(live_hub.hub.models.directory, stale)
    _publish(live_hub, tmp_path, "0.3.0")  # signed 30 days ago: expired on arrival
    report = site.clinic.sync.sync_now().models
    assert report is not None and report.outcome == "refused" and "xpired" in report.detail
    assert site.active == "0.2.0"
    later = ModelUpdateService(
        site.updates.directory, site.models, clock=lambda: datetime.now(UTC) + timedelta(days=30)
    )
    status = later.status()
    assert 22 < status.overdue_days < 24 and "last verified model stays in use" in status.note


def test_metadata_signed_with_the_wrong_key_is_refused(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    _installed(site, live_hub, tmp_path)
    repository = live_hub.hub.models
    (repository.directory / "keys" / "timestamp.pem").unlink()
    fresh = ModelRepository(repository.directory, repository._settings)
    live_hub.hub.models = fresh
    fresh.refresh_timestamp("stable")  # signed by a newly generated, untrusted key
    report = site.clinic.sync.sync_now().models
    assert report is not None and report.outcome == "refused"
    assert "UnsignedMetadata" in report.detail
    assert site.active == "0.2.0"


def test_offline_keeps_the_installed_model(clinic_template: Template, tmp_path: Path) -> None:
    models = ModelService(default_bundle=None)
    updates = ModelUpdateService(tmp_path / "clinic-models", models)
    with EmbeddedHub(hub_settings(tmp_path / "hub")) as hub:
        clinic = open_clinic(clinic_template, tmp_path / "clinic", models=updates, max_failures=1)
        enroll(clinic, hub.hub, hub.url)
        _publish(hub, tmp_path, "0.2.0")
        assert clinic.sync.sync_now().models.outcome == "installed"  # type: ignore[union-attr]
    try:
        report = clinic.sync.sync_now()
        assert report.offline and updates.status().active == "0.2.0"
    finally:
        clinic.close()
    shutil.rmtree(tmp_path / "hub", ignore_errors=True)


def test_interrupted_downloads_resume_with_range_requests(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    from sync.transport import ResumingDownload
    from tests.sync.fault_proxy import FaultProxy
    from tests.sync.support import point_at

    _publish(live_hub, tmp_path, "0.2.0")
    fetchers: list[ResumingDownload] = []
    original = ResumingDownload.__init__

    def remember(self: ResumingDownload, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        fetchers.append(self)

    with FaultProxy(live_hub.port, weights={"pass": 0.6, "truncate": 0.4}, seed=3) as proxy:
        point_at(site.clinic, proxy.url)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(ResumingDownload, "__init__", remember)
            outcomes = [site.clinic.sync.sync_now().models for _ in range(5)]
    assert any(o is not None and o.outcome == "installed" for o in outcomes), outcomes
    assert site.active == "0.2.0"
    assert sum(f.resumed for f in fetchers) > 0
