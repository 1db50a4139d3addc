"""The model panel's use cases against a real hub: check, install with progress (the new
bundle loaded on the store's thread), cancel, roll back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from desktop.services.hub_services import HubServices, build_hub_services
from desktop.services.jobs import CancelToken, JobCancelled, Progress
from desktop.services.models import ModelService
from models_onnx.signing import development_public_key
from sync.hub.publishing import publish_model
from sync.hub.server import EmbeddedHub
from tests.sync.bundles import bundle_version
from tests.sync.support import Clinic, connector, enroll, open_clinic
from tests.unit.test_store_support import Template


class Site:
    def __init__(self, clinic: Clinic, services: HubServices, models: ModelService) -> None:
        self.clinic, self.services, self.models = clinic, services, models
        self.loaded_on: list[str] = []


@pytest.fixture
def site(clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path) -> Iterator[Site]:
    store_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")

    def on_store(work: Callable[[], Any]) -> Any:
        return store_thread.submit(work).result()

    clinic = on_store(lambda: open_clinic(clinic_template, tmp_path / "clinic"))
    on_store(lambda: enroll(clinic, live_hub.hub, live_hub.url))
    models = ModelService(default_bundle=None)
    services = build_hub_services(
        clinic.store,
        actor="clinician",
        connect=connector(),
        models=models,
        models_directory=tmp_path / "clinic-models",
        run_on_store=on_store,
    )
    site = Site(clinic, services, models)
    original = models.load

    def load(directory: Path) -> Any:
        site.loaded_on.append(threading.current_thread().name)
        return original(directory)

    models.load = load  # type: ignore[method-assign]
    yield site
    on_store(clinic.close)
    store_thread.shutdown()


def _publish(hub: EmbeddedHub, tmp_path: Path, version: str) -> None:
    publish_model(hub.hub, bundle_version(tmp_path, version), "stable", development_public_key())  # type: ignore[arg-type]


def test_check_install_and_roll_back(site: Site, live_hub: EmbeddedHub, tmp_path: Path) -> None:
    releases = site.services.releases
    assert releases.check().available is None
    assert releases.check_quietly().outcome == "no_release"
    _publish(live_hub, tmp_path, "0.2.0")
    status = releases.check()
    assert (status.available, status.installed) == ("0.2.0", None)
    assert status.last_verified is not None and not status.overdue
    steps: list[Progress] = []
    report = releases.install(steps.append)
    assert (report.outcome, report.version) == ("installed", "0.2.0")
    downloads = [p for p in steps if p.message == "downloading model 0.2.0"]
    assert [p.done for p in downloads] == list(range(len(downloads))) and len(downloads) >= 3
    assert steps[-1] == Progress(len(downloads), len(downloads), "verifying model 0.2.0")
    assert site.loaded_on and all(name.startswith("store") for name in site.loaded_on)
    assert str(site.models.status().active_version).endswith("0.2.0")
    assert releases.status().available is None
    _publish(live_hub, tmp_path, "0.3.0")
    quietly = releases.check_quietly()
    assert (quietly.outcome, quietly.version) == ("available", "0.3.0")
    releases.install()
    assert (releases.status().installed, releases.status().previous) == ("0.3.0", "0.2.0")
    assert releases.rollback() == "0.2.0"
    status = releases.status()
    assert (status.installed, status.previous, status.available) == ("0.2.0", "0.3.0", "0.3.0")
    assert str(site.models.status().active_version).endswith("0.2.0")


def test_a_cancelled_install_changes_nothing(
    site: Site, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    _publish(live_hub, tmp_path, "0.2.0")
    token = CancelToken()
    token.cancel()
    with pytest.raises(JobCancelled):
        site.services.releases.install(cancel=token)
    assert site.services.releases.status().installed is None and not site.loaded_on
