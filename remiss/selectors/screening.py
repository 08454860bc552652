"""What the ministry's screening of answers from anyone shows."""

from __future__ import annotations

from django.db.models.functions import Lower

from accounts.models import Organisation
from remiss.models import PublicAnswer, PublicAnswerStatus, Remiss, SenderKind


def screened_answers(remiss: Remiss) -> list[PublicAnswer]:
    """Confirmed answers, each with ``namesake``: the registered body whose name the sender gave, if any.
    Such an answer is not that body's (anyone can type a name); it is published under the name given."""
    answers = list(remiss.public_answers.exclude(status=PublicAnswerStatus.UNCONFIRMED).select_related("recipient"))
    names = {a.name.lower() for a in answers if a.sender_kind == SenderKind.ORGANISATION}
    found = {
        o.name.lower(): o
        for o in Organisation.objects.annotate(lower=Lower("name")).filter(lower__in=names)
        if o.is_registered_body
    }
    for answer in answers:
        answer.namesake = found.get(answer.name.lower()) if answer.sender_kind == SenderKind.ORGANISATION else None
    return answers
