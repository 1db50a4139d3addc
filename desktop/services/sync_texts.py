"""The sync's step names and status details as text templates (desktop/domain/texts.py).

Apart from desktop/services/sync.py so that the GUI's translations can name them without
importing the sync (and with it the model runtime) at start-up.
"""

from __future__ import annotations

from desktop.domain.texts import Template, phrase, template
from desktop.services.status import NOT_CONFIGURED_DETAIL

#: The steps of a round and the status details, as the status bar shows them (the GUI
#: translates them: desktop/gui/clinical_texts.py).
SENDING_CASES = phrase("sending cases")
RECEIVING_ANSWERS = phrase("receiving answers")
CHECKING_MODEL_UPDATE = phrase("checking for a model update")
CASES_SENT = template("{count:d} sent")  # sync.client.drain's progress text
CONNECTED = template("Connected to {clinic}'s hub at {url}.")
NOT_SYNCED_YET = phrase("Not synced yet.")
NOT_CONFIGURED = phrase(NOT_CONFIGURED_DETAIL)
#: Status texts with arguments, for :func:`desktop.domain.texts.match_text`.
SYNC_TEMPLATES: tuple[Template, ...] = (CASES_SENT, CONNECTED)
