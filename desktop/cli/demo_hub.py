"""The embedded local hub of ``painbridge demo`` (``make run``): the whole loop on one machine.

The hub keeps its data and keys in ``<demo home>/hub`` and listens on 127.0.0.1 only, on
the same port as last time (saved in ``hub/port``) so the demo clinic's enrollment stays
valid. The first start enrolls the demo clinic with a one-time code and sends the
consented demo cases (pseudonymized) to the hub. A build without the hub (the clinic
application's) refuses to start it and names ``--no-hub``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.hub_availability import require_hub

if TYPE_CHECKING:
    from desktop.app import Clinic
    from sync.hub.server import EmbeddedHub

DEMO_CLINIC = "Demo clinic"
DEMO_DEVICE = "demo computer"


def start_demo_hub(home: Path) -> EmbeddedHub | None:
    """Start the hub thread; None (with a printed reason) when it cannot start.

    Raises HubNotInstalled (exit 3) in a build without the hub, naming ``--no-hub``."""
    require_hub(hint="; `painbridge demo --no-hub` runs the demo without it")
    from sync.hub.server import EmbeddedHub
    from sync.hub.settings import HubSettings

    hub_dir = home / "hub"
    hub_dir.mkdir(parents=True, exist_ok=True)
    port_file = hub_dir / "port"
    port = int(port_file.read_text()) if port_file.exists() else 0
    try:
        hub = EmbeddedHub(HubSettings(config_dir=hub_dir), port=port)
    except OSError as error:
        print(
            f"The embedded hub could not start on port {port} ({error.strerror}); "
            "the demo runs offline."
        )
        return None
    port_file.write_text(str(hub.port))
    print(f"embedded hub running at {hub.url} (data in {hub_dir})")
    return hub


def enroll_demo_clinic(hub: EmbeddedHub, clinic: Clinic) -> None:
    """Enroll the demo clinic once and send its consented cases to the hub."""
    from sync.hub.enrollment import issue_code

    if clinic.sync.identity() is not None:
        return
    code = issue_code(hub.hub, DEMO_CLINIC).code
    enrollment = clinic.sync.enroll(hub.url, code, DEMO_DEVICE)
    print(f"enrolled this computer with {enrollment.clinic_name}'s hub at {enrollment.hub_url}")
    report = clinic.sync.sync_now(update_models=False)
    print(
        f"first sync: {report.sent} case(s) sent to the hub, {report.quarantined} held back "
        "(e.g. no consent to share; `painbridge sync quarantine` lists them)"
    )
