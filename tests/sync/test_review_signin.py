"""Hub expert sign-in (desktop.app.sign_in_hub_review) against the real hub on 127.0.0.1:
which field a refusal names, and a session the hub no longer accepts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.app import sign_in_hub_review
from desktop.domain.settings import ClinicalSettings
from desktop.services.hub_review import HubSessionEnded, HubSignInRefused
from sync.hub.server import EmbeddedHub
from tests.sync.support import ADMIN, EXPERT, PASSWORD, hub_settings, make_users


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[EmbeddedHub, Clock]]:
    clock = Clock()
    with EmbeddedHub(hub_settings(tmp_path / "hub", clock=clock)) as embedded:
        make_users(embedded.hub)
        yield embedded, clock


def sign_in(url: str, user: str = EXPERT, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return sign_in_hub_review(url, user, password, settings=ClinicalSettings)


def test_an_expert_signs_in_and_an_expired_session_is_said_so(
    hub: tuple[EmbeddedHub, Clock],
) -> None:
    embedded, clock = hub
    service = sign_in(embedded.url + "/")
    try:
        assert (service.account, service.hub_url) == (EXPERT, embedded.url)
        assert service.queue() == []
        clock.offset = timedelta(hours=1)
        with pytest.raises(HubSessionEnded) as ended:
            service.queue()
        assert ended.value.expired
        assert str(ended.value) == "Your hub session has expired. Sign in again."
    finally:
        service.sign_out()  # the hub refuses the expired token: still closes, no error


@pytest.mark.parametrize(
    ("user", "password", "field", "text"),
    [
        (EXPERT, "wrong password!", "password", "The hub did not accept this user name"),
        ("nobody", PASSWORD, "password", "The hub did not accept this user name"),
        (ADMIN, PASSWORD, "username", "'it.admin' is a hub admin account, not a hub expert"),
        ("", PASSWORD, "username", "Enter your hub user name."),
    ],
)
def test_a_refusal_names_the_field(
    hub: tuple[EmbeddedHub, Clock], user: str, password: str, field: str, text: str
) -> None:
    with pytest.raises(HubSignInRefused) as refused:
        sign_in(hub[0].url, user, password)
    assert refused.value.field == field
    assert str(refused.value).startswith(text)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("", "Enter the hub address."),
        ("hub.example.org", "The hub address must start with https://"),
        ("http://hub.example.org", "The hub address must start with https://"),
        ("http://127.0.0.1:9", "The hub at http://127.0.0.1:9 cannot be reached"),
    ],
)
def test_a_wrong_or_unreachable_address_is_named(url: str, text: str) -> None:
    with pytest.raises(HubSignInRefused) as refused:
        sign_in(url)
    assert refused.value.field == "hub"
    assert str(refused.value).startswith(text)
