"""Fixtures of the sync tests: a clinic store template, hubs in-process and on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.hub.context import Hub, open_hub
from sync.hub.server import EmbeddedHub
from tests.sync.support import hub_settings, make_users
from tests.unit.test_store_support import Template, make_template


@pytest.fixture(scope="session")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("clinic-template"))


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    opened = open_hub(hub_settings(tmp_path / "hub"))
    make_users(opened)
    yield opened
    opened.close()


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[EmbeddedHub]:
    """The real hub served by uvicorn on 127.0.0.1 in a thread."""
    with EmbeddedHub(hub_settings(tmp_path / "hub")) as embedded:
        make_users(embedded.hub)
        yield embedded
