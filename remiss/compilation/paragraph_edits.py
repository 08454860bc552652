"""Staff edits of the drafted paragraph per proposal: stored once per proposal, applied to every
later compilation, and marked when the answers under them have changed since the edit."""

from __future__ import annotations

import hashlib
import re

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from core.errors import ApplicationError
from remiss.models import DraftEdit, Proposal

MAX_TEXT = 20_000


class DraftError(ApplicationError, ValueError):
    """``str(error)`` is a Swedish message."""


# References to the appendix ("(bilaga, svar 12)") depend on whether a compilation has an appendix,
# not on the answers: they are left out of the hash that tells whether the answers have changed.
APPENDIX_REFERENCE = re.compile(r" \(bilaga, svar \d+\)")


def text_hash(text: str) -> str:
    return hashlib.sha256(APPENDIX_REFERENCE.sub("", text or "").encode()).hexdigest()


@transaction.atomic
def save_draft(*, proposal: Proposal, by: User, text: str, comment: str, generated: str) -> DraftEdit:
    text, comment = (text or "").strip(), (comment or "").strip()
    if len(text) > MAX_TEXT or len(comment) > MAX_TEXT:
        raise DraftError(_("Texten är för lång (högst 20 000 tecken)."))
    edit, _created = DraftEdit.objects.update_or_create(
        proposal=proposal,
        defaults={"text": text, "comment": comment, "generated_hash": text_hash(generated), "edited_by": by},
    )
    audit.record(
        "draft.edited", actor=by, organisation=proposal.remiss.ministry, obj=edit, data={"proposal": proposal.pk}
    )
    return edit


def apply_edits(figures: dict, edits: dict[int, DraftEdit]) -> dict:
    """Put staff's text in place of the generated one (kept as ``draft_generated``), with
    ``draft_changed`` when the generated text is no longer the one the edit started from."""
    for section in figures["sections"]:
        for proposal in section["proposals"]:
            proposal["draft_generated"] = proposal.get("draft", "")
            edit = edits.get(proposal["id"])
            if edit is None:
                continue
            proposal["draft"] = edit.text or proposal["draft_generated"]
            proposal["ministry_comment"] = edit.comment
            proposal["draft_edited"] = True
            proposal["draft_changed"] = edit.generated_hash != text_hash(proposal["draft_generated"])
    return figures
