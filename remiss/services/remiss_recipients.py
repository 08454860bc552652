"""The remisslista: add and remove recipients, extend a recipient's deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from remiss import deadlines
from remiss.models import (
    Recipient,
    Remiss,
    RemissStatus,
    Response,
    ResponseStatus,
)
from remiss.services.remisser import RemissError, _check_editable, _enqueue, _locked, _record


@transaction.atomic
def add_recipients(*, remiss: Remiss, by: User | None, organisations: Iterable[Organisation]) -> int:
    """Add organisations (skipping those already on the list); after publishing also create their
    responses and invite them. Returns the number added."""
    remiss = _locked(remiss)
    _check_editable(remiss)
    existing = set(remiss.recipients.values_list("organisation_id", flat=True))
    added = []
    for organisation in organisations:
        if organisation.pk in existing or organisation.is_ministry or not organisation.is_active:
            continue
        existing.add(organisation.pk)
        added.append(Recipient.objects.create(remiss=remiss, organisation=organisation))
    if not added:
        return 0
    if remiss.status == RemissStatus.PUBLISHED:
        for recipient in added:
            Response.objects.get_or_create(recipient=recipient)
        _enqueue("send_invitations", remiss.pk)
    _record(
        "remiss.recipients_added",
        remiss=remiss,
        by=by,
        data={"organisations": [r.organisation_id for r in added][:500], "count": len(added)},
    )
    return len(added)


@transaction.atomic
def remove_recipient(*, recipient: Recipient, by: User | None) -> None:
    remiss = _locked(recipient.remiss)
    _check_editable(remiss)
    response = Response.objects.filter(recipient=recipient).first()
    if response and response.status != ResponseStatus.NOT_STARTED:
        raise RemissError(
            _("%(org)s har redan börjat svara och kan inte tas bort från remisslistan.")
            % {"org": recipient.organisation}
        )
    name = str(recipient.organisation)
    organisation_id = recipient.organisation_id
    recipient.delete()
    _record("remiss.recipient_removed", remiss=remiss, by=by, data={"organisation": organisation_id, "name": name})


@transaction.atomic
def extend_deadline(
    *, recipient: Recipient, by: User | None, until: dt.date | None, reason: str, now: dt.datetime | None = None
) -> Recipient:
    """Give one recipient a later deadline (or remove the extension with ``until=None``).

    Also possible after the remiss has closed: the remiss stays closed for everyone else, while this
    recipient may answer until the extension ends (the workflow uses ``Recipient.deadline_at``).
    """
    remiss = _locked(recipient.remiss)
    if remiss.status == RemissStatus.ARCHIVED:  # an archived remiss is done; any other may be extended
        raise RemissError(_("Remissen är arkiverad och kan inte längre ändras."))
    recipient = Recipient.objects.select_for_update().select_related("organisation").get(pk=recipient.pk)
    if until is not None:
        if not remiss.deadline or until <= remiss.deadline:
            raise RemissError(_("Den förlängda svarsdagen måste vara senare än remissens sista svarsdag."))
        if not deadlines.is_in_future(until, remiss.deadline_time, now):
            raise RemissError(_("Den förlängda svarsdagen måste ligga i framtiden."))
        if not reason.strip():
            raise RemissError(_("Ange ett skäl för förlängningen."))
    old = recipient.extended_deadline
    recipient.extended_deadline = until
    recipient.extension_reason = reason.strip() if until else ""
    recipient.save(update_fields=["extended_deadline", "extension_reason"])
    recipient.remiss = remiss
    _record(
        "remiss.deadline_extended",
        remiss=remiss,
        by=by,
        obj=recipient,
        data={
            "organisation": recipient.organisation_id,
            "old": old.isoformat() if old else None,
            "until": until.isoformat() if until else None,
            "reason": recipient.extension_reason,
            "remiss_status": remiss.status,
        },
    )
    if remiss.accepts_answers:
        _enqueue("notify_extension", recipient.pk)
    return recipient
