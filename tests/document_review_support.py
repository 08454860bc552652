"""What the document review form posts when staff accept the reading as shown."""

from __future__ import annotations

from remiss.forms.documents import ReadingForm


def accepted(received) -> dict:
    received.refresh_from_db()
    remiss = received.response.recipient.remiss
    proposals = list(remiss.proposals.select_related("section").order_by("section__position", "position", "pk"))
    form = ReadingForm(proposals=proposals, reading=received.reading)
    return {name: field.initial if field.initial is not None else "" for name, field in form.fields.items()}
