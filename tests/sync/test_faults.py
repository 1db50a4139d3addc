"""Unreliable links: the fault proxy itself, then 500 cases through it, exactly once."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from sync.hub.schema import case_versions
from sync.hub.server import EmbeddedHub
from sync.protocol import HealthResponse
from sync.transport import HubTransport, HubUnreachable, Timeouts, UnexpectedResponse
from tests.sync.fault_proxy import FaultProxy
from tests.sync.support import add_many, connector, enroll, open_clinic, point_at
from tests.unit.test_store_support import Template


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("reset_before", HubUnreachable),
        ("reset_after", HubUnreachable),
        ("truncate", HubUnreachable),
        ("portal", UnexpectedResponse),
    ],
)
def test_each_fault_looks_like_an_unreachable_hub(
    live_hub: EmbeddedHub, fault: str, error: type[Exception]
) -> None:
    with FaultProxy(live_hub.port, weights={fault: 1.0}) as proxy:
        with HubTransport(proxy.url) as transport, pytest.raises(error):
            transport.get("/v1/health", HealthResponse, signed=False)
        assert proxy.counts[fault] >= 1


def test_delays_pass_within_the_timeout_and_fail_beyond_it(live_hub: EmbeddedHub) -> None:
    with FaultProxy(live_hub.port, weights={"delay": 1.0}, delay_seconds=0.3) as proxy:
        with HubTransport(proxy.url) as transport:
            assert transport.get("/v1/health", HealthResponse, signed=False).status == "ok"
        short = Timeouts(connect=1.0, read=0.1, write=1.0, pool=1.0)
        with HubTransport(proxy.url, timeouts=short) as transport, pytest.raises(HubUnreachable):
            transport.get("/v1/health", HealthResponse, signed=False)


def test_the_proxy_passes_plain_traffic(live_hub: EmbeddedHub) -> None:
    with FaultProxy(live_hub.port, weights={"pass": 1.0}) as proxy:
        for _ in range(3):
            assert httpx.get(f"{proxy.url}/v1/health").status_code == 200


WEIGHTS = {
    "pass": 0.45,
    "reset_before": 0.1,
    "reset_after": 0.15,
    "delay": 0.1,
    "truncate": 0.1,
    "portal": 0.1,
}


@pytest.mark.fault
def test_500_cases_through_a_faulty_link_are_stored_exactly_once(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    timeouts = Timeouts(connect=1.0, read=0.5, write=1.0, pool=1.0)
    with FaultProxy(live_hub.port, weights=WEIGHTS, seed=5, delay_seconds=0.8) as proxy:
        clinic = open_clinic(
            clinic_template,
            tmp_path / "clinic",
            connect=connector(timeouts=timeouts),
            max_failures=50,
        )
        try:
            enroll(clinic, live_hub.hub, live_hub.url)
            add_many(clinic, range(500))
            point_at(clinic, proxy.url)  # talk to the hub through the proxy from now on
            rounds = 0
            while clinic.sync.current().queued and rounds < 20:
                clinic.sync.sync_now(update_models=False)
                rounds += 1
            status = clinic.sync.current()
            assert (status.queued, status.quarantined) == (0, 0), (rounds, proxy.counts)
        finally:
            clinic.close()
    with live_hub.hub.database.reading() as connection:
        rows = connection.execute(
            select(case_versions.c.case_id, func.count()).group_by(case_versions.c.case_id)
        ).all()
    assert len(rows) == 500 and {count for _, count in rows} == {1}
    assert proxy.counts["reset_after"] > 0 and proxy.counts["portal"] > 0
