"""The model services' progress steps and notes as text templates (desktop/domain/texts.py).

Apart from desktop/services/model_release.py and model_updates.py so that the GUI's
translations can name them without importing the model update client (and with it the
sync client and the model runtime) at start-up. The GUI translates them with
desktop/gui/clinical_texts.status_message.
"""

from __future__ import annotations

from desktop.domain.texts import Template, phrase, template

#: The steps of a model install, as its job reports them
CHECKING_MODEL_LIST = phrase("checking the hub's model list")
DOWNLOADING_MODEL = template("downloading model {version}")
VERIFYING_MODEL = template("verifying model {version}")
#: What the model panel and ``painbridge model status`` say about updates and the bundle
UPDATES_NOT_CHECKED = phrase("Model updates have not been checked yet.")
MODEL_LIST_OVERDUE = template(
    "The hub's model list could not be verified for {days} days past its expiry: "
    "the last verified model stays in use."
)
MODEL_LIST_VERIFIED = template("Model list verified {when} UTC.")
BUNDLE_NOTE = phrase("Trained on a synthetic cohort; not clinically validated.")
#: Model texts with arguments, for :func:`desktop.domain.texts.match_text`.
MODEL_TEMPLATES: tuple[Template, ...] = (
    DOWNLOADING_MODEL,
    VERIFYING_MODEL,
    MODEL_LIST_OVERDUE,
    MODEL_LIST_VERIFIED,
)
