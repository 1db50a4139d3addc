""" "Send to hub" on the report screen, against a real hub on 127.0.0.1: enabled with the
referral reasons for a consented case, the click queues the referral and a sync round
delivers it to the review queue; without consent the button stays disabled and says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from sync.hub.review import review_queue
from sync.hub.schema import reviews
from sync.hub.triage import CLINICIAN_REQUEST_REASON
from sync.protocol import QueueEntry
from tests.gui.helpers import PASSPHRASE, USER, unlock
from tests.gui.test_background_sync import ROUND_TIMEOUT_MS, wait_online
from tests.gui.test_report_and_follow_up import assess
from tests.hub_fixtures import LocalHub, enroll_home

pytestmark = pytest.mark.gui
CLINICIAN_REASON = "The clinician asked for a hub review."


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LocalHub]:
    running = LocalHub(tmp_path / "hub")
    yield running
    running.stop()


def _open(qtbot, app, name: str) -> None:  # type: ignore[no-untyped-def]
    """Open a case by name (the list reloads after a round that sent: wait for the row)."""
    model = app.clinic.cases.model

    def row() -> int | None:
        rows = range(model.rowCount())
        return next((r for r in rows if model.index(r, 1).data() == name), None)

    qtbot.waitUntil(lambda: row() is not None)
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.cases.open_row(row())


def _requested(hub: LocalHub, case_id: str) -> QueueEntry | None:
    """The case's review-queue entry once the clinician's request has arrived."""
    for entry in review_queue(hub.embedded.hub).entries:
        if entry.referral is not None and entry.referral.clinician_requested:
            with hub.embedded.hub.database.reading() as connection:
                found = connection.execute(
                    select(reviews.c.case_id).where(reviews.c.case_ref == entry.case_ref)
                ).scalar()
            if found == case_id:
                return entry
    return None


def test_send_to_hub_puts_the_request_and_reasons_in_the_queue(
    qtbot, hub: LocalHub, launch, home: Path
) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home)
    unlock(qtbot, app)
    wait_online(qtbot, app)  # the consented demo cases are at the hub already
    _open(qtbot, app, "Demo Patient Two")
    assess(qtbot, app)
    view = app.window.report
    report = app.clinic.report.report
    case_id = str(report.case_id)
    qtbot.waitUntil(lambda: view.send_button is not None and view.send_button.isEnabled())
    assert view.send_reason is not None
    expected = (
        "Hub referral recommended: " + " ".join(r.reason for r in report.referral.reasons)
        if report.referral.recommended
        else "Hub referral not recommended by the rules; you may still send the case."
    )
    qtbot.waitUntil(lambda: view.send_reason.text().startswith(expected + "\nHub: "))
    assert view.send_button.toolTip() == view.send_reason.text()

    with qtbot.waitSignal(app.clinic.report.sent_to_hub, timeout=15_000):
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    sent = app.clinic.report.report
    assert sent.clinician_requested_referral and sent.referral.recommended
    assert CLINICIAN_REASON in [r.reason for r in sent.referral.reasons]

    qtbot.waitUntil(lambda: _requested(hub, case_id) is not None, timeout=ROUND_TIMEOUT_MS)
    entry = _requested(hub, case_id)
    assert entry is not None and entry.referral is not None
    assert entry.urgency in ("soon", "urgent")
    assert CLINICIAN_REQUEST_REASON in entry.urgency_reasons
    assert list(entry.referral.reasons) == [r.reason for r in sent.referral.reasons]
    qtbot.waitUntil(
        lambda: (
            view.send_reason is not None
            and view.send_reason.text().endswith("Hub: received by the hub; waiting for an expert.")
        ),
        timeout=ROUND_TIMEOUT_MS,
    )
    assert view.send_button is not None and view.send_button.isEnabled()  # may send again


def test_without_consent_send_stays_disabled(qtbot, hub: LocalHub, launch, home: Path) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home)
    unlock(qtbot, app)
    wait_online(qtbot, app)
    _open(qtbot, app, "Demo Patient Four")  # consent_to_share false
    assess(qtbot, app)
    view = app.window.report
    qtbot.waitUntil(lambda: view.send_button is not None and view.send_reason is not None)
    assert not view.send_button.isEnabled()
    assert view.send_reason.text() == (
        "The patient has not consented to sharing. Record the consent on the Patient tab "
        '("Consents to sharing with the hub") before sending.'
    )
    app.clinic.report.send_to_hub()  # refused before anything is queued
    assert not app.clinic.report.sending
