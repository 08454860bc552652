from django.core.management.base import BaseCommand, CommandError

from accounts.importers import import_organisations


class Command(BaseCommand):
    help = "Create or update organisations from a CSV file (code,name,kind,county). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, e.g. data/organisations.csv")

    def handle(self, *args, path, **options):
        try:
            report = import_organisations(path)
        except OSError as exc:
            raise CommandError(f"Kan inte läsa {path}: {exc}") from exc
        for line, reason in report.errors:
            self.stderr.write(f"rad {line}: {reason}")
        self.stdout.write(
            f"{report.created} skapade, {report.updated} uppdaterade, {report.unchanged} oförändrade, "
            f"{len(report.errors)} fel"
        )
