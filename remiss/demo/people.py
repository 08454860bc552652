"""The organisation register and demo users with their roles."""

import time
from base64 import b32decode

from django.utils.text import slugify
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import mfa
from accounts.models import Membership, Organisation, OrganisationKind, User
from accounts.register_import import import_organisations
from remiss.services.register import invite_if_now_reachable

from . import DATA_DIR, DEMO_PASSWORD, DEMO_TOTP_SECRET

# (email, full name, title, [(organisation, roles...)], superuser)
DEMO_USERS = [
    ("admin@demo.remiss.se", "Alva Administratör", "Systemförvaltare", [], True),
    (
        "departement@demo.remiss.se",
        "Dan Departementssekreterare",
        "Departementssekreterare",
        [("Finansdepartementet", "is_ministry_staff")],
        False,
    ),
    (
        "handlaggare@demo.remiss.se",
        "Hanna Handläggare",
        "Utredare",
        [("Nacka kommun", "is_drafter"), ("Region Stockholm", "is_drafter")],
        False,
    ),
    ("granskare@demo.remiss.se", "Gustav Granskare", "Kanslichef", [("Nacka kommun", "is_reviewer")], False),
    (
        "beslutsfattare@demo.remiss.se",
        "Berit Beslutsfattare",
        "Kommunstyrelsens ordförande",
        [("Nacka kommun", "is_approver", "is_org_admin")],
        False,
    ),
    (
        "region@demo.remiss.se",
        "Rasmus Regionråd",
        "Regiondirektör",
        [("Region Stockholm", "is_drafter", "is_reviewer", "is_approver", "is_org_admin")],
        False,
    ),
]

DEMO_LOGIN_ROLES = {
    "admin@demo.remiss.se": "administratör (Django admin, /admin/)",
    "departement@demo.remiss.se": "Finansdepartementet: departementstjänsteman",
    "handlaggare@demo.remiss.se": "Nacka kommun och Region Stockholm: handläggare",
    "granskare@demo.remiss.se": "Nacka kommun: granskare",
    "beslutsfattare@demo.remiss.se": "Nacka kommun: beslutsfattare och organisationsadministratör",
    "region@demo.remiss.se": "Region Stockholm: alla roller",
}


DEMO_DOMAIN = "demo.remiss.se"


def demo_registry_email(organisation: Organisation) -> str:
    """An address under the demo domain; the vendored register holds no real addresses."""
    return f"registrator.{slugify(organisation.name)[:48]}@{DEMO_DOMAIN}"


def give_demo_addresses() -> int:
    """Every respondent body without a registry address gets one under the demo domain, and is invited
    where an earlier invitation found nobody."""
    missing = Organisation.objects.filter(registry_email="").exclude(kind=OrganisationKind.MINISTRY)
    count = 0
    for organisation in missing:
        organisation.registry_email = demo_registry_email(organisation)
        organisation.save(update_fields=["registry_email", "updated_at"])
        invite_if_now_reachable(organisation)
        count += 1
    return count


def load() -> list[str]:
    report = import_organisations(DATA_DIR / "organisations.csv")
    lines = [f"Organisationer: {report.created} nya, {report.updated} uppdaterade, {report.unchanged} oförändrade"]
    lines.append(f"Funktionsbrevlådor under {DEMO_DOMAIN}: {give_demo_addresses()} nya")
    created = 0
    for email, name, title, memberships, superuser in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            make = User.objects.create_superuser if superuser else User.objects.create_user
            user = make(email, DEMO_PASSWORD, full_name=name, title=title)
            created += 1
        for org_name, *roles in memberships:
            organisation = Organisation.objects.get(name=org_name)
            Membership.objects.update_or_create(
                user=user, organisation=organisation, defaults={role: True for role in roles}
            )
    lines.append(f"Demoanvändare: {created} nya")
    for user in User.objects.filter(email__in=[row[0] for row in DEMO_USERS]):
        if mfa.role_requires_mfa(user):
            TOTPDevice.objects.update_or_create(
                user=user, name="Demo", defaults={"key": demo_key_hex(), "confirmed": True}
            )
    return lines


def demo_key_hex() -> str:
    return b32decode(DEMO_TOTP_SECRET + "=" * (-len(DEMO_TOTP_SECRET) % 8)).hex()


def current_code() -> tuple[str, int]:
    """The demo authenticator code now, and the seconds it stays valid."""
    totp = TOTP(bytes.fromhex(demo_key_hex()))
    totp.time = time.time()
    return f"{totp.token():06d}", 30 - int(totp.time) % 30


def login_lines() -> list[str]:
    width = max(len(e) for e in DEMO_LOGIN_ROLES)
    rows = [f"  {email.ljust(width)}  {role}" for email, role in DEMO_LOGIN_ROLES.items()]
    return [
        "Demo logins (password for all: " + DEMO_PASSWORD + "):",
        *rows,
        "Ministry staff, approvers, org admins and admin@ also need a code from an authenticator app:",
        f"  add the key {DEMO_TOTP_SECRET} (time-based, 6 digits) to any authenticator app,",
        "  or print the current code with: .venv/bin/python manage.py load_demo --code",
    ]
