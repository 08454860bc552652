"""Reading a remissvar that arrived as a document: extract its text, split it onto the remiss's
proposals by the numbering and titles answers use, and suggest a stance per proposal with the
sentence it rests on. Pure Python, no database: the service layer confirms and stores readings.

    document = extract_text(data, filename)            # extract.py  (ReadingError: Swedish message)
    structure = Structure.from_remiss(remiss)            # structure.py (or from_imported / JSON)
    reading = read_answer(document.text, structure)      # reader.py
    reading.as_dict()                                    # the read_answer command's JSON
"""

from .calibration import ASK_BELOW
from .contract import Paragraph, ProposalReading, Reading
from .extract import ExtractedDocument, ReadingError, extract_text
from .reader import read_answer
from .structure import Structure

__all__ = [
    "ASK_BELOW",
    "Paragraph",
    "ExtractedDocument",
    "ProposalReading",
    "Reading",
    "ReadingError",
    "Structure",
    "extract_text",
    "read_answer",
]
