"""Tools > Users… (IT admins): who can sign in on this computer and what they may do.

Dumb like every view: the users view model does the work on the store thread and says
which field a refusal concerns; this dialog shows it under that field. Keyboard first:
every field and button has a mnemonic, Enter in the "Add a user" form adds, Enter on
the selected user's roles saves them, Escape closes.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelection, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.users import ACTING_FIELD, FORM, REPEAT_FIELD, Problems, UsersViewModel
from desktop.services.roles import Role
from desktop.services.users import NAME_FIELD, PASSPHRASE_FIELD, ROLES_FIELD

#: Where the cursor goes after a refusal: the first field with a message, in this order.
FIELD_ORDER = (NAME_FIELD, PASSPHRASE_FIELD, REPEAT_FIELD, ROLES_FIELD, ACTING_FIELD, FORM)


class UsersDialog(QDialog):
    def __init__(self, users: UsersViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.setWindowTitle(self.tr("Users"))
        self.setMinimumWidth(880)
        layout = QVBoxLayout(self)
        intro = _hint(
            self.tr(
                "Who can sign in on this computer and what they may do. A clinician works "
                "with cases; an IT admin manages users, the hub connection and models. "
                "Every change is recorded in the audit log."
            )
        )
        layout.addWidget(intro)
        table_label = QLabel(self.tr("&Users"))
        self.table = QTableView()
        self.table.setObjectName("users")
        self.table.setModel(users.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(160)
        table_label.setBuddy(self.table)
        # Two columns (the list and the selected user; adding one), so the dialog fits a
        # small laptop screen with every field's message shown.
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(table_label)
        left.addWidget(self.table, 1)
        self.selected_box = self._build_selected()
        left.addWidget(self.selected_box)
        columns.addLayout(left, 1)
        self.add_box = self._build_add()
        columns.addWidget(self.add_box, 1)
        layout.addLayout(columns, 1)
        layout.addWidget(
            _hint(
                self.tr(
                    "Forgotten passphrase: it cannot be reset here without the old one. IT "
                    "gives the user a new passphrase with `painbridge recovery "
                    "reset-passphrase` and the IT recovery key (see the IT guide); the user "
                    "then changes it."
                )
            )
        )
        self.status = _hint("")
        self.status.setObjectName("status")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter is handled per area (keyPressEvent)
        self._wire()
        self._show_selected()
        users.load()

    # --- layout -------------------------------------------------------------------------

    def _build_selected(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected user"))
        grid = QGridLayout(box)
        self.selected_name = QLabel()
        self.selected_name.setObjectName("selectedName")
        self.selected_roles = _role_boxes(self.tr("&Clinician"), self.tr("IT ad&min"))
        roles_row = QHBoxLayout()
        for check in self.selected_roles.values():
            roles_row.addWidget(check)
        roles_row.addStretch(1)
        self.save_roles_button = QPushButton(self.tr("Save &roles"))
        self.remove_button = QPushButton(self.tr("Remo&ve user…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_roles_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.roles_error = _error()
        self.remove_error = _error()
        grid.addWidget(self.selected_name, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Roles")), 1, 0)
        grid.addLayout(roles_row, 1, 1)
        grid.addWidget(self.roles_error, 2, 1)
        grid.addLayout(buttons, 3, 0, 1, 2)
        grid.addWidget(self.remove_error, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _build_add(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a user"))
        grid = QGridLayout(box)
        self.name = QLineEdit()
        self.name.setObjectName("newName")
        self.passphrase = _secret("newPassphrase")
        self.repeat = _secret("repeatPassphrase")
        self.new_roles = _role_boxes(self.tr("C&linician"), self.tr("IT &admin"))
        self.acting = _secret("actingPassphrase")
        self.acting.setPlaceholderText(self.tr("your own passphrase, to confirm"))
        self.errors: dict[str, QLabel] = {}
        roles_row = QHBoxLayout()
        for check in self.new_roles.values():
            roles_row.addWidget(check)
        roles_row.addStretch(1)
        rows: tuple[tuple[str, str, QWidget | QHBoxLayout], ...] = (
            (NAME_FIELD, self.tr("&Name"), self.name),
            (PASSPHRASE_FIELD, self.tr("First &passphrase"), self.passphrase),
            (REPEAT_FIELD, self.tr("Rep&eat passphrase"), self.repeat),
            (ROLES_FIELD, self.tr("Roles"), roles_row),
            (ACTING_FIELD, self.tr("&Your passphrase"), self.acting),
        )
        for line, (field, text, editor) in enumerate(rows):
            label = QLabel(text)
            error = _error()
            self.errors[field] = error
            grid.addWidget(label, 2 * line, 0)
            if isinstance(editor, QWidget):
                label.setBuddy(editor)
                grid.addWidget(editor, 2 * line, 1)
            else:
                grid.addLayout(editor, 2 * line, 1)
            grid.addWidget(error, 2 * line + 1, 1)
        grid.addWidget(
            _hint(
                self.tr(
                    "At least 10 characters (a few unrelated words work well). Your own "
                    "passphrase gives the new user their key to the encrypted data; the new "
                    "user changes the first passphrase after signing in."
                )
            ),
            2 * len(rows),
            0,
            1,
            2,
        )
        self.add_button = QPushButton(self.tr("A&dd user"))
        self.errors[FORM] = _error()
        grid.addWidget(self.add_button, 2 * len(rows) + 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.errors[FORM], 2 * len(rows) + 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _wire(self) -> None:
        users = self.users
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        users.loaded.connect(self._loaded)
        users.busy_changed.connect(self._busy_changed)
        users.added.connect(self._added)
        users.add_refused.connect(self._add_refused)
        users.roles_saved.connect(self._roles_saved)
        users.roles_refused.connect(self._roles_refused)
        users.removal_allowed.connect(self._confirm_removal)
        users.removed.connect(self._removed)
        users.remove_refused.connect(self._remove_refused)
        users.cleared.connect(self.reject)  # locked: nothing of it stays on screen
        self.add_button.clicked.connect(self.add_user)
        self.save_roles_button.clicked.connect(self.save_roles)
        self.remove_button.clicked.connect(self.remove_selected)
        order: list[QWidget] = [
            self.table,
            *self.selected_roles.values(),
            self.save_roles_button,
            self.remove_button,
            self.name,
            self.passphrase,
            self.repeat,
            *self.new_roles.values(),
            self.acting,
            self.add_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions ------------------------------------------------------------------------

    def add_user(self) -> None:
        self._clear_add_errors()
        self.users.add_user(
            self.name.text(),
            self.passphrase.text(),
            self.repeat.text(),
            _checked(self.new_roles),
            self.acting.text(),
        )

    def save_roles(self) -> None:
        name = self.selected_user()
        if name is None:
            return
        self.roles_error.clear()
        self.status.clear()
        self.users.set_roles(name, _checked(self.selected_roles))

    def remove_selected(self) -> None:
        """Ask the view model whether the selected user may go, then confirm."""
        name = self.selected_user()
        if name is None:
            return
        self.remove_error.clear()
        self.status.clear()
        self.users.request_removal(name)

    def selected_user(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        account = self.users.model.account_at(rows[0].row()) if rows else None
        return account.name if account else None

    def select_user(self, name: str) -> None:
        row = self.users.model.row_of(name)
        if row >= 0:
            self.table.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter acts on the area that has the focus; Escape closes (QDialog)."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if isinstance(focus, QPushButton):
            focus.click()
        elif focus is not None and self.add_box.isAncestorOf(focus):
            self.add_user()
        elif focus is not None and self.selected_box.isAncestorOf(focus):
            self.save_roles()
        elif focus is self.table and self.selected_user() is not None:
            next(iter(self.selected_roles.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- view model events --------------------------------------------------------------

    def _loaded(self) -> None:
        if self.selected_user() is None and self.users.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.roles_error.clear()
        self.remove_error.clear()
        self._show_selected()

    def _show_selected(self) -> None:
        name = self.selected_user()
        account = self.users.model.account_at(self.users.model.row_of(name)) if name else None
        no_user = self.tr("No user selected")
        self.selected_name.setText(
            self.tr("User: %1").replace("%1", account.name) if account else no_user
        )
        for role, check in self.selected_roles.items():
            check.setChecked(account is not None and role in account.roles)
        self._busy_changed(self.users.busy)

    def _busy_changed(self, busy: bool) -> None:
        selected = self.selected_user() is not None
        for widget in (*self.selected_roles.values(), self.save_roles_button, self.remove_button):
            widget.setEnabled(selected and not busy)
        self.add_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Working…"))
        elif self.status.text() == self.tr("Working…"):
            self.status.clear()

    def _added(self, name: str) -> None:
        for field in (self.name, self.passphrase, self.repeat, self.acting):
            field.clear()
        for check in self.new_roles.values():
            check.setChecked(False)
        self.select_user(name)
        self.status.setText(
            self.tr(
                "Added %1. They sign in with the first passphrase you gave them and then change it."
            ).replace("%1", name)
        )
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_refused(self, problems: Problems) -> None:
        for field, label in self.errors.items():
            text = problems.get(field, "")
            label.setText("⚠ " + text if text else "")
            label.setVisible(bool(text))
        self._fit()
        first = next((field for field in FIELD_ORDER if field in problems), FORM)
        target = {
            NAME_FIELD: self.name,
            PASSPHRASE_FIELD: self.passphrase,
            REPEAT_FIELD: self.repeat,
            ROLES_FIELD: next(iter(self.new_roles.values())),
            ACTING_FIELD: self.acting,
        }.get(first, self.name)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def _roles_saved(self, name: str, message: str) -> None:
        self.select_user(name)
        self.status.setText(message)

    def _roles_refused(self, message: str) -> None:
        self.roles_error.setText("⚠ " + message)
        self.roles_error.show()
        self._fit()
        self._show_selected()  # the stored roles again

    def _confirm_removal(self, name: str) -> None:
        passphrase = RemoveUserDialog.ask(name, self, closed_by=self.users.cleared)
        if passphrase is not None:
            self.users.remove_user(name, passphrase)

    def _removed(self, name: str) -> None:
        self.status.setText(self.tr("Removed %1.").replace("%1", name))
        self._show_selected()

    def _remove_refused(self, problems: Problems) -> None:
        text = "\n".join(problems.values())
        self.remove_error.setText("⚠ " + text if text else "")
        self.remove_error.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """Grow to show every wrapped message in full (a layout does not grow its window
        for a label that now needs more lines)."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _clear_add_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.status.clear()

    @classmethod
    def ask(cls, users: UsersViewModel, parent: QWidget | None = None) -> None:
        """Show the dialog modally until closed. Tests patch this method (or exec)."""
        dialog = cls(users, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


class RemoveUserDialog(QDialog):
    """ "Remove user 'nurse'?", with the IT admin's own passphrase to confirm."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove user"))
        layout = QVBoxLayout(self)
        self.question = QLabel(
            self.tr(
                "Remove user '%1'? They can no longer sign in on this computer. The cases "
                "they saved and the audit log stay."
            ).replace("%1", name)
        )
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Your passphrase"))
        self.passphrase = _secret("confirmPassphrase")
        label.setBuddy(self.passphrase)
        row.addWidget(label)
        row.addWidget(self.passphrase, 1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = self.buttons.addButton(
            self.tr("&Remove"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter removes only once the passphrase is typed (the default button is off
        # until then); Escape cancels.
        self.remove_button.setDefault(True)
        self.remove_button.setEnabled(False)
        self.passphrase.textChanged.connect(lambda text: self.remove_button.setEnabled(bool(text)))
        layout.addWidget(self.buttons)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(
        cls, name: str, parent: QWidget | None = None, *, closed_by: SignalInstance | None = None
    ) -> str | None:
        """The passphrase typed to confirm; None when cancelled (or ``closed_by`` fired:
        the session locked meanwhile). Tests patch ``exec``."""
        dialog = cls(name, parent)
        if closed_by is not None:
            closed_by.connect(dialog.reject)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.passphrase.text() if accepted else None
        finally:
            dialog.deleteLater()


def _role_boxes(clinician: str, it_admin: str) -> dict[Role, QCheckBox]:
    return {Role.CLINICIAN: QCheckBox(clinician), Role.IT_ADMIN: QCheckBox(it_admin)}


def _checked(boxes: dict[Role, QCheckBox]) -> list[str]:
    return [role.value for role, check in boxes.items() if check.isChecked()]


def _secret(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _error() -> QLabel:
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label
