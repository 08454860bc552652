from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.register_import import import_organisations


class Command(BaseCommand):
    help = "Create or update organisations from a CSV file (code,name,kind,county). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, e.g. data/organisations.csv")

    def handle(self, *args, path, **options):
        try:
            report = import_organisations(path)
        except OSError as exc:
            raise CommandError(_("Kan inte läsa %(path)s: %(error)s") % {"path": path, "error": exc.strerror}) from exc
        for line, reason in report.errors:
            self.stderr.write(_("rad %(line)s: %(reason)s") % {"line": line, "reason": reason})
        summary = _("%(created)s skapade, %(updated)s uppdaterade, %(unchanged)s oförändrade, %(errors)s fel") % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "errors": len(report.errors),
        }
        self.stdout.write(summary)
        if report.errors:  # the good rows are saved; the exit status still tells a script that some were not
            raise CommandError(
                ngettext(
                    "%(n)s rad kunde inte importeras (se ovan).",
                    "%(n)s rader kunde inte importeras (se ovan).",
                    len(report.errors),
                )
                % {"n": len(report.errors)}
            )
