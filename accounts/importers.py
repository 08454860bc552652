"""Import the organisation register from CSV (columns: code, name, kind, county)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import Organisation, OrganisationKind

REQUIRED_COLUMNS = {"code", "name", "kind", "county"}
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


def _clean_row(row: dict[str, str | None]) -> dict[str, str]:
    values = {key: (row.get(key) or "").strip() for key in REQUIRED_COLUMNS}
    if None in row:  # more cells than header columns
        raise RowError("för många kolumner")
    if not values["name"]:
        raise RowError("namn saknas")
    if len(values["name"]) > 200:
        raise RowError("namnet är längre än 200 tecken")
    if values["kind"] not in OrganisationKind.values:
        raise RowError(f"okänd typ '{values['kind']}' (tillåtna: {', '.join(OrganisationKind.values)})")
    code, kind = values["code"], values["kind"]
    if code and not code.isdigit():
        raise RowError(f"koden '{code}' ska bara innehålla siffror")
    expected = CODE_LENGTH.get(OrganisationKind(kind))
    if expected and len(code) != expected:
        raise RowError(f"en {kind} ska ha en kod med {expected} siffror, inte '{code}'")
    return values


def _find_existing(values: dict[str, str]) -> Organisation | None:
    if values["code"]:
        found = Organisation.objects.filter(kind=values["kind"], code=values["code"]).first()
        if found:
            return found
    return Organisation.objects.filter(name=values["name"]).first()


def import_organisations(source: str | Path | io.TextIOBase) -> ImportReport:
    """Create or update organisations; each bad row is reported with its line number and skipped."""
    handle = open(source, encoding="utf-8-sig", newline="") if isinstance(source, (str, Path)) else source
    report = ImportReport()
    with handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            report.errors.append((1, f"kolumner saknas i rubrikraden: {', '.join(sorted(missing))}"))
            return report
        for row in reader:
            line = reader.line_num
            try:
                values = _clean_row(row)
                with transaction.atomic():
                    _upsert(values, report)
            except RowError as exc:
                report.errors.append((line, str(exc)))
            except Exception as exc:  # a database constraint, e.g. a name used by another code
                report.errors.append((line, f"kunde inte sparas: {exc}"))
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
