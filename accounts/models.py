"""Users, organisations, memberships (with roles) and the audit log."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .orgnumber import validate_org_number


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("E-mail is required")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-postadress"), unique=True)
    full_name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    is_staff = models.BooleanField(
        _("administratör"), default=False, help_text=_("Får logga in i administrationsgränssnittet.")
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("skapad"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message=_("Det finns redan ett konto med den e-postadressen."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)

    def save(self, *args, **kwargs) -> None:
        # One spelling per address, whichever way the account was created (admin, import, shell).
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class OrganisationKind(models.TextChoices):
    MINISTRY = "departement", _("Departement")
    MUNICIPALITY = "kommun", _("Kommun")
    REGION = "region", _("Region")
    AGENCY = "myndighet", _("Myndighet")
    OTHER = "organisation", _("Organisation")


class Organisation(models.Model):
    name = models.CharField(_("namn"), max_length=200, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=OrganisationKind.choices)
    code = models.CharField(
        _("kod"), max_length=20, blank=True, help_text=_("Till exempel SCB:s kommunkod (0180) eller länskod (01).")
    )
    county = models.CharField(_("län"), max_length=100, blank=True)
    registry_email = models.EmailField(
        _("funktionsbrevlåda"),
        blank=True,
        help_text=_("Organisationens officiella e-postadress (registrator). Remisser skickas hit."),
    )
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_org_number],
        help_text=_("Tio siffror, till exempel 212000-0142."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"], condition=~models.Q(code=""), name="organisation_unique_kind_code"
            ),
            models.UniqueConstraint(
                fields=["org_number"],
                condition=~models.Q(org_number=""),
                name="organisation_unique_org_number",
                violation_error_message=_("Det finns redan en organisation med det organisationsnumret."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ministry(self) -> bool:
        return self.kind == OrganisationKind.MINISTRY

    @property
    def is_registered_body(self) -> bool:
        """A body of the register or one with people or a mailbox: not a name someone typed into the
        public answer form (those are kind "other" with no code, number, mailbox or members)."""
        if self.kind != OrganisationKind.OTHER or self.code or self.org_number or self.registry_email:
            return True
        return self.memberships.exists()


class Role(models.TextChoices):
    """Roles a membership may hold. Respondent roles, and MINISTRY_STAFF for a departement."""

    DRAFTER = "drafter", _("Handläggare")
    REVIEWER = "reviewer", _("Granskare")
    APPROVER = "approver", _("Beslutsfattare")
    ORG_ADMIN = "org_admin", _("Organisationsadministratör")
    MINISTRY_STAFF = "ministry_staff", _("Departementstjänsteman")


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("användare"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    is_drafter = models.BooleanField(_("handläggare"), default=False)
    is_reviewer = models.BooleanField(_("granskare"), default=False)
    is_approver = models.BooleanField(_("beslutsfattare"), default=False)
    is_org_admin = models.BooleanField(_("organisationsadministratör"), default=False)
    is_ministry_staff = models.BooleanField(_("departementstjänsteman"), default=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"

    ROLE_FIELDS = {
        Role.DRAFTER: "is_drafter",
        Role.REVIEWER: "is_reviewer",
        Role.APPROVER: "is_approver",
        Role.ORG_ADMIN: "is_org_admin",
        Role.MINISTRY_STAFF: "is_ministry_staff",
    }

    @property
    def roles(self) -> list[Role]:
        return [role for role, field in self.ROLE_FIELDS.items() if getattr(self, field)]

    def clean(self) -> None:
        """Ministry staff belong to a departement; the respondent roles to everyone else."""
        super().clean()
        organisation = getattr(self, "organisation", None)
        if organisation is None:
            return
        if organisation.is_ministry and any(
            getattr(self, f) for f in ("is_drafter", "is_reviewer", "is_approver", "is_org_admin")
        ):
            raise ValidationError(_("Ett departement svarar inte på remisser: ge bara rollen departementstjänsteman."))
        if self.is_ministry_staff and not organisation.is_ministry:
            raise ValidationError(_("Rollen departementstjänsteman finns bara för departement."))

    def has_role(self, role: Role) -> bool:
        return bool(getattr(self, self.ROLE_FIELDS[Role(role)]))

    @property
    def role_labels(self) -> list[str]:
        return [str(role.label) for role in self.roles]


class AuditEvent(models.Model):
    """An append-only record of a state change, a sign-in event or a denied access."""

    # Stored in UTC like every timestamp; shown in Europe/Stockholm time.
    created_at = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True, editable=False)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("utförd av")
    )
    actor_label = models.CharField(_("utförd av (text)"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("organisation")
    )
    action = models.CharField(_("händelse"), max_length=100, db_index=True)
    object_type = models.CharField(_("objekttyp"), max_length=100, blank=True)
    object_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    object_repr = models.CharField(_("objekt"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("granskningslogg")
        verbose_name_plural = _("granskningslogg")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise PermissionDenied("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit events cannot be deleted.")


class InvitationKind(models.TextChoices):
    CLAIM = "claim", _("Inbjudan till funktionsbrevlåda")
    ACTIVATION = "activation", _("Aktivering av konto")


class Invitation(models.Model):
    """A personal, single-use link sent by e-mail; only a hash of its token is stored.

    A *claim* goes to an organisation's registry address: whoever holds it may create the
    organisation's first account. An *activation* goes to one person (invited by an organisation
    administrator, or the claimer confirming their address) who then chooses a password.
    """

    kind = models.CharField(_("typ"), max_length=20, choices=InvitationKind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations_sent", verbose_name=_("organisation")
    )
    email = models.EmailField(_("e-postadress"))
    full_name = models.CharField(_("namn"), max_length=200, blank=True)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    roles = models.JSONField(_("roller"), default=list, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    next_path = models.CharField(_("sida efter aktivering"), max_length=300, blank=True)
    claim = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="activations", verbose_name=_("inbjudan")
    )
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("skapad av")
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    expires_at = models.DateTimeField(_("gäller till"))
    used_at = models.DateTimeField(_("använd"), null=True, blank=True)
    used_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("använd av")
    )
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    sent_count = models.PositiveSmallIntegerField(_("skickad antal gånger"), default=0)
    last_sent_at = models.DateTimeField(_("senast skickad"), null=True, blank=True)
    delivery_error = models.CharField(_("fel vid utskick"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.email} ({self.organisation})"

    @property
    def is_pending(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(role).label) for role in self.roles if role in Role.values]
