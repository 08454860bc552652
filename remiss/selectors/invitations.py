"""The invitation e-mail: what it says, who it reaches (the pre-flight before publishing)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from remiss.models import Recipient, Remiss
from remiss.selectors.reach import REACH_MEMBERS, REACH_NOBODY, REACH_REGISTRY, reach

INVITATION_TEMPLATE = "remiss/email/invitation.txt"


def invitation_subject(remiss: Remiss) -> str:
    return _("Remiss: %(title)s (%(ref)s)") % {"title": remiss.title[:120], "ref": remiss.reference}


def email_context(remiss: Remiss, recipient: Recipient | None = None) -> dict:
    deadline = recipient.effective_deadline if recipient else remiss.deadline
    return {
        "remiss": remiss,
        "recipient": recipient,
        "deadline": deadline,
        "remiss_url": settings.SITE_URL + reverse("public:detail", args=[remiss.pk]),
        "start_url": settings.SITE_URL + reverse("start"),
    }


def preflight(remiss: Remiss) -> dict:
    """Who the invitation will reach and how, and a preview of the e-mail to a registry address."""
    recipients = {r.organisation_id: r for r in remiss.recipients.select_related("organisation")}
    rows = []
    for item in reach(r.organisation for r in recipients.values()):
        item.recipient = recipients[item.organisation.pk]
        rows.append(item)
    by_registry = next((r.recipient for r in rows if r.how == REACH_REGISTRY), None)
    sample = by_registry or next((r.recipient for r in rows), None)
    preview = ""
    if sample is not None:
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                **email_context(remiss, sample),
                "organisation": sample.organisation,
                "site_url": settings.SITE_URL,
                "claim_url": settings.SITE_URL + "/konto/inbjudan/…/" if by_registry else "",
                "claim_expires": remiss.deadline_at,
                "to_registry": bool(by_registry),
            }
            preview = render_to_string(INVITATION_TEMPLATE, context)
    return {
        "reach_rows": rows,
        "by_members": sum(1 for r in rows if r.how == REACH_MEMBERS),
        "by_registry": sum(1 for r in rows if r.how == REACH_REGISTRY),
        "unreachable": [r for r in rows if r.how == REACH_NOBODY],
        "preview_subject": invitation_subject(remiss),
        "preview_body": preview,
        "preview_organisation": sample.organisation if sample else None,
    }
