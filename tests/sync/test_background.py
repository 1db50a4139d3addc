"""The Qt-free background sync: rounds on its own thread, store work on the store's thread."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from desktop.services.background_sync import BackgroundSync
from desktop.services.sync import SyncReport, SyncService
from sync.client import Backoff
from sync.hub.server import EmbeddedHub
from tests.sync.support import add_many, enroll, hub_settings, open_clinic
from tests.unit.test_store_support import Template


def test_background_rounds_run_off_the_store_thread_and_back_off_while_offline(
    clinic_template: Template, tmp_path: Path
) -> None:
    store_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")

    def on_store(work: Any) -> Any:
        return store_thread.submit(work).result()

    hub = EmbeddedHub(hub_settings(tmp_path / "hub"))
    clinic = on_store(lambda: open_clinic(clinic_template, tmp_path / "clinic"))
    on_store(lambda: enroll(clinic, hub.hub, hub.url))
    on_store(lambda: add_many(clinic, range(30)))
    service = SyncService(
        clinic.store,
        actor="clinician",
        connect=clinic.sync._connect,
        run_on_store=on_store,
        sleep=lambda seconds: None,
        max_failures=1,
    )
    reports: list[SyncReport] = []
    done = threading.Event()

    def received(report: SyncReport) -> None:
        reports.append(report)
        done.set()

    background = BackgroundSync(
        service, interval=60, backoff=Backoff(base_seconds=30, cap_seconds=60), on_report=received
    )
    try:
        background.start()
        assert done.wait(30)
        assert reports[0].sent == 30 and background.state().consecutive_failures == 0
        hub.stop()
        done.clear()
        background.trigger()
        assert done.wait(30)
        state = background.state()
        assert reports[-1].offline and state.consecutive_failures == 1
        assert state.next_round_in is not None and state.next_round_in <= 30
        status = on_store(service.current)
        assert status.state == "offline"
    finally:
        background.stop()
        on_store(clinic.close)
        store_thread.shutdown()
    assert not any(t.name == "background-sync" for t in threading.enumerate())
