"""manage.py import_remiss FILE [--ministry NAME]: create a draft remiss from a JSON file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.models import Organisation, OrganisationKind
from remiss.remiss_import import ImportFormatError, parse_remiss_json
from remiss.services.remiss_structure import create_remiss_from_import
from remiss.services.remisser import RemissError


class Command(BaseCommand):
    help = "Create a draft remiss with its sections and proposals from a JSON file (format of data/sou-2018-47.json)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--ministry", help="The sending departement (default: the file's 'department').")

    def handle(self, *args, file: Path, ministry: str | None = None, **options):
        try:
            imported = parse_remiss_json(file.read_bytes())
        except OSError as error:
            raise CommandError(
                _("Kan inte läsa %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from None
        except ImportFormatError as error:
            raise CommandError(f"{file}: {error}") from None
        name = ministry or imported.department
        if not name:
            raise CommandError(_("Ange departement med --ministry (filen saknar 'department')."))
        organisation = Organisation.objects.filter(name__iexact=name, kind=OrganisationKind.MINISTRY).first()
        if organisation is None:
            raise CommandError(_("Departementet '%(name)s' finns inte i registret.") % {"name": name})
        try:
            remiss = create_remiss_from_import(ministry=organisation, by=None, imported=imported)
        except RemissError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Remiss %(pk)d skapad som utkast: %(ref)s, %(sections)d avsnitt, %(proposals)d förslag (%(ministry)s).")
            % {
                "pk": remiss.pk,
                "ref": remiss.reference,
                "sections": len(imported.sections),
                "proposals": imported.proposal_count,
                "ministry": organisation.name,
            }
        )
