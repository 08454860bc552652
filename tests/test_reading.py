"""The reader of document answers (remiss.reading): extraction, refusals with Swedish messages,
splitting onto proposals and the suggested stances — on answers written in the ways Swedish
remissvar are written, and on the two real ones in shared/data/remissvar (read from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from remiss.reading import ASK_BELOW, ReadingError, Structure, extract_text, read_answer
from remiss.reading.stance import classify
from tests import documents

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
STRUCTURE_JSON = ROOT / "data" / "sou-2018-47.json"


@pytest.fixture(scope="module")
def structure() -> Structure:
    return Structure.from_json(STRUCTURE_JSON.read_bytes())


def stances(reading) -> dict[str, str]:
    return {proposal.label: proposal.stance for proposal in reading.proposals}


def section_stance(reading, section: str) -> set[str]:
    return {proposal.stance for proposal in reading.proposals if proposal.section == section}


# --- one sentence ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kommunen tillstyrker förslaget.", "supports"),
        ("Nacka kommun föreslås tillstyrka förslaget.", "supports"),
        ("Regionen ställer sig bakom förslagen i sin helhet.", "supports"),
        ("Myndigheten instämmer i utredningens bedömning.", "supports"),
        ("Förbundet välkomnar förslaget om ett nationellt policylabb.", "supports"),
        ("Länsstyrelsen ser positivt på att tillsynen blir mer verksamhetsanpassad.", "supports"),
        ("Kommunen har inget att invända mot förslaget.", "supports"),
        ("Vi delar utredningens uppfattning.", "supports"),
        ("Inspektionen anser att förslaget bör genomföras.", "supports"),
        ("Kommunen tillstyrker med reservation för finansieringen.", "partly"),
        ("Regionen tillstyrker delvis förslaget.", "partly"),
        ("Kommunen tillstyrker i huvudsak förslagen men vill påtala behovet av finansiering.", "partly"),
        ("Kommunen ställer sig i princip positiv till förslaget, men det måste förtydligas.", "partly"),
        ("Myndigheten anser att förslaget bör kompletteras med en konsekvensanalys.", "partly"),
        ("Kommunen ser positivt på förslaget men ser en risk för ökad administration.", "partly"),
        ("Regionen kan inte tillstyrka förslaget i dess nuvarande utformning.", "opposes"),
        ("Kommunen kan inte ställa sig bakom förslaget.", "opposes"),
        ("Förbundet ställer sig inte bakom förslaget.", "opposes"),
        ("Myndigheten avstyrker förslaget.", "opposes"),
        ("Kommunen tillstyrker inte förslaget om frikommunförsök.", "opposes"),
        ("Kommunen ser inte positivt på förslaget.", "opposes"),
        ("Vi anser att förslaget inte bör genomföras.", "opposes"),
        ("Kommunen har inga synpunkter på förslaget.", "no_view"),
        ("Regionen lämnar inga synpunkter.", "no_view"),
        ("Myndigheten avstår från att yttra sig.", "no_view"),
    ],
)
def test_a_sentence_gets_the_stance_its_wording_takes(sentence, expected):
    cue = classify(sentence)
    assert cue is not None and cue.stance == expected, (sentence, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "Utredningen föreslår att regeringen ska inrätta ett nationellt policylabb.",
        "Delegationen menar att tillsynen bör bli mer verksamhetsanpassad.",
        "Det finns ett behov av tillit i alla dessa relationer, inte minst i samverkan mellan vårdgivare.",
        "Kvalitetsförbättringar kan ge positiva konsekvenser för barn.",
    ],
)
def test_descriptions_and_figures_of_speech_take_no_stance(sentence):
    assert classify(sentence) is None


# --- splitting onto proposals ---------------------------------------------------------------------


def test_numbered_headings_and_references_split_the_answer(structure):
    text = """Yttrande över SOU 2018:47

Sammanfattning
Kommunen är i huvudsak positiv till betänkandet.

7.1.1 En samlad och tillitsbaserad statlig styrning
Kommunen tillstyrker förslagen i avsnittet.

Avsnitt 7.4.2
Kommunen avstyrker förslaget. Vitet behövs som påtryckningsmedel.

Förslag 7.6.2–7.6.4
Kommunen har inga synpunkter på dessa förslag.

Kapitel 7.5 Ersättningsmodeller
Kommunen tillstyrker med reservation för att modellerna måste följas upp.
"""
    reading = read_answer(text, structure)
    assert section_stance(reading, "7.1.1") == {"supports"}
    assert section_stance(reading, "7.4.2") == {"opposes"}
    assert section_stance(reading, "7.6.2") == section_stance(reading, "7.6.4") == {"no_view"}
    assert section_stance(reading, "7.5") == {"partly"}
    assert section_stance(reading, "7.3.1") == {""}  # not mentioned: not answered, not a guess
    assert reading.general == "partly"
    opposing = next(p for p in reading.proposals if p.section == "7.4.2")
    assert opposing.evidence == "Kommunen avstyrker förslaget." and opposing.confidence >= ASK_BELOW
    assert opposing.comment == "Kommunen avstyrker förslaget. Vitet behövs som påtryckningsmedel."


def test_a_heading_that_repeats_a_title_points_at_its_section(structure):
    text = """Synpunkter

Ett nationellt policylabb
Regionen välkomnar förslaget.

Frikommunförsök
Regionen kan inte ställa sig bakom förslaget, eftersom det saknas finansiering.
"""
    reading = read_answer(text, structure)
    assert section_stance(reading, "7.6.2") == {"supports"}
    assert section_stance(reading, "7.6.3") == {"opposes"}


def test_a_blanket_statement_covers_what_the_answer_does_not_single_out(structure):
    text = """Kommunen ställer sig bakom förslagen i sin helhet.

När det gäller avsnitt 7.4.2 avstyrker kommunen dock förslaget."""
    reading = read_answer(text, structure)
    assert section_stance(reading, "7.4.2") == {"opposes"}
    assert section_stance(reading, "7.1.1") == section_stance(reading, "7.6.4") == {"supports"}
    blanket = next(p for p in reading.proposals if p.section == "7.1.1")
    assert blanket.evidence == "Kommunen ställer sig bakom förslagen i sin helhet."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Myndigheten avstyrker betänkandet.", "opposes"),
        ("Regionen har inga synpunkter på remissen.", "no_view"),
        ("Förbundet har tagit del av remissen och har inga synpunkter.", "no_view"),
    ],
)
def test_blanket_opposition_and_no_view(structure, text, expected):
    assert set(stances(read_answer(text, structure)).values()) == {expected}


def test_no_numbering_at_all_is_read_as_a_whole_document(structure):
    text = "Kommunstyrelsen har beretts tillfälle att yttra sig.\n\nKommunen tillstyrker förslaget.\n"
    reading = read_answer(text, structure)
    assert reading.whole_document
    assert set(stances(reading).values()) == {"supports"}
    assert all(0 < proposal.confidence < ASK_BELOW and proposal.ask for proposal in reading.proposals)


def test_background_and_consequence_sections_are_not_read_as_views(structure):
    text = """Bakgrund
Utredningen föreslår ett frikommunförsök. Det är positivt att staten vill pröva nya vägar, skriver utredningen.

Ekonomiska konsekvenser
Kommunen avstyrker inte att kostnaderna kan öka.
"""
    reading = read_answer(text, structure)
    assert set(stances(reading).values()) == {""} and reading.general is None


def test_a_list_of_the_reports_proposals_then_a_view_on_them(structure):
    text = """Utredningen föreslår bland annat att:
- Ett nationellt policylabb inrättas av regeringen för att lyfta frågeställningar om regelverk.
- Ett frikommunförsök genomförs där 10–15 kommuner och landsting erbjuds att delta.

Förbundet ställer sig i princip positivt till förslagen men vill betona att finansieringen måste säkras.
"""
    reading = read_answer(text, structure)
    assert section_stance(reading, "7.6.2") == section_stance(reading, "7.6.3") == {"partly"}
    assert section_stance(reading, "7.1.1") == {""}


# --- the real answers -----------------------------------------------------------------------------


def test_the_real_answers_read_as_labelled(structure):
    labels = json.loads((ROOT / "tests/data/remissvar_labels.json").read_text())
    right = total = 0
    for name, label in labels["answers"].items():
        reading = read_answer(extract_text((SHARED / "remissvar" / name).read_bytes(), name).text, structure)
        for section, expected in label["sections"].items():
            got = section_stance(reading, section) - {""} or {""}
            total += 1
            right += got == {expected}
            assert not ("opposes" in got and expected in ("supports", "partly")), (name, section)
    assert right / total >= 0.85


# --- extraction and refusals ----------------------------------------------------------------------


def test_text_is_extracted_from_pdf_docx_and_txt():
    assert "tillstyrker" in extract_text(documents.pdf_bytes("Kommunen tillstyrker förslaget."), "svar.pdf").text
    docx = documents.docx_bytes([("heading", "7.1.1 Styrning"), "Kommunen tillstyrker.", ("list", "En punkt")])
    text = extract_text(docx, "Svar.DOCX").text
    assert "7.1.1 Styrning" in text and "Kommunen tillstyrker." in text and "- En punkt" in text
    assert extract_text("Åäö tillstyrker".encode("cp1252"), "svar.txt").text == "Åäö tillstyrker"


@pytest.mark.parametrize(
    ("make", "filename", "code", "words"),
    [
        (lambda: documents.encrypted_pdf_bytes("Hemligt svar."), "svar.pdf", "encrypted", "lösenordsskyddad"),
        (lambda: b"%PDF-1.7\n1 0 obj trasig", "svar.pdf", "corrupt", "skadad"),
        (lambda: documents.blank_pdf_bytes(), "svar.pdf", "scanned", "inskannad"),
        (lambda: b"PK\x03\x04inte en zip", "svar.docx", "corrupt", "skadat"),
        (lambda: documents.macro_docx_bytes("Svar."), "svar.docx", "macro", "makron"),
        (lambda: documents.docx_bytes(["Svar."]), "svar.docm", "extension", ".docm"),
        (lambda: b"%PDF-1.7", "svar.doc", "extension", ".doc"),
        (lambda: b"GIF89a", "svar.gif", "extension", "PDF"),
        (lambda: documents.docx_bytes(["Svar."]), "svar.pdf", "content", "inte en riktig PDF"),
        (lambda: b"", "svar.txt", "empty", "tom"),
    ],
)
def test_unreadable_files_are_refused_with_a_swedish_message(make, filename, code, words):
    with pytest.raises(ReadingError) as refused:
        extract_text(make(), filename)
    assert refused.value.code == code and words in str(refused.value)


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(settings):
    settings.REMISS_MAX_DOCX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024
    bomb = documents.zip_bomb_docx_bytes(4 * 1024 * 1024)
    assert len(bomb) < 100_000
    with pytest.raises(ReadingError) as refused:
        extract_text(bomb, "svar.docx")
    assert refused.value.code == "too_large" and "för stort" in str(refused.value)


# --- the command ----------------------------------------------------------------------------------


def test_read_answer_prints_the_reading_as_json(tmp_path, capsys):
    answer = tmp_path / "svar.docx"
    answer.write_bytes(
        documents.docx_bytes(
            [("heading", "Avsnitt 7.4.3"), "Regionen avstyrker förslaget.", "Regionen har i övrigt inga synpunkter."]
        )
    )
    call_command("read_answer", str(answer), "--structure", str(STRUCTURE_JSON), "--json")
    reading = json.loads(capsys.readouterr().out)
    assert {"general", "proposals", "summary", "general_views", "consequences", "unplaced", "paragraphs"} <= set(
        reading
    )
    assert len(reading["proposals"]) == 29
    row = next(p for p in reading["proposals"] if p["section"] == "7.4.3")
    assert row | {"confidence": 0, "rule": ""} == {
        "section": "7.4.3",
        "proposal": "7.4.3 (1)",
        "stance": "opposes",
        "commented": True,
        "addressed": True,
        "confidence": 0,
        "evidence": "Regionen avstyrker förslaget.",
        "ask": False,
        "rule": "",
        "comment": "Regionen avstyrker förslaget.",
        "shared_with_section": False,
        "shared_with": [],
    }
    assert ASK_BELOW <= row["confidence"] <= 1.0
    assert {p["stance"] for p in reading["proposals"] if p["section"] != "7.4.3"} == {"no_view"}
    assert reading["general_views"] == "Regionen har i övrigt inga synpunkter."


def test_read_answer_refuses_a_scanned_pdf_in_swedish(tmp_path):
    scanned = tmp_path / "skannat.pdf"
    scanned.write_bytes(documents.blank_pdf_bytes())
    with pytest.raises(CommandError, match="inskannad"):
        call_command("read_answer", str(scanned), "--structure", str(STRUCTURE_JSON), "--json")
