"""Reading a remissvar that arrived as a document: extract its text, place every paragraph (the
body's summary, general views, the part on each proposal, consequences; letter furniture set
aside) by the numbering, titles and wording answers use, and suggest a stance only where the body
took one, with the sentence it rests on and a calibrated confidence (``ask`` below ``ASK_BELOW``).
Pure Python, no database: the service layer confirms and stores readings.

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
