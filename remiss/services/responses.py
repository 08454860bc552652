"""Starting an answer: the response row of an invitation, created on the first POST (never on a GET)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from remiss.models import Recipient, Response
from remiss.services.errors import ResponseError


@transaction.atomic
def start_response(*, recipient: Recipient, by: User) -> Response:
    """The response row of an invitation, created on the first POST (never on a GET)."""
    if not Membership.objects.filter(user=by, organisation_id=recipient.organisation_id).exists():
        raise ResponseError(_("Du är inte medlem i organisationen som svarar på remissen."))
    response, _created = Response.objects.get_or_create(recipient=recipient)
    return response
