"""Invitations by personal, single-use links, and organisation administrators managing their people.

- A *claim* is sent to an organisation's registry address. Whoever holds it gives a name, a title and
  their own e-mail address; an *activation* link then goes to that address, and following it (choosing
  a password) creates the organisation's first account, an organisation administrator.
- An organisation administrator invites colleagues: an activation link to each; they choose their
  own password. Nobody ever types another person's password.

Links carry a random token signed with SECRET_KEY; only its SHA-256 is stored. Every change is in
the audit log. Errors are ``InvitationError`` with a Swedish message for the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Invitation, InvitationKind, Membership, Organisation, Role, User, normalise_email
from core import jobs
from core.errors import ApplicationError

SALT = "accounts.invitation"
ACTIVATION_DAYS = 14
RESPONDENT_ROLES = [Role.DRAFTER, Role.REVIEWER, Role.APPROVER, Role.ORG_ADMIN]
FIRST_ACCOUNT_ROLES = [role.value for role in RESPONDENT_ROLES]


class InvitationError(ApplicationError):
    """Shown to the user as it is; ``field`` names the form field concerned, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# --- tokens -------------------------------------------------------------------------------------------


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(invitation: Invitation) -> str:
    """A new token for the link (an older link of this invitation stops working). Saves the hash."""
    raw = secrets.token_urlsafe(32)
    invitation.token_hash = _hash(raw)
    if invitation.pk:
        invitation.save(update_fields=["token_hash"])
    return signing.Signer(salt=SALT).sign(raw)


def find(token: str) -> Invitation | None:
    """The invitation a link belongs to, or None for a link that was never issued here."""
    try:
        raw = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("organisation", "claim").filter(token_hash=_hash(raw)).first()


def problem(invitation: Invitation | None, now: dt.datetime | None = None) -> str:
    """Why the link cannot be used, in Swedish; "" when it can."""
    if invitation is None:
        return _("Länken är felaktig. Kontrollera att hela länken kom med när du kopierade den.")
    if invitation.revoked_at:
        return _("Inbjudan har återkallats. Be organisationens administratör om en ny inbjudan.")
    if invitation.used_at:
        return _("Länken har redan använts. Logga in med kontot som skapades, eller be om en ny inbjudan.")
    if invitation.expires_at <= (now or timezone.now()):
        return _("Länken gällde till och med %(date)s och har gått ut. Be om en ny inbjudan.") % {
            "date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d")
        }
    if invitation.claim_id and problem(invitation.claim):
        return problem(invitation.claim)
    if invitation.kind == InvitationKind.CLAIM or invitation.claim_id:
        if has_administrator(invitation.organisation):
            return _("%(org)s har redan en organisationsadministratör i tjänsten. Be hen att bjuda in dig.") % {
                "org": invitation.organisation.name
            }
    return ""


def has_administrator(organisation: Organisation) -> bool:
    return Membership.objects.filter(organisation=organisation, is_org_admin=True, user__is_active=True).exists()


def _locked(invitation: Invitation) -> Invitation:
    return Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)


def _enqueue_mail(invitation: Invitation) -> None:

    jobs.enqueue("notifications.send_activation", invitation.pk)


def _check_address_free(organisation: Organisation, email: str, field: str = "email") -> None:
    """An address may be invited to an organisation only if it is nobody's account yet."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        return
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise InvitationError(_("%(email)s är redan medlem i %(org)s.") % {"email": email, "org": organisation}, field)
    raise InvitationError(
        _(
            "Adressen %(email)s hör till ett konto i en annan organisation. Använd personens adress i "
            "er organisation, eller be tjänstens support att koppla kontot även till %(org)s."
        )
        % {"email": email, "org": organisation},
        field,
    )


# --- claims (the registry address) --------------------------------------------------------------------


def create_claim(*, organisation: Organisation, expires_at: dt.datetime, next_path: str = "") -> tuple[Invitation, str]:
    """A new claim link for the organisation's registry address; returns the invitation and the token."""
    invitation = Invitation(
        kind=InvitationKind.CLAIM,
        organisation=organisation,
        email=organisation.registry_email,
        roles=FIRST_ACCOUNT_ROLES,
        expires_at=expires_at,
        next_path=next_path,
        sent_count=1,
        last_sent_at=timezone.now(),
    )
    token = issue_token(invitation)
    invitation.save()
    return invitation, token


@transaction.atomic
def start_claim(*, claim: Invitation, full_name: str, title: str, email: str, request=None) -> Invitation | None:
    """The holder of a claim link says who they are; an activation link goes to their own address.

    The page answers the same whether the address is free or already has an account, so the form
    tells nobody which addresses have accounts: for a taken address no activation is made and the
    explanation goes to that address by mail (None is returned)."""
    claim = _locked(claim)
    reason = problem(claim)
    if reason:
        raise InvitationError(reason)
    email = normalise_email(email)
    try:
        _check_address_free(claim.organisation, email)
    except InvitationError:
        audit.record(
            "invitation.claim_address_taken",
            organisation=claim.organisation,
            obj=claim,
            request=request,
            actor_label=email,
            data={"claim": claim.pk},
        )
        jobs.enqueue("notifications.send_claim_address_taken", claim.pk, email)
        return None
    activation = Invitation.objects.create(
        kind=InvitationKind.ACTIVATION,
        organisation=claim.organisation,
        email=email,
        full_name=full_name.strip(),
        title=title.strip(),
        roles=claim.roles,
        claim=claim,
        next_path=claim.next_path,
        expires_at=min(claim.expires_at, timezone.now() + dt.timedelta(days=ACTIVATION_DAYS)),
        token_hash=_hash(secrets.token_urlsafe(32)),  # replaced when the mail is sent
    )
    audit.record(
        "invitation.claim_started",
        organisation=claim.organisation,
        obj=activation,
        request=request,
        actor_label=email,
        data={"claim": claim.pk},
    )
    _enqueue_mail(activation)
    return activation


# --- activation ---------------------------------------------------------------------------------------


@transaction.atomic
def activate(*, invitation: Invitation, full_name: str, title: str, password: str, request=None) -> User:
    """Create the account of an invited person with the password they chose."""
    invitation = _locked(invitation)
    claim = _locked(invitation.claim) if invitation.claim_id else None
    reason = problem(invitation)
    if reason:
        raise InvitationError(reason)
    _check_address_free(invitation.organisation, invitation.email)
    user = User.objects.create_user(invitation.email, password, full_name=full_name.strip(), title=title.strip())
    roles = {Membership.ROLE_FIELDS[Role(r)]: True for r in invitation.roles if r in Role.values}
    Membership.objects.create(user=user, organisation=invitation.organisation, **roles)
    now = timezone.now()
    for used in filter(None, [invitation, claim]):
        used.used_at, used.used_by = now, user
        used.save(update_fields=["used_at", "used_by"])
    audit.record(
        "organisation.claimed" if claim else "invitation.accepted",
        actor=user,
        organisation=invitation.organisation,
        obj=invitation,
        request=request,
        data={"roles": invitation.roles, "claim": claim.pk if claim else None},
    )
    return user


# --- an organisation administrator's people ------------------------------------------------------------


def _require_admin(by: User, organisation: Organisation) -> None:
    if not Membership.objects.filter(user=by, organisation=organisation, is_org_admin=True).exists():
        raise InvitationError(_("Bara organisationens administratörer får hantera dess medlemmar."))


def _clean_roles(roles) -> list[str]:
    allowed = {role.value for role in RESPONDENT_ROLES}
    chosen = [str(r) for r in roles if str(r) in allowed]
    if not chosen:
        raise InvitationError(_("Välj minst en roll."), "roles")
    return chosen


@transaction.atomic
def invite_colleague(*, organisation: Organisation, by: User, email: str, roles, request=None) -> Invitation:
    _require_admin(by, organisation)
    email = normalise_email(email)
    roles = _clean_roles(roles)
    _check_address_free(organisation, email)
    pending = Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        kind=InvitationKind.ACTIVATION,
        used_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if pending.exists():
        raise InvitationError(
            _("%(email)s är redan inbjuden. Skicka inbjudan igen från listan nedan.") % {"email": email}, "email"
        )
    invitation = Invitation.objects.create(
        kind=InvitationKind.ACTIVATION,
        organisation=organisation,
        email=email,
        roles=roles,
        created_by=by,
        expires_at=timezone.now() + dt.timedelta(days=ACTIVATION_DAYS),
        token_hash=_hash(secrets.token_urlsafe(32)),
    )
    audit.record(
        "invitation.created",
        actor=by,
        organisation=organisation,
        obj=invitation,
        request=request,
        data={"roles": roles},
    )
    _enqueue_mail(invitation)
    return invitation


def pending_invitations(organisation: Organisation):
    return Invitation.objects.filter(
        organisation=organisation, kind=InvitationKind.ACTIVATION, used_at__isnull=True, revoked_at__isnull=True
    ).order_by("email")


@transaction.atomic
def resend(*, invitation: Invitation, by: User, request=None) -> Invitation:
    _require_admin(by, invitation.organisation)
    invitation = _locked(invitation)
    if invitation.used_at or invitation.revoked_at:
        raise InvitationError(_("Inbjudan är redan använd eller återkallad."))
    invitation.expires_at = timezone.now() + dt.timedelta(days=ACTIVATION_DAYS)
    invitation.save(update_fields=["expires_at"])
    audit.record("invitation.resent", actor=by, organisation=invitation.organisation, obj=invitation, request=request)
    _enqueue_mail(invitation)
    return invitation


@transaction.atomic
def revoke(*, invitation: Invitation, by: User, request=None) -> Invitation:
    _require_admin(by, invitation.organisation)
    invitation = _locked(invitation)
    if invitation.used_at:
        raise InvitationError(_("Inbjudan har redan använts; inaktivera personen i stället."))
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(
            "invitation.revoked", actor=by, organisation=invitation.organisation, obj=invitation, request=request
        )
    return invitation


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(organisation=membership.organisation, is_org_admin=True, user__is_active=True)
        .exclude(pk=membership.pk)
        .exists()
    )


LAST_ADMIN = _("%(org)s måste ha minst en organisationsadministratör. Ge någon annan rollen först.")


@transaction.atomic
def set_roles(*, membership: Membership, by: User, roles, request=None) -> Membership:
    _require_admin(by, membership.organisation)
    membership = Membership.objects.select_for_update().select_related("organisation", "user").get(pk=membership.pk)
    chosen = set(_clean_roles(roles))
    if Role.ORG_ADMIN.value not in chosen and membership.is_org_admin and not _other_admins(membership):
        raise InvitationError(LAST_ADMIN % {"org": membership.organisation}, "roles")
    old = [str(r.value) for r in membership.roles]
    for role in RESPONDENT_ROLES:
        setattr(membership, Membership.ROLE_FIELDS[role], role.value in chosen)
    membership.save()
    audit.record(
        "membership.roles_changed",
        actor=by,
        organisation=membership.organisation,
        obj=membership,
        request=request,
        data={"user": membership.user.email, "old": old, "new": sorted(chosen)},
    )
    return membership


@transaction.atomic
def deactivate(*, membership: Membership, by: User, request=None) -> None:
    """Remove a person from the organisation; an account with no other organisation is deactivated."""
    _require_admin(by, membership.organisation)
    membership = Membership.objects.select_for_update().select_related("organisation", "user").get(pk=membership.pk)
    if membership.is_org_admin and not _other_admins(membership):
        raise InvitationError(LAST_ADMIN % {"org": membership.organisation})
    user, organisation = membership.user, membership.organisation
    roles = [str(r.value) for r in membership.roles]
    membership.delete()
    if not Membership.objects.filter(user=user).exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    audit.record(
        "membership.deactivated",
        actor=by,
        organisation=organisation,
        obj=user,
        request=request,
        data={"user": user.email, "roles": roles, "account_deactivated": not user.is_active},
    )


def members(organisation: Organisation):
    return (
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )
