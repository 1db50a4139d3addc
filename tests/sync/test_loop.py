"""The vertical slice: enroll, upload exactly once, expert answer, changes feed, receipts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from sync.hub.server import EmbeddedHub
from tests.sync.support import EXPERT, PASSWORD, case_document, enroll, open_clinic
from tests.unit.test_store_support import Template


@contextmanager
def _expert(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url) as client:
        token = client.post("/v1/sessions", json={"username": EXPERT, "password": PASSWORD})
        assert token.status_code == 200, token.text
        client.headers["Authorization"] = f"Bearer {token.json()['token']}"
        yield client


def test_case_goes_to_the_hub_once_and_the_answer_comes_back(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        saved = clinic.cases.add_case(case_document(1))
        assert clinic.sync.receipt(saved.case_id).state == "queued"

        report = clinic.sync.sync_now(update_models=False)
        assert (report.sent, report.duplicates, report.quarantined) == (1, 0, 0), report
        assert clinic.sync.receipt(saved.case_id).state == "received"
        again = clinic.sync.sync_now()
        assert again.sent == 0 and again.requests == 0

        with _expert(live_hub.url) as expert:
            queue = expert.get("/v1/review/queue").json()["entries"]
            assert (
                len(queue) == 1
                and queue[0]["pseudonym"] == case_document(1)["patient"]["pseudonym"]
            )
            ref = queue[0]["case_ref"]
            view = expert.get(f"/v1/review/cases/{ref}").json()
            assert "name" not in view["document"]["patient"]
            assert "contact" not in view["document"]["patient"]
            assert expert.post(f"/v1/review/cases/{ref}/claim").status_code == 200
            answer = {
                "mechanisms": {"nociceptive": True, "neuropathic": True, "nociplastic": False},
                "regimen": ["gabapentinoid", "strong_opioid"],
                "summary": "Mixed pain: add a gabapentinoid, titrate slowly.",
                "follow_up_days": 14,
            }
            posted = expert.post(f"/v1/review/cases/{ref}/recommendation", json=answer)
            assert posted.status_code == 200, posted.text

        report = clinic.sync.sync_now()
        assert report.received == 2  # in_review receipt + recommendation
        assert clinic.sync.receipt(saved.case_id).state == "delivered"
        inbox = clinic.sync.inbox()
        assert [m.kind for m in inbox] == ["recommendation"]
        assert inbox[0].payload["summary"].startswith("Mixed pain")
        clinic.sync.read_message(inbox[0].seq)
        assert clinic.sync.receipt(saved.case_id).state == "read"
        clinic.sync.sync_now()
        with _expert(live_hub.url) as expert:
            assert expert.get("/v1/review/queue").json()["entries"] == []
        from sqlalchemy import select

        from sync.hub.schema import case_versions, reviews

        with live_hub.hub.database.reading() as connection:
            assert connection.execute(select(reviews.c.state)).scalar_one() == "read"
            assert len(connection.execute(select(case_versions)).all()) == 1
    finally:
        clinic.close()
