"""Enrollment IT preset: when the app enrolls by itself, and how it behaves against a real hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.auto_enrollment import (
    AutoEnrollment,
    EnrollmentPreset,
    PresetCodeRefused,
    enrollment_preset,
    should_auto_enroll,
    should_sync_in_background,
)
from desktop.services.hub_services import ClinicSync, build_hub_services
from desktop.services.machine_config import MachineConfig
from desktop.services.models import ModelService
from desktop.services.roles import NotPermitted, Role, UserRoles
from desktop.services.sync import Enrollment
from desktop.services.sync_ports import direct
from sync.hub.enrollment import issue_code
from sync.hub.schema import devices, enrollment_codes
from sync.hub.server import EmbeddedHub
from sync.transport import HubUnreachable
from tests.sync.support import Clinic, add_many, connector, enroll, hub_settings, open_clinic
from tests.unit.test_store_support import Template

PRESET = EnrollmentPreset("https://hub.example.org", "CODE", "Reception PC", "/etc/x.conf")


def test_a_preset_needs_both_the_address_and_the_code() -> None:
    assert enrollment_preset(MachineConfig()) is None
    assert enrollment_preset(MachineConfig(hub_url="https://hub.example.org")) is None
    assert enrollment_preset(MachineConfig(enrollment_code="ABC")) is None
    preset = enrollment_preset(
        MachineConfig(hub_url="https://h.example.org", enrollment_code="ABC", source="/etc/p")
    )
    assert preset == EnrollmentPreset("https://h.example.org", "ABC", None, "/etc/p")


def test_the_app_enrolls_by_itself_only_when_preset_and_not_enrolled() -> None:
    assert should_auto_enroll(False, PRESET)
    assert not should_auto_enroll(True, PRESET)  # enrolled (by hand, or before)
    assert not should_auto_enroll(False, None)
    assert should_sync_in_background(True, None)
    assert should_sync_in_background(False, PRESET)  # the round enrolls first
    assert not should_sync_in_background(False, None)  # nothing to sync with


@pytest.fixture
def clinic(clinic_template: Template, tmp_path: Path) -> Iterator[Clinic]:
    opened = open_clinic(clinic_template, tmp_path / "clinic")
    yield opened
    opened.close()


def _preset(hub: EmbeddedHub, code: str) -> EnrollmentPreset:
    return EnrollmentPreset(hub.url, code, "Reception PC", "/etc/painbridge/painbridge.conf")


def test_a_preset_code_enrolls_once(clinic: Clinic, live_hub: EmbeddedHub) -> None:
    auto = AutoEnrollment(clinic.sync, _preset(live_hub, issue_code(live_hub.hub, "Hill").code))
    enrolled = auto.enroll_if_needed()
    assert enrolled is not None and enrolled.clinic_name == "Hill"
    identity = clinic.sync.identity()
    assert identity is not None and identity.device_id == enrolled.device_id
    assert identity.device_name == "Reception PC"
    assert auto.enroll_if_needed() is None  # enrolled now: the code is not used again


def test_a_computer_enrolled_by_hand_ignores_the_preset(
    clinic: Clinic, live_hub: EmbeddedHub
) -> None:
    enroll(clinic, live_hub.hub, live_hub.url)
    unused = issue_code(live_hub.hub, "Hill").code
    assert AutoEnrollment(clinic.sync, _preset(live_hub, unused)).enroll_if_needed() is None
    with live_hub.hub.database.reading() as connection:
        used = connection.execute(select(enrollment_codes.c.used_at)).scalars().all()
    assert sum(u is not None for u in used) == 1  # only the code enrolled by hand


def test_a_refused_code_is_not_tried_again(clinic: Clinic, live_hub: EmbeddedHub) -> None:
    code = issue_code(live_hub.hub, "Hill").code
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    auto = AutoEnrollment(clinic.sync, _preset(live_hub, wrong))
    with pytest.raises(PresetCodeRefused) as refused:
        auto.enroll_if_needed()
    assert "this enrollment code is not correct" in str(refused.value)
    assert "/etc/painbridge/painbridge.conf" in str(refused.value)
    with pytest.raises(PresetCodeRefused):
        auto.enroll_if_needed()  # the same answer, without asking the hub
    with live_hub.hub.database.reading() as connection:
        attempts = connection.execute(select(enrollment_codes.c.failed_attempts)).scalar_one()
    assert attempts == 1  # each wrong try counts against the code: only one was made
    assert clinic.sync.identity() is None


def test_a_background_round_enrolls_then_sends_the_outbox(
    clinic: Clinic, clinic_template: Template, tmp_path: Path
) -> None:
    add_many(clinic, range(3))
    enrolled: list[Enrollment] = []
    hub_dir = tmp_path / "hub"
    with EmbeddedHub(hub_settings(hub_dir)) as hub:
        preset = _preset(hub, issue_code(hub.hub, "Hill").code)
        port = hub.port
    offline_round = ClinicSync(
        clinic.sync, enrollment=AutoEnrollment(clinic.sync, preset), on_enrolled=enrolled.append
    )
    report = offline_round.sync_now()  # the hub is down: offline, calmly, nothing enrolled
    assert report.offline and "cannot be reached" in (report.error or "")
    assert clinic.sync.identity() is None and not enrolled
    with EmbeddedHub(hub_settings(hub_dir), port=port) as hub:
        report = offline_round.sync_now()  # the same round object retries
        assert report.ok and report.sent == 3
        assert [e.clinic_name for e in enrolled] == ["Hill"]
        with hub.hub.database.reading() as connection:
            names = connection.execute(select(devices.c.name)).scalars().all()
        assert names == ["Reception PC"]


def test_offline_while_enrolling_is_hub_unreachable(clinic: Clinic, tmp_path: Path) -> None:
    with EmbeddedHub(hub_settings(tmp_path / "hub")) as hub:
        preset = _preset(hub, issue_code(hub.hub, "Hill").code)
    with pytest.raises(HubUnreachable):
        AutoEnrollment(clinic.sync, preset).enroll_if_needed()


def test_the_preset_enrolls_for_any_user_but_enrolling_by_hand_needs_it_admin(
    clinic: Clinic, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    nurse = UserRoles("nurse", frozenset({Role.CLINICIAN}))
    services = build_hub_services(
        clinic.store,
        actor="nurse",
        connect=connector(),
        models=ModelService(default_bundle=None),
        models_directory=tmp_path / "models",
        run_on_store=direct,
        roles=nurse,
    )
    with pytest.raises(NotPermitted, match="may not enroll with a hub"):
        services.sync.enroll(live_hub.url, issue_code(live_hub.hub, "Hill").code)
    with pytest.raises(NotPermitted, match="may not roll back or update the model"):
        services.releases.install()
    assert not services.releases.status().manageable
    preset = _preset(live_hub, issue_code(live_hub.hub, "Hill").code)
    report = services.background_round(preset).sync_now()  # IT's preset: allowed
    assert report.ok and clinic.sync.identity() is not None
