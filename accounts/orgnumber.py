"""Swedish organisationsnummer: ten digits with a Luhn check digit, written NNNNNN-NNNN."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.se import orgnr


def normalise_org_number(value: str) -> str:
    """The number as NNNNNN-NNNN, or "" for an empty value. Raises ``ValidationError`` in Swedish."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return orgnr.format(orgnr.validate(value))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("Organisationsnumret %(value)s stämmer inte (kontrollsiffran är fel).") % {"value": value}
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("Organisationsnumret %(value)s ska ha tio siffror, till exempel 212000-0142.") % {"value": value}
        ) from None


def validate_org_number(value: str) -> None:
    normalise_org_number(value)
