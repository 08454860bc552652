import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from remiss.themes import run_contract

POLARITY = {"for": "mest för", "against": "mest emot", "mixed": "blandat"}


class Command(BaseCommand):
    help = (
        "Themes per proposal: the recurring arguments in the answers to one proposal. INPUT.json holds "
        '{"remiss": {"title", "reference"}, "proposal": {"section", "title", "text"}, '
        '"answers": [{"id", "organisation", "kind", "stance", "text"}]} and optionally "existing" '
        '(confirmed themes to keep). Prints the themes; with --json as {"themes": [...]}.'
    )

    def add_arguments(self, parser):
        parser.add_argument("input", help="JSON file with one proposal and its answers ('-' reads standard input).")
        parser.add_argument("--json", action="store_true", help="Print the contract JSON instead of a readable list.")

    def handle(self, *args, input, json: bool = False, **options):
        data = self._read(input)
        try:
            result = run_contract(data)
        except (KeyError, TypeError, ValueError) as error:
            raise CommandError(f"Ogiltig indata: {error}") from error
        if json:
            self.stdout.write(_dumps(result))
            return
        for theme in result["themes"]:
            polarity = POLARITY[theme["polarity"]]
            self.stdout.write(f"{theme['label']} ({len(theme['answers'])} svar, {polarity})")
            if theme["key_quote"]:
                self.stdout.write(f"  ”{theme['key_quote']['text']}”")

    def _read(self, name: str):
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
            return _loads(text)
        except OSError as error:
            raise CommandError(f"Kan inte läsa {name}: {error}") from error
        except ValueError as error:
            raise CommandError(f"{name} är inte giltig JSON: {error}") from error


def _loads(text: str):
    return json.loads(text)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
