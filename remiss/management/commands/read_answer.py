"""manage.py read_answer FILE --structure REMISS.json [--json]: suggest a stance per proposal.

FILE is a remissvar as .pdf, .docx or .txt; REMISS.json is a remiss in the format of
data/sou-2018-47.json. Nothing is stored: this is the reader the registering screen uses.

--json prints ``Reading.as_dict()``: per proposal its stance (null where the body took none),
whether the text addresses it, the body's own text on it, evidence, calibrated confidence and
whether staff should be asked; the summary, general views, consequences and unplaced text; and
every paragraph with the place it landed in.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from remiss.reading import ReadingError, Structure, extract_text, read_answer
from remiss.reading.stance import NO_VIEW, OPPOSES, PARTLY, SUPPORTS
from remiss.remiss_import import ImportFormatError

LABELS = {SUPPORTS: "tillstyrker", PARTLY: "tillstyrker delvis", OPPOSES: "avstyrker", NO_VIEW: "inga synpunkter"}


class Command(BaseCommand):
    help = "Read a remissvar (PDF, DOCX or text) onto a remiss's proposals and suggest a stance per proposal."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--structure", type=Path, required=True, help="The remiss as JSON (data/sou-2018-47.json).")
        parser.add_argument("--json", action="store_true", help="Print the reading as one JSON object.")

    def handle(self, *args, file: Path, structure: Path, json: bool = False, **options):
        try:
            remiss = Structure.from_json(structure.read_bytes())
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Kan inte läsa %(file)s: %(error)s") % {"file": error.filename, "error": error.strerror}
            ) from None
        except ImportFormatError as error:
            raise CommandError(f"{structure}: {error}") from None
        try:
            document = extract_text(data, file.name)
        except ReadingError as error:
            raise CommandError(f"{file}: {error}") from None
        reading = read_answer(document.text, remiss)
        if json:
            self.stdout.write(_dumps(reading.as_dict()))
            return
        self.stdout.write(_("Övergripande: %(stance)s") % {"stance": LABELS.get(reading.general or "", "–")})
        for proposal in reading.proposals:
            stance = LABELS.get(proposal.stance, "–") if proposal.addressed else _("berörs inte")
            ask = "?" if proposal.ask else " "
            self.stdout.write(
                f"{proposal.label:12} {stance:20} {proposal.confidence:.2f}{ask} {proposal.evidence[:100]}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
