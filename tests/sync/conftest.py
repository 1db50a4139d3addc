"""Fixtures of the sync tests: a clinic store template, hubs in-process and on 127.0.0.1.

Hub fixtures run every test twice: on the embedded SQLite database and on PostgreSQL. The
PostgreSQL runs need ``PAINBRIDGE_TEST_POSTGRES_URL`` (a server where the user may create
databases, e.g. ``postgresql://postgres@127.0.0.1:5432/postgres``); each test gets its own
fresh database, dropped afterwards. Without the variable they are skipped, saying so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.hub.context import Hub, open_hub
from sync.hub.server import EmbeddedHub
from tests.sync.support import hub_settings, make_users
from tests.unit.test_store_support import Template, make_template

POSTGRES_ENV = "PAINBRIDGE_TEST_POSTGRES_URL"


def pytest_configure(config: pytest.Config) -> None:
    # Registered here until pyproject.toml lists it (strict markers).
    config.addinivalue_line(
        "markers", "postgres: hub test on PostgreSQL (needs " + POSTGRES_ENV + ")"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the PostgreSQL variants ``postgres`` (so ``-m "not postgres"`` works).

    Added here rather than in the fixture's params because, with strict markers, the
    marker must be registered before ``pytest.mark.postgres`` is looked up.
    """
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("hub_database") == "postgres":
            item.add_marker("postgres")


@pytest.fixture(scope="session")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("clinic-template"))


@pytest.fixture(params=["sqlite", "postgres"])
def hub_database(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None (SQLite in the hub's directory) or the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL hub tests need {POSTGRES_ENV} (a server URL); not set")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"pb_test_{uuid.uuid4().hex[:12]}"
    server = make_url(base)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub(tmp_path: Path, hub_database: str | None) -> Iterator[Hub]:
    opened = open_hub(hub_settings(tmp_path / "hub", database_url=hub_database))
    make_users(opened)
    yield opened
    opened.close()


@pytest.fixture
def live_hub(tmp_path: Path, hub_database: str | None) -> Iterator[EmbeddedHub]:
    """The real hub served by uvicorn on 127.0.0.1 in a thread."""
    with EmbeddedHub(hub_settings(tmp_path / "hub", database_url=hub_database)) as embedded:
        make_users(embedded.hub)
        yield embedded
