"""Themes in the sammanställning: the drafted "Remissinstanserna" text built from themes and stances
(särskilt berörda first, "bl.a." for long lists, a campaign counted and quoted once, every named
body referred to its answer in the appendix, never a quote that only states a stance), and the
themes in each proposal chapter of the PDF and the Word document and in a column of the XLSX."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from remiss.compilation import lifecycle, paragraph_edits
from remiss.compilation.data import gather
from remiss.compilation.paragraphs import draft_paragraph
from remiss.models import SpecialBody, Theme
from remiss.services import theme_edits, themes
from remiss.themes.text import is_stance_only
from tests.support import run_compilation_task
from tests.theme_fixtures import lovskola, themed_remiss

pytestmark = pytest.mark.slow  # renders PDFs: not in make test-fast

QUOTE = re.compile(r"”([^”]+)”")
CAMPAIGN = "Loven är elevernas tid för vila och återhämtning"


@pytest.fixture
def themed(ministry):
    remiss, proposal, recipients = themed_remiss(ministry)
    SpecialBody.objects.create(remiss=remiss, organisation=recipients["Skolinspektionen"].organisation)
    themes.run_themes(remiss=remiss)
    return remiss, proposal, recipients


def first_proposal(figures):
    return figures["sections"][0]["proposals"][0]


def test_the_paragraph_never_quotes_a_stance_and_quotes_a_campaign_once():
    campaign = "Vi avstyrker förslaget. Loven är elevernas tid för vila och återhämtning."
    opposes = [
        {"organisation": f"Förening {n}", "organisation_id": n, "kind": "organisation", "comment": campaign}
        for n in range(1, 7)
    ] + [{"organisation": "Lunds kommun", "organisation_id": 9, "kind": "kommun", "comment": "Kommunen avstyrker."}]
    groups = {"opposes": opposes}
    text = draft_paragraph(
        groups, campaigns=[{f"Förening {n}" for n in range(1, 7)}], numbers={n: n for n in range(1, 10)}
    )
    assert text.count("Loven är elevernas tid") == 1
    assert "Sex organisationer med likalydande svar, bl.a. Förening 1 (bilaga, svar 1) och Förening 2" in text
    assert "Kommunen avstyrker" not in text and "Vi avstyrker förslaget" not in text
    assert "Förslaget avstyrks av 7 remissinstanser, bl.a. Lunds kommun (bilaga, svar 9)" in text


@pytest.mark.django_db
def test_the_drafted_text_is_built_from_themes_and_stances(themed):
    remiss, proposal, recipients = themed
    figures = gather(remiss, {})
    item = first_proposal(figures)
    draft = item["draft"]
    numbers = {a["organisation"]: n for n, a in enumerate(figures["answers"], start=1)}
    # Stance groups with counts, "bl.a." for long lists, the särskilt berörda first.
    assert draft.startswith(
        "Förslaget tillstyrks av 6 remissinstanser, bl.a. "
        f"Skolinspektionen (bilaga, svar {numbers['Skolinspektionen']}), "
    )
    assert "Förslaget avstyrks av 13 remissinstanser, bl.a." in draft
    # Each theme as a sentence naming who raised it, with a verbatim quote.
    assert "pekar på att" in draft
    for theme in item["themes"]:
        assert theme["who"].split(" (")[0] in draft
    quotes = QUOTE.findall(draft)
    assert len(quotes) >= 5 and len(quotes) == len(set(quotes))
    texts = {a["organisation"]: a["text"] for a in lovskola()["answers"]}
    for quote in quotes:
        assert not is_stance_only(quote)
        assert any(quote.rstrip("…") in t or t.find(quote[:60]) >= 0 for t in texts.values())
    # The campaign: counted as one group and quoted at most once.
    assert "med likalydande svar, bl.a." in draft
    assert draft.count(CAMPAIGN) <= 1
    # Every named body refers to its answer in the appendix.
    for name, number in re.findall(r"([A-ZÅÄÖ][\w ]+?) \(bilaga, svar (\d+)\)", draft):
        assert numbers[name.split(", ")[-1].removeprefix("bl.a. ").strip()] == int(number), name


@pytest.mark.django_db
def test_confirmed_themes_only_once_any_is_confirmed_and_staff_edits_still_win(themed, staff):
    remiss, proposal, recipients = themed
    chosen = Theme.objects.filter(proposal=proposal, members__response=recipients["Uppsala kommun"].response).first()
    theme_edits.rename(theme=chosen, label="Finansieringen är oklar", by=staff)
    theme_edits.set_confirmed(theme=chosen, confirmed=True, by=staff)
    others = list(Theme.objects.filter(proposal=proposal, confirmed=False).values_list("label", flat=True))
    item = first_proposal(gather(remiss, {}))
    assert [t["label"] for t in item["themes"]] == ["Finansieringen är oklar"]
    assert "pekar på att finansieringen är oklar: ”" in item["draft"]
    assert not any(f"pekar på att {label[:1].lower()}{label[1:]}" in item["draft"] for label in others)

    paragraph_edits.save_draft(
        proposal=proposal, by=staff, text="Egen text.", comment="Departementet delar oron.", generated=item["draft"]
    )
    item = first_proposal(gather(remiss, {}))
    assert item["draft"] == "Egen text." and item["ministry_comment"] == "Departementet delar oron."
    assert item["draft_generated"].startswith("Förslaget tillstyrks av 6")


def pdftotext(path: str) -> str:
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.django_db
def test_pdf_docx_and_xlsx_show_the_themes_in_each_proposal_chapter(themed, staff, client_for):
    remiss, proposal, recipients = themed
    chosen = Theme.objects.filter(proposal=proposal, members__response=recipients["Uppsala kommun"].response).first()
    theme_edits.rename(theme=chosen, label="Finansieringen är oklar", by=staff)
    compilation = lifecycle.start_compilation(remiss=remiss, params={}, by=staff)
    assert run_compilation_task(compilation.pk) == "done"
    compilation.refresh_from_db()

    text = " ".join(pdftotext(compilation.pdf.path).split())
    first = text.index(f"Förslag {proposal.label}")
    second = text.index("Skolverket ska ta fram stödmaterial.", first)  # the next proposal's chapter
    chapter = text[first:second]
    assert "Teman" in chapter and "Finansieringen är oklar" in chapter and "Tas upp av:" in chapter
    assert "Remissinstanserna (förslag till text)" in chapter
    assert "(bilaga, svar" in chapter and "Svaren i bilagan" in text
    for quote in QUOTE.findall(chapter):
        assert not is_stance_only(quote)
    assert "Teman" not in text[second : second + 400]  # the other proposal has no themes

    document = Document(io.BytesIO(compilation.docx.read()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    start = next(i for i, (style, t) in enumerate(paragraphs) if style == "Heading 2" and proposal.label in t)
    end = next(i for i, (style, t) in enumerate(paragraphs) if i > start and style == "Heading 2")
    chapter = paragraphs[start:end]
    assert ("Heading 3", "Teman") in chapter and ("Heading 4", "Finansieringen är oklar") in chapter
    assert any(t.startswith("Tas upp av: ") for _s, t in chapter)
    assert not any(t == "Teman" for _s, t in paragraphs[end:])

    sheet = load_workbook(io.BytesIO(compilation.xlsx.read()), read_only=True)["Svar"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Teman")
    uppsala = [r for r in rows if r[0] == "Uppsala kommun" and r[2] == proposal.label]
    assert "Finansieringen är oklar" in uppsala[0][column]
    orebro = [r for r in rows if r[0] == "Örebro kommun" and r[2] == proposal.label]
    assert not orebro[0][column]  # a stance without argument is in no theme

    # A theme changed afterwards makes the compilation out of date, with its own reason.
    url = reverse("compilation:detail", args=[remiss.pk, compilation.pk])
    client = client_for(staff)
    assert "Teman eller särskilt berörda" not in client.get(url).content.decode()
    theme_edits.set_key(theme=chosen, key=True, by=staff)
    page = client.get(url).content.decode()
    assert "Teman eller särskilt berörda remissinstanser har ändrats" in page and "Inaktuell" in page
    assert "Nya eller rättade svar" not in page
