import io

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "What `make run` does before it starts its processes, in one Django start instead of five: "
        "migrate, the cache table, the demo data (--demo), the search index and the static files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load the demo data (safe to repeat).")

    def handle(self, *args, demo=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable")
        if demo:
            call_command("load_demo", stdout=self.stdout)
        # Quiet: right after the demo loads, its answers are still being rendered by the workers (the
        # index follows each render), so a row count here would understate the index a minute later.
        call_command("rebuild_search_index", stdout=io.StringIO())
        call_command("collectstatic", interactive=False, verbosity=0)
