"""The sign-in screen: unlock with your passphrase, or set up PainBridge on first run;
or, for a hub expert, sign in with a hub account (hub expert mode, no clinic store)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.config import DemoSignIn
from desktop.gui.viewmodels.session import LockReason, SessionState, SessionViewModel


class UnlockView(QWidget):
    def __init__(
        self,
        session: SessionViewModel,
        demo: DemoSignIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._demo = demo
        self.hub_mode = False  # showing the hub expert sign-in
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = card = QFrame()
        card.setObjectName("card")
        # A fixed width keeps the wrapped texts' height what the layout planned for.
        card.setFixedWidth(480)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("hint")
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        self.clinic_form = QWidget()
        clinic_layout = QVBoxLayout(self.clinic_form)
        clinic_layout.setContentsMargins(0, 0, 0, 0)
        form = QGridLayout()  # (QFormLayout mis-sizes its rows next to wrapped labels here)
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_label = QLabel(self.tr("&Repeat passphrase"))
        self.repeat_label.setBuddy(self.repeat)
        user_label = QLabel(self.tr("&User"))
        user_label.setBuddy(self.user)
        pass_label = QLabel(self.tr("&Passphrase"))
        pass_label.setBuddy(self.passphrase)
        for line, (label, field) in enumerate(
            (
                (user_label, self.user),
                (pass_label, self.passphrase),
                (self.repeat_label, self.repeat),
            )
        ):
            form.addWidget(label, line, 0)
            form.addWidget(field, line, 1)
        clinic_layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        clinic_layout.addWidget(self.message)
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self._submit)
        clinic_layout.addWidget(self.button)
        layout.addWidget(self.clinic_form)
        self.hub_form = self._build_hub_form()
        layout.addWidget(self.hub_form)
        self.hub_toggle = QPushButton()
        self.hub_toggle.setObjectName("link")
        self.hub_toggle.setFlat(True)
        self.hub_toggle.clicked.connect(lambda: self.show_hub_form(not self.hub_mode))
        self.hub_toggle.setVisible(session.hub_sign_in_available)
        layout.addWidget(self.hub_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.passphrase.returnPressed.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)
        self.user.returnPressed.connect(self.passphrase.setFocus)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        centred = QVBoxLayout()
        centred.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(centred)
        outer.addStretch(2)
        session.unlock_failed.connect(self._failed)
        session.migrating.connect(self._migrating)
        session.hub_sign_in_failed.connect(self._hub_failed)
        session.state_changed.connect(self._state_changed)
        session.locked.connect(self.prepare)
        self.show_hub_form(False)
        self.prepare(None)

    def _build_hub_form(self) -> QWidget:
        """Hub address, user name and password, each with its own error line."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.hub_address = QLineEdit()
        self.hub_address.setObjectName("hubAddress")
        self.hub_address.setPlaceholderText("https://hub.example.org")
        self.hub_user = QLineEdit()
        self.hub_user.setObjectName("hubUser")
        self.hub_password = QLineEdit()
        self.hub_password.setObjectName("hubPassword")
        self.hub_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.hub_errors: dict[str, QLabel] = {}
        rows = (
            ("hub", self.tr("Hub &address"), self.hub_address),
            ("username", self.tr("Hub &user name"), self.hub_user),
            ("password", self.tr("Pass&word"), self.hub_password),
        )
        for line, (field, text, edit) in enumerate(rows):
            label = QLabel(text)
            label.setBuddy(edit)
            error = QLabel()
            error.setObjectName("errorText")
            error.setWordWrap(True)
            error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            error.hide()
            self.hub_errors[field] = error
            grid.addWidget(label, 2 * line, 0)
            grid.addWidget(edit, 2 * line, 1)
            grid.addWidget(error, 2 * line + 1, 1)
        self.hub_message = QLabel()
        self.hub_message.setObjectName("hint")
        self.hub_message.setWordWrap(True)
        grid.addWidget(self.hub_message, 2 * len(rows), 0, 1, 2)
        self.hub_button = QPushButton(self.tr("Sign in at the &hub"))
        self.hub_button.clicked.connect(self._submit_hub)
        grid.addWidget(self.hub_button, 2 * len(rows) + 1, 0, 1, 2)
        self.hub_address.returnPressed.connect(self.hub_user.setFocus)
        self.hub_user.returnPressed.connect(self.hub_password.setFocus)
        self.hub_password.returnPressed.connect(self._submit_hub)
        return box

    def show_hub_form(self, hub: bool) -> None:
        """Switch between the clinic sign-in and the hub expert sign-in."""
        self.hub_mode = hub and self.session.hub_sign_in_available
        self.clinic_form.setVisible(not self.hub_mode)
        self.hub_form.setVisible(self.hub_mode)
        self.hub_button.setDefault(self.hub_mode)
        self.button.setDefault(not self.hub_mode)
        if self.hub_mode:
            self.hub_toggle.setText(self.tr("Back to the clinic sign-in"))
            self.title.setText(self.tr("Hub expert sign-in"))
            self.explanation.setText(
                self.tr(
                    "Sign in with your hub account to review the cases clinics sent. Nothing "
                    "is stored on this computer; no clinic data is needed."
                )
            )
            if not self.hub_address.text():
                self.hub_address.setText(self.session.suggested_hub_address())
            target = self.hub_user if self.hub_address.text() else self.hub_address
            if self.hub_user.text():
                target = self.hub_password
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.hub_toggle.setText(self.tr("Hub expert sign-in…"))
            self._set_clinic_texts()
        self._fit()

    @property
    def creating(self) -> bool:
        return self.session.needs_setup()

    def prepare(self, reason: LockReason | None) -> None:
        """Show the right form: first-run set-up, or sign-in (after a lock, say why)."""
        self.hub_password.clear()
        self._clear_hub_errors()
        if self.hub_mode:
            self._prepare_hub(reason)
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.message.clear()
        self._set_clinic_texts()
        if reason is LockReason.IDLE:
            self.message.setText(
                self.tr(
                    "Locked after %1 minutes without activity. Anything you had typed was "
                    "kept as a draft."
                ).replace("%1", str(self.session.auto_lock_minutes))
            )
        elif reason is LockReason.MANUAL:
            self.message.setText(self.tr("Locked. Unsaved changes were kept as a draft."))
        self.user.setText(self.session.suggested_user() or (self._demo.user if self._demo else ""))
        if self._demo is not None:
            self.user.setText(self._demo.user)
            self.passphrase.setText(self._demo.passphrase)
            self.note.setText(
                self.tr(
                    "Demo data only: every case here is synthetic. The passphrase is filled in."
                )
            )
        else:
            self.note.setText(
                self.tr("Decision support, not a diagnosis. Models are trained on synthetic data.")
            )
        self._fit()
        target: QWidget = self.passphrase if self.user.text() else self.user
        if self._demo is not None:
            target = self.button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prepare_hub(self, reason: LockReason | None) -> None:
        """Back from hub expert mode: say why, and ask for the password again."""
        self.show_hub_form(True)
        if reason is LockReason.HUB_SESSION_ENDED:
            self._hub_error("hub", self.session.last_lock_message)
        elif reason is LockReason.IDLE:
            self.hub_message.setText(
                self.tr("Signed out after %1 minutes without activity.").replace(
                    "%1", str(self.session.auto_lock_minutes)
                )
            )
        elif reason is LockReason.MANUAL:
            self.hub_message.setText(self.tr("Signed out of the hub."))
        self._fit()

    def _set_clinic_texts(self) -> None:
        creating = self.creating
        self.repeat.setVisible(creating)
        self.repeat_label.setVisible(creating)
        if creating:
            self.title.setText(self.tr("Set up PainBridge"))
            self.explanation.setText(
                self.tr(
                    "No data exists on this computer yet. Choose a user name and a "
                    "passphrase (at least 10 characters). The passphrase encrypts all "
                    "patient data; it cannot be recovered without the IT recovery key."
                )
            )
            self.button.setText(self.tr("&Create and sign in"))
        else:
            self.title.setText(self.tr("Sign in to PainBridge"))
            self.explanation.setText(
                self.tr("Patient data on this computer is encrypted. Enter your passphrase.")
            )
            self.button.setText(self.tr("&Unlock"))

    def _submit(self) -> None:
        if self.session.state is not SessionState.LOCKED:
            return
        self.message.setText(self.tr("Unlocking…"))
        self._fit()
        if self.creating:
            self.session.create(self.user.text(), self.passphrase.text(), self.repeat.text())
        else:
            self.session.unlock(self.user.text(), self.passphrase.text())

    def _migrating(self) -> None:
        if self.session.state is SessionState.UNLOCKING:
            self.message.setText(
                self.tr(
                    "Unlocking… PainBridge was updated: the stored data is being prepared for "
                    "this version (once; with many cases this can take a minute). Please wait."
                )
            )
            self._fit()

    def _fit(self) -> None:
        """The wrapped texts change; a centred card would otherwise get the height they
        need at the full window width (nested layouts pass that width down)."""
        self.card.setFixedHeight(self.card.heightForWidth(self.card.width()))

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self._fit()
        self.passphrase.selectAll()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit_hub(self) -> None:
        if self.session.state is not SessionState.LOCKED:
            return
        self._clear_hub_errors()
        self.hub_message.setText(self.tr("Signing in at the hub…"))
        self._fit()
        self.session.hub_sign_in(
            self.hub_address.text(), self.hub_user.text(), self.hub_password.text()
        )

    def _hub_failed(self, field: str, text: str) -> None:
        self.hub_message.clear()
        self._hub_error(field, text)
        edit = {"hub": self.hub_address, "username": self.hub_user}.get(field, self.hub_password)
        edit.selectAll()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hub_error(self, field: str, text: str) -> None:
        label = self.hub_errors.get(field, self.hub_errors["hub"])
        label.setText(text)
        label.setVisible(bool(text))
        self._fit()

    def _clear_hub_errors(self) -> None:
        for label in self.hub_errors.values():
            label.clear()
            label.hide()
        self.hub_message.clear()

    def _state_changed(self, state: SessionState) -> None:
        busy = state in (SessionState.UNLOCKING, SessionState.LOCKING)
        self.button.setEnabled(not busy)
        self.hub_button.setEnabled(not busy)
        self.hub_toggle.setEnabled(not busy)
        for field in (
            self.user,
            self.passphrase,
            self.repeat,
            self.hub_address,
            self.hub_user,
            self.hub_password,
        ):
            field.setEnabled(not busy)
        if state is SessionState.UNLOCKED:
            self.passphrase.clear()
            self.repeat.clear()
            self.message.clear()
            self.hub_password.clear()
            self._clear_hub_errors()
            self._fit()
