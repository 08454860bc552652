"""Changes to the register of bodies: a body's registry address and organisationsnummer, bodies
that are not in the vendored register. An organisation that becomes reachable (an address or a first
member) after a published remiss is invited then.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, OrganisationKind, User, normalise_email
from accounts.orgnumber import normalise_org_number
from core import jobs
from core.errors import ApplicationError
from remiss.models import InvitationStatus, Recipient, RemissStatus
from remiss.selectors.reach import reach


class RegisterError(ApplicationError):
    """A change to the register that is not allowed; ``field`` names the form field it concerns."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# How an invitation reaches an organisation.


def _clean_contact(registry_email: str, org_number: str) -> tuple[str, str]:
    address = normalise_email(registry_email)
    if address:
        try:
            validate_email(address)
        except ValidationError:
            raise RegisterError(
                _("Ange en giltig e-postadress, till exempel registrator@kommun.se."), "registry_email"
            ) from None
    try:
        number = normalise_org_number(org_number)
    except ValidationError as error:
        raise RegisterError(error.messages[0], "org_number") from None
    return address, number


def _check_org_number_free(number: str, exclude: int | None = None) -> None:
    if not number:
        return
    other = Organisation.objects.filter(org_number=number).exclude(pk=exclude).first()
    if other:
        raise RegisterError(
            _("Organisationsnumret %(number)s tillhör redan %(org)s.") % {"number": number, "org": other.name},
            "org_number",
        )


@transaction.atomic
def update_contact(
    *, organisation: Organisation, by: User | None, registry_email: str, org_number: str
) -> Organisation:
    """Correct an organisation's registry address and organisationsnummer."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.is_ministry:
        raise RegisterError(_("Ett departement tar inte emot remisser."))
    address, number = _clean_contact(registry_email, org_number)
    _check_org_number_free(number, exclude=organisation.pk)
    old = {"registry_email": organisation.registry_email, "org_number": organisation.org_number}
    if old == {"registry_email": address, "org_number": number}:
        return organisation
    organisation.registry_email, organisation.org_number = address, number
    organisation.save(update_fields=["registry_email", "org_number", "updated_at"])
    audit.record(
        "organisation.contact_changed",
        actor=by,
        organisation=organisation,
        obj=organisation,
        data={"old": old, "new": {"registry_email": address, "org_number": number}},
    )
    invite_if_now_reachable(organisation)
    return organisation


@transaction.atomic
def create_organisation(
    *, by: User | None, name: str, kind: str, registry_email: str, org_number: str = "", county: str = ""
) -> Organisation:
    """Add a body that is not in the register (union, NGO, university, company ...)."""
    name = " ".join((name or "").split())
    if not name:
        raise RegisterError(_("Ange organisationens namn."), "name")
    if kind not in OrganisationKind.values or kind == OrganisationKind.MINISTRY:
        raise RegisterError(_("Välj vilken typ av organisation det är."), "kind")
    address, number = _clean_contact(registry_email, org_number)
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        raise RegisterError(
            _("%(org)s finns redan i registret. Sök fram den och lägg till den därifrån.") % {"org": existing.name},
            "name",
        )
    _check_org_number_free(number)
    organisation = Organisation.objects.create(
        name=name, kind=kind, county=county.strip(), registry_email=address, org_number=number
    )
    audit.record(
        "organisation.created",
        actor=by,
        organisation=organisation,
        obj=organisation,
        data={"kind": kind, "registry_email": address, "org_number": number},
    )
    return organisation


def invite_if_now_reachable(organisation: Organisation) -> int:
    """Invite the organisation to the published remisser where its invitation found nobody. On commit."""
    waiting = Recipient.objects.filter(
        organisation=organisation,
        remiss__status=RemissStatus.PUBLISHED,
        invitation_status=InvitationStatus.NO_RECIPIENTS,
    )
    remiss_ids = sorted(set(waiting.values_list("remiss_id", flat=True)))
    if not remiss_ids or not reach([organisation])[0].reachable:  # mostly nothing waits: one query
        return 0
    waiting.update(invited_at=None, invitation_status="", invitation_attempts=0)
    for remiss_id in remiss_ids:
        _enqueue_invitations(remiss_id)
    return len(remiss_ids)


def _enqueue_invitations(remiss_id: int) -> None:
    jobs.enqueue("remiss.send_invitations", remiss_id)
