"""Homes for the inbox tests and screenshots: the demo cases at the hub, enrolled."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.app import open_clinic
from tests.gui.helpers import PASSPHRASE, USER
from tests.unit import case_index_helpers as hub


def prepare_enrolled_home(source: Path, target: Path, *, messages: bool) -> dict[str, str]:
    """Copy a demo home; every case is at the hub; enrolled (the hub address is
    unreachable, so background rounds are offline at once); with ``messages``, what the
    hub sent, stored as a sync round stores it. Returns {patient name: case id}."""
    shutil.copytree(source, target)
    with open_clinic(target, user=USER, passphrase=PASSPHRASE) as clinic:
        store = clinic.store
        rows = clinic.cases.list_cases(limit=50).rows
        ids = {row.patient_name: row.case_id for row in rows}
        hub.deliver(store, {row.case_id: "sent" for row in rows})
        signer = hub.HubSigner()
        hub.enroll_store(store, signer)
        if messages:
            one, two = ids["Demo Patient One"], ids["Demo Patient Two"]
            hub.pull(
                store,
                signer,
                [
                    hub.information_request(two),
                    hub.recommendation(one, follow_up_days=14),
                    hub.planned_visit(one),
                ],
            )
    return ids
