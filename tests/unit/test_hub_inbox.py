"""The hub inbox service: listing, opening (read + queued receipt), signatures, per case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.services.hub_inbox import HubInbox, HubMessageNotFound
from desktop.services.roles import NotPermitted, Role, UserRoles
from desktop.store import CaseStore
from tests.unit import case_index_helpers as hub
from tests.unit.test_store_support import USER, Template, add_case, make_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("inbox"))


@pytest.fixture
def store(template: Template, tmp_path: Path) -> Iterator[CaseStore]:
    with template.open(template.copy_to(tmp_path / "home")) as opened:
        for name in ("case-a", "case-b"):
            add_case(opened, name, patient_name=f"Maria {name}", assessment_date=date(2026, 11, 1))
        hub.deliver(opened, {"case-a": "sent", "case-b": "sent"})
        yield opened


def pull_history(store: CaseStore) -> hub.HubSigner:
    signer = hub.HubSigner()
    hub.enroll_store(store, signer)
    hub.pull(
        store,
        signer,
        [
            hub.information_request("case-b"),
            hub.recommendation("case-a", follow_up_days=14),
            hub.planned_visit("case-a"),
            hub.model_release(),
            hub.recommendation("case-unknown"),
        ],
    )
    return signer


def test_the_inbox_lists_newest_first_with_the_local_case(store: CaseStore) -> None:
    pull_history(store)
    listing = HubInbox(store, actor=USER).listing()
    assert listing.enrolled and listing.notice is None
    assert [m.kind for m in listing.messages] == [
        "recommendation",
        "model_release",
        "planned_visit",
        "recommendation",
        "information_request",
    ]
    assert listing.unread == 5 and all(m.unread for m in listing.messages)
    unknown, release, _, known, _ = listing.messages
    assert (known.pseudonym, known.patient_name) == ("PB-case-a", "Maria case-a")
    assert unknown.pseudonym is None and unknown.case_id == "case-unknown"
    assert release.case_id is None and release.release == "painbridge-ebm 0.2.0 (stable)"
    assert known.signature == "verified"
    assert known.regimen == ("gabapentinoid", "strong_opioid")
    assert known.mechanisms == (
        ("nociceptive", True),
        ("neuropathic", True),
        ("nociplastic", False),
    )
    assert (known.follow_up_days, known.follow_up_due_on) == (14, "2026-11-15")


def test_opening_marks_read_and_queues_the_read_receipt(store: CaseStore) -> None:
    pull_history(store)
    inbox = HubInbox(store, actor=USER)
    ledger = store.sync_ledger()
    seq = next(
        m.seq
        for m in inbox.listing().messages
        if m.case_id == "case-a" and m.kind == "recommendation"
    )
    assert [(a.seq, a.state) for a in ledger.pending_acks() if a.seq == seq] == [(seq, "delivered")]

    opened = inbox.open(seq)

    assert not opened.unread and opened.read_by == USER
    assert opened.visit is not None and opened.visit.visit_date == "2026-12-01"
    assert [(a.seq, a.state) for a in ledger.pending_acks() if a.seq == seq] == [
        (seq, "delivered"),
        (seq, "read"),
    ]
    assert ledger.receipt("case-a").state == "read"  # type: ignore[union-attr]
    assert store.case_index().sync_state("case-a").state == "read"
    assert inbox.listing().unread == 4
    assert inbox.open(seq).read_at == opened.read_at  # opening again changes nothing
    assert store.verify_audit().ok


def test_the_signature_is_checked_with_the_key_pinned_now(store: CaseStore) -> None:
    pull_history(store)
    hub.enroll_store(store, hub.HubSigner())  # re-enrolled with another hub
    listing = HubInbox(store, actor=USER).listing()
    assert {m.signature for m in listing.messages} == {"failed"}


def test_without_enrollment_nothing_is_verified_and_the_inbox_says_not_enrolled(
    store: CaseStore,
) -> None:
    listing = HubInbox(store, actor=USER).listing()
    assert (listing.enrolled, listing.messages, listing.unread) == (False, [], 0)
    case = HubInbox(store, actor=USER).for_case("case-a")
    assert (case.enrolled, case.messages, case.sync.state) == (False, [], "received")


def test_a_case_gathers_its_messages_and_its_receipt(store: CaseStore) -> None:
    pull_history(store)
    case = HubInbox(store, actor=USER).for_case("case-a")
    assert case.enrolled and case.sync.state == "delivered"
    assert [m.kind for m in case.messages] == ["planned_visit", "recommendation"]
    assert case.messages[1].visit is not None  # the visit planned for the case
    other = HubInbox(store, actor=USER).for_case("case-b")
    assert [m.kind for m in other.messages] == ["information_request"]
    assert other.sync.state == "in_review"
    assert other.messages[0].questions == ("Which opioid dose exactly?",)


def test_an_unknown_message_and_a_user_without_the_clinician_role(store: CaseStore) -> None:
    pull_history(store)
    with pytest.raises(HubMessageNotFound, match="no hub message 999"):
        HubInbox(store, actor=USER).open(999)
    admin = HubInbox(store, actor="it", roles=UserRoles("it", frozenset({Role.IT_ADMIN})))
    listing = admin.listing()
    assert listing.messages == [] and listing.notice is not None
    assert "do not include clinician" in listing.notice
    with pytest.raises(NotPermitted):
        admin.open(1)
    assert HubInbox(store, actor=USER).listing().unread == 5  # nothing was read
