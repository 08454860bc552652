from django.core.management.base import BaseCommand

from opendata.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index of public remisser, proposals and answers."

    def handle(self, *args, **options):
        rows = rebuild()
        self.stdout.write(f"Search index rebuilt: {rows} rows.")
