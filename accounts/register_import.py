"""Import the organisation register from CSV.

Columns: code, name, kind, county, and optionally registry_email (funktionsbrevlåda) and org_number
(organisationsnummer). An empty optional cell keeps what the organisation already has, so an
address corrected in the service is not wiped by a register without addresses.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Organisation, OrganisationKind, normalise_email
from .orgnumber import normalise_org_number

logger = logging.getLogger(__name__)
REQUIRED_COLUMNS = {"code", "name", "kind", "county"}
OPTIONAL_COLUMNS = {"registry_email", "org_number"}
CODE_LENGTH = {OrganisationKind.MUNICIPALITY: 4, OrganisationKind.REGION: 2}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class RowError(ValueError):
    pass


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def _clean_row(row: dict[str, str | None]) -> dict[str, str]:
    if None in row:  # more cells than header columns
        raise RowError(_("för många kolumner"))
    values = {key: (row.get(key) or "").strip() for key in REQUIRED_COLUMNS}
    optional = {key: (row.get(key) or "").strip() for key in OPTIONAL_COLUMNS if row.get(key)}
    if any(_has_control_characters(value) for value in [*values.values(), *optional.values()]):
        raise RowError(_("raden innehåller otillåtna tecken (styrtecken)"))
    if not values["name"]:
        raise RowError(_("namn saknas"))
    if len(values["name"]) > 200:
        raise RowError(_("namnet är längre än 200 tecken"))
    if len(values["county"]) > 100:
        raise RowError(_("länet är längre än 100 tecken"))
    if values["kind"] not in OrganisationKind.values:
        raise RowError(
            _("okänd typ '%(kind)s' (tillåtna: %(allowed)s)")
            % {"kind": values["kind"], "allowed": ", ".join(OrganisationKind.values)}
        )
    code, kind = values["code"], values["kind"]
    if code and not (code.isascii() and code.isdigit()):
        raise RowError(_("koden '%(code)s' ska bara innehålla siffror") % {"code": code})
    expected = CODE_LENGTH.get(OrganisationKind(kind))
    if expected and len(code) != expected:
        raise RowError(
            _("en %(kind)s ska ha en kod med %(n)s siffror, inte '%(code)s'")
            % {"kind": kind, "n": expected, "code": code}
        )
    return values | _clean_optional(optional)


def _clean_optional(optional: dict[str, str]) -> dict[str, str]:
    if "registry_email" in optional:
        address = normalise_email(optional["registry_email"])
        try:
            validate_email(address)
        except ValidationError:
            raise RowError(
                _("funktionsbrevlådan '%(email)s' är ingen giltig e-postadress") % {"email": optional["registry_email"]}
            ) from None
        optional["registry_email"] = address
    if "org_number" in optional:
        try:
            optional["org_number"] = normalise_org_number(optional["org_number"])
        except ValidationError as error:
            raise RowError(error.messages[0]) from None
    return optional


def _decoded_lines(raw: bytes, report: ImportReport) -> Iterator[str]:
    """UTF-8 lines; a line that is not UTF-8 is reported with its number and read as an empty line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for number, line in enumerate(raw.splitlines(keepends=True), start=1):
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            report.errors.append((number, _("raden är inte UTF-8; spara filen som UTF-8 (CSV UTF-8 i Excel)")))
            yield "\n"


def _find_existing(values: dict[str, str]) -> Organisation | None:
    if values.get("org_number"):
        found = Organisation.objects.filter(org_number=values["org_number"]).first()
        if found:
            return found
    if values["code"]:
        found = Organisation.objects.filter(kind=values["kind"], code=values["code"]).first()
        if found:
            return found
    return Organisation.objects.filter(name=values["name"]).first()


def import_organisations(source: str | Path | io.TextIOBase) -> ImportReport:
    """Create or update organisations; each bad row is reported with its line number and skipped."""
    report = ImportReport()
    if isinstance(source, (str, Path)):
        lines: Iterator[str] = _decoded_lines(Path(source).read_bytes(), report)
    else:
        lines = iter(source)
    try:
        reader = csv.DictReader(lines)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    except csv.Error as exc:
        report.errors.append((1, _("rubrikraden går inte att läsa: %(error)s") % {"error": exc}))
        return report
    if missing:
        report.errors.append((1, _("kolumner saknas i rubrikraden: %(cols)s") % {"cols": ", ".join(sorted(missing))}))
        return report
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a NUL byte or an unclosed quote: the rest cannot be read reliably
            report.errors.append((reader.line_num, _("raden går inte att läsa som CSV: %(error)s") % {"error": exc}))
            break
        line = reader.line_num
        try:
            values = _clean_row(row)
            with transaction.atomic():
                _upsert(values, report)
        except RowError as exc:
            report.errors.append((line, str(exc)))
        except IntegrityError:
            report.errors.append(
                (
                    line,
                    _(
                        "kunde inte sparas: namnet, koden eller organisationsnumret används redan av en annan organisation"
                    ),
                )
            )
        except Exception:
            logger.exception("organisation import: line %s could not be saved", line)
            report.errors.append((line, _("kunde inte sparas (se serverns logg)")))
    report.errors.sort()
    return report


def _upsert(values: dict[str, str], report: ImportReport) -> None:
    existing = _find_existing(values)
    if existing is None:
        Organisation.objects.create(**values)
        report.created += 1
        return
    changed = [key for key, value in values.items() if getattr(existing, key) != value]
    if not changed:
        report.unchanged += 1
        return
    for key in changed:
        setattr(existing, key, values[key])
    existing.save(update_fields=[*changed, "updated_at"])
    report.updated += 1
