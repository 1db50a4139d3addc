"""Modal questions, each behind a patchable ``ask()`` so tests never block on a dialog."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.gui.i18n import translate
from desktop.store import StoredDraft


class DraftChoice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class DraftRecoveryDialog:
    """Found an autosaved draft at sign-in: restore it, discard it, or keep it for later."""

    @classmethod
    def ask(cls, draft: StoredDraft, others: int, parent: QWidget | None = None) -> DraftChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Dialogs", "Unsaved work found"))
        patient = draft.document.get("patient")
        who = ""
        if isinstance(patient, dict):
            who = str(patient.get("pseudonym") or patient.get("name") or "")
        text = translate(
            "Dialogs",
            "PainBridge kept a draft of a case you had not saved (%1, last change %2). "
            "Restore it now?",
        )
        box.setText(
            text.replace("%1", who or translate("Dialogs", "new case")).replace(
                "%2", draft.updated_at[:16].replace("T", " ") + " UTC"
            )
        )
        if others:
            box.setInformativeText(
                translate("Dialogs", "%n more draft(s) will be offered next time.", "", others)
            )
        restore = box.addButton(translate("Dialogs", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Dialogs", "Discard draft"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("Dialogs", "Keep for later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is restore:
            return DraftChoice.RESTORE
        if clicked is discard:
            return DraftChoice.DISCARD
        return DraftChoice.LATER


class PdfPathDialog:
    @classmethod
    def ask(cls, suggested: Path, parent: QWidget | None = None) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, translate("Dialogs", "Export report as PDF"), str(suggested), "PDF (*.pdf)"
        )
        return Path(name) if name else None


class PrinterDialog:
    @classmethod
    def ask(cls, parent: QWidget | None = None) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        return printer if accepted else None
