"""The case editor: live scores, checklists, MEDD, inline validation, saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.widgets.fields import NumberField, ScaleField, YesNoField
from tests.gui.helpers import unlock

pytestmark = pytest.mark.gui


@pytest.fixture
def editing(qtbot, gui):  # type: ignore[no-untyped-def]
    unlock(qtbot, gui)
    gui.window.show_page("cases")
    qtbot.keyClick(gui.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.current_page() == "case"
    assert gui.window.editor.title.text() == "New case (not saved yet)"
    return gui


def field(page, path: str):  # type: ignore[no-untyped-def]
    matches = [f for f in page.findChildren(object) if getattr(f, "path", None) == path]
    assert matches, path
    return matches[0]


def evaluated(qtbot, gui):  # type: ignore[no-untyped-def]
    return qtbot.waitSignal(gui.clinic.editor.evaluated, timeout=5_000)


def test_nrs_band_and_bpi_severity_are_live(qtbot, editing) -> None:
    pain = editing.window.editor.pain
    editing.window.editor.tabs.setCurrentWidget(pain)
    worst: ScaleField = field(pain, "assessment.nrs.worst")
    with evaluated(qtbot, editing):
        worst.spin.setValue(8)
    assert worst.note.text() == "severe (NCCN)"
    assert worst.slider.value() == 8
    for item, value in (("least", 3), ("average", 6), ("now", 5)):
        with evaluated(qtbot, editing):
            field(pain, f"assessment.nrs.{item}").slider.setValue(value)
    panel = editing.window.editor.scores
    assert panel.values["BPI severity"].text() == "5.5 / 10 (mean of 4 items)"
    assert "Cleeland" in panel.values["BPI severity"].toolTip()


def test_dn4_and_lanss_totals_with_cut_offs(qtbot, editing) -> None:
    page = editing.window.editor.screening
    editing.window.editor.tabs.setCurrentWidget(page)
    yes = {"burning", "electric_shocks", "tingling", "numbness"}
    items = [
        "burning", "painful_cold", "electric_shocks", "tingling", "pins_and_needles",
        "numbness", "itching", "hypoesthesia_touch", "hypoesthesia_pinprick", "brushing",
    ]  # fmt: skip
    for item in items:
        answer: YesNoField = field(page, f"assessment.dn4.{item}")
        with evaluated(qtbot, editing):
            qtbot.mouseClick(answer.yes if item in yes else answer.no, Qt.MouseButton.LeftButton)
    assert page.dn4_total.text() == "4 / 10: positive (cut-off ≥ 4, Bouhassira2005)"
    assert page.dn4_interview_total.text() == "4 / 7: positive (cut-off ≥ 3, Bouhassira2005)"
    assert page.lanss_total.text().startswith("not computable")
    for item in ("dysaesthesia", "autonomic", "evoked", "paroxysmal", "thermal", "allodynia"):
        with evaluated(qtbot, editing):
            qtbot.mouseClick(field(page, f"assessment.lanss.{item}").yes, Qt.MouseButton.LeftButton)
    with evaluated(qtbot, editing):
        qtbot.mouseClick(field(page, "assessment.lanss.pinprick").no, Qt.MouseButton.LeftButton)
    assert page.lanss_total.text() == "LANSS 21 / 24: positive (cut-off ≥ 12)"


def test_medd_is_computed_as_medications_are_typed(qtbot, editing) -> None:
    page = editing.window.editor.medications
    editing.window.editor.tabs.setCurrentWidget(page)
    assert page.medd.text().startswith("not computable: medications not recorded")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    drug = field(page, "medications[0].drug")
    with evaluated(qtbot, editing):
        qtbot.keyClicks(drug.combo.lineEdit(), "morphine")
    with evaluated(qtbot, editing):
        qtbot.keyClicks(field(page, "medications[0].daily_dose_mg").line, "60")
    assert page.medd.text() == "60 mg/day oral morphine equivalent (CDC2022)"
    assert page._row_mme[0].text() == "60"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field(page, "medications[1].drug").combo.lineEdit(), "fentanyl")
    route = field(page, "medications[1].route")
    route.combo.setCurrentIndex(route.combo.findData("transdermal"))
    with evaluated(qtbot, editing):
        qtbot.keyClicks(field(page, "medications[1].mcg_per_hour").line, "25")
    assert page.medd.text().startswith("120 mg/day")


def test_problems_are_shown_at_the_field_and_block_saving(qtbot, editing) -> None:
    pain = editing.window.editor.pain
    with evaluated(qtbot, editing):
        field(pain, "assessment.nrs.worst").spin.setValue(3)
    least: ScaleField = field(pain, "assessment.nrs.least")
    with evaluated(qtbot, editing):
        least.spin.setValue(5)
    assert least.error.text() == "⚠ must not be greater than worst (3)"
    patient = editing.window.editor.patient
    birth: NumberField = field(patient, "patient.birth_year")
    with evaluated(qtbot, editing):
        qtbot.keyClicks(birth.line, "19x5")
    assert birth.error.text() == "⚠ must be an integer 1900-2100"
    # the scores still come from the valid fields
    assert editing.window.editor.scores.partial.text() == (
        "Scores leave out the fields marked ⚠ until they are corrected."
    )
    with qtbot.waitSignal(editing.clinic.editor.save_refused, timeout=5_000):
        qtbot.keyClick(editing.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editing.window.editor.state.text() == "Not saved: 2 field(s) need attention"
    assert editing.window.editor.tabs.currentWidget() is patient  # the first problem
    assert birth.line.hasFocus() or not editing.window.isActiveWindow()
    problems = editing.window.editor.scores.problems
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "⚠ patient.birth_year: must be an integer 1900-2100",
        "⚠ assessment.nrs.least: must not be greater than worst (3)",
    ]


def test_saving_a_new_case_gives_it_a_pseudonym_and_lists_it(qtbot, editing) -> None:
    patient = editing.window.editor.patient
    qtbot.keyClicks(patient.name.line, "Ana Lima")
    sex = field(patient, "patient.sex")
    sex.combo.setCurrentIndex(sex.combo.findData("female"))
    with qtbot.waitSignal(editing.clinic.editor.saved, timeout=10_000) as saved:
        qtbot.keyClick(editing.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    pseudonym = saved.args[0].pseudonym
    assert pseudonym.startswith("PB-")
    assert field(patient, "patient.pseudonym").line.text() == pseudonym
    assert editing.window.editor.title.text() == f"{pseudonym} - Ana Lima"
    assert editing.window.editor.state.text() == "Saved as version 1"
    assert editing.window.banner_text.text() == f"Saved {pseudonym} as version 1."
    model = editing.clinic.cases.model
    qtbot.waitUntil(lambda: model.rowCount() == 6 and model.index(0, 0).data() == pseudonym)


def test_tab_moves_through_the_patient_form_in_reading_order(qtbot, editing) -> None:
    patient = editing.window.editor.patient
    patient.name.line.setFocus()
    order = []
    widget = patient.name.line
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    contact = field(patient, "patient.contact").line
    assert order[0] is contact
