"""The sign-in screen: unlock with your passphrase, or set up PainBridge on first run."""

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
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self._submit)
        layout.addWidget(self.button)
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
        session.state_changed.connect(self._state_changed)
        session.locked.connect(self.prepare)
        self.prepare(None)

    @property
    def creating(self) -> bool:
        return self.session.needs_setup()

    def prepare(self, reason: LockReason | None) -> None:
        """Show the right form: first-run set-up, or sign-in (after a lock, say why)."""
        creating = self.creating
        self.passphrase.clear()
        self.repeat.clear()
        self.message.clear()
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

    def _submit(self) -> None:
        if self.session.state is not SessionState.LOCKED:
            return
        self.message.setText(self.tr("Unlocking…"))
        self._fit()
        if self.creating:
            self.session.create(self.user.text(), self.passphrase.text(), self.repeat.text())
        else:
            self.session.unlock(self.user.text(), self.passphrase.text())

    def _fit(self) -> None:
        """The wrapped texts change; a centred card would otherwise get the height they
        need at the full window width (nested layouts pass that width down)."""
        self.card.setFixedHeight(self.card.heightForWidth(self.card.width()))

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self._fit()
        self.passphrase.selectAll()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _state_changed(self, state: SessionState) -> None:
        busy = state in (SessionState.UNLOCKING, SessionState.LOCKING)
        self.button.setEnabled(not busy)
        for field in (self.user, self.passphrase, self.repeat):
            field.setEnabled(not busy)
        if state is SessionState.UNLOCKED:
            self.passphrase.clear()
            self.repeat.clear()
            self.message.clear()
            self._fit()
