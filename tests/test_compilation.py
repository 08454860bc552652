"""The remissammanställning: figures, PDF content, spreadsheets, out-of-date marking, recovery."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import OrganisationKind
from remiss.compilation import data, lifecycle, paragraph_edits, pipeline
from remiss.models import Compilation, CompilationStatus, Stance
from tests import factories as f
from tests.pdf_structure import structure_problems
from tests.support import run_compilation_task as run_task

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

S, P, O, N = Stance.SUPPORTS, Stance.PARTLY, Stance.OPPOSES, Stance.NO_VIEW  # noqa: E741


def build_small(ministry, org, other_org, staff, *, pdf: bool = False) -> dict:
    """A remiss with 3 proposals in 2 sections and 7 recipients in every state; with ``pdf`` each
    submission also has a rendered answer PDF (for the tests that read the appendix)."""
    remiss = f.PublishedRemissFactory(
        ministry=ministry, title="Betänkandet Bättre skola (SOU 2026:7)", reference="U2026/00042"
    )
    s1 = f.SectionFactory(remiss=remiss, number="5.1", title="Skolans styrning", position=0)
    s2 = f.SectionFactory(remiss=remiss, number="6.2", title="Finansiering", position=1)
    p1 = f.ProposalFactory(section=s1, text="Staten ska ta över ansvaret för skolan.", position=0)
    p2 = f.ProposalFactory(section=s1, text="En ny skolmyndighet inrättas.", position=1)
    p3 = f.ProposalFactory(section=s2, text="Skolpengen ska bli nationell.", position=0)
    region = f.OrganisationFactory(name="Region Stockholm", kind=OrganisationKind.REGION, code="01")
    agency = f.OrganisationFactory(name="Skolverket", kind=OrganisationKind.AGENCY, code="", county="")
    silent = f.OrganisationFactory(name="Tyresö kommun", code="0138")
    late = f.OrganisationFactory(name="Lidingö stad", code="0186")
    declined = f.OrganisationFactory(name="Solna stad", code="0184")
    r = {
        o.name: f.RecipientFactory(remiss=remiss, organisation=o)
        for o in (org, other_org, region, agency, silent, late, declined)
    }
    f.make_submission(
        r["Nacka kommun"],
        answers={
            p1: (S, "Nacka välkomnar ett tydligare statligt ansvar."),
            p2: (O, "Nacka anser att ytterligare en myndighet skapar otydlighet."),
        },
        pdf=pdf,
    )
    f.make_submission(
        r["Värmdö kommun"],
        answers={
            p1: (S, "Värmdö instämmer."),
            p2: (P, "Värmdö tillstyrker delvis, med reservation för kostnaderna."),
            p3: (N, ""),
        },
        pdf=pdf,
    )
    f.make_submission(
        r["Region Stockholm"],
        answers={
            p1: (O, "Regionen avstyrker förslaget om förstatligande."),
            p2: (S, "Regionen stödjer myndigheten."),
            p3: (O, "Regionen avstyrker en nationell skolpeng."),
        },
        pdf=pdf,
    )
    f.make_submission(r["Skolverket"], number=1, answers={p1: (P, "Första versionen från Skolverket.")}, pdf=pdf)
    f.make_submission(
        r["Skolverket"],
        number=2,
        answers={
            p1: (S, "Skolverket tillstyrker i rättad version."),
            p2: (S, "Skolverket välkomnar uppdraget."),
            p3: (P, "Skolverket tillstyrker delvis en nationell skolpeng."),
        },
        pdf=pdf,
    )
    f.make_submission(r["Lidingö stad"], is_late=True, answers={p1: (O, "Lidingö avstyrker, sent inkommet.")}, pdf=pdf)
    f.make_submission(r["Solna stad"], declined=True, pdf=pdf)
    return {"remiss": remiss, "proposals": (p1, p2, p3), "sections": (s1, s2), "recipients": r, "staff": staff}


@pytest.fixture
def small(ministry, org, other_org, staff):
    return build_small(ministry, org, other_org, staff)


@pytest.fixture
def small_with_pdfs(ministry, org, other_org, staff):
    return build_small(ministry, org, other_org, staff, pdf=True)


def compile_now(remiss, by, **params) -> Compilation:
    compilation = lifecycle.start_compilation(remiss=remiss, params=params, by=by)
    assert run_task(compilation.pk) == "done"
    compilation.refresh_from_db()
    return compilation


def pdf_text(compilation) -> str:
    with compilation.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def counts_of(figures, label):
    for section in figures["sections"]:
        for proposal in section["proposals"]:
            if proposal["label"] == label:
                return {c["stance"]: c["n"] for c in proposal["counts"]}
    raise AssertionError(label)


def test_figures_use_the_newest_submission_and_count_stances(small):
    p1, p2, p3 = small["proposals"]
    figures = data.gather(small["remiss"], {})
    assert counts_of(figures, p1.label) == {"supports": 3, "partly": 0, "opposes": 2, "no_view": 0, "none": 0}
    assert counts_of(figures, p2.label) == {"supports": 2, "partly": 1, "opposes": 1, "no_view": 0, "none": 1}
    assert counts_of(figures, p3.label) == {"supports": 0, "partly": 1, "opposes": 1, "no_view": 1, "none": 2}
    statuses = {r["name"]: r["status_label"] for r in figures["recipients"]}
    assert statuses == {
        "Nacka kommun": "Svarat",
        "Värmdö kommun": "Svarat",
        "Region Stockholm": "Svarat",
        "Skolverket": "Svarat",
        "Tyresö kommun": "Ej svarat",
        "Lidingö stad": "Inkommit för sent",
        "Solna stad": "Avstått",
    }
    assert figures["answer_count"] == 5 and figures["declined_count"] == 1


def test_scope_by_kind_without_late_answers(small):
    p1 = small["proposals"][0]
    figures = data.gather(small["remiss"], {"kinds": ["kommun"], "include_late": False})
    assert [r["name"] for r in figures["recipients"]] == [
        "Lidingö stad",
        "Nacka kommun",
        "Solna stad",
        "Tyresö kommun",
        "Värmdö kommun",
    ]
    assert counts_of(figures, p1.label)["supports"] == 2
    assert counts_of(figures, p1.label)["opposes"] == 0  # Lidingö's late answer is left out


def test_scope_by_section(small):
    s2 = small["sections"][1]
    figures = data.gather(small["remiss"], {"sections": [s2.pk]})
    assert [p["label"] for s in figures["sections"] for p in s["proposals"]] == [small["proposals"][2].label]


def test_pdf_holds_title_status_list_counts_comments_and_appendix(small_with_pdfs, staff):
    small = small_with_pdfs
    compilation = compile_now(small["remiss"], staff)
    assert compilation.status == CompilationStatus.DONE and compilation.progress == 100
    text = pdf_text(compilation)
    assert "Remissammanställning" in text and "Betänkandet Bättre skola (SOU 2026:7)" in text
    assert "U2026/00042" in text
    for name, status in [
        ("Tyresö kommun", "Ej svarat"),
        ("Lidingö stad", "Inkommit för sent"),
        ("Solna stad", "Avstått"),
    ]:
        assert name in text and status in text
    assert "Innehåll" in text and "Remisslista" in text
    for comment in [
        "Nacka välkomnar ett tydligare statligt ansvar.",
        "Regionen avstyrker en nationell skolpeng.",
        "Skolverket tillstyrker i rättad version.",
        "Lidingö avstyrker, sent inkommet.",
    ]:
        assert comment in text.replace("\n", " ")
    assert "Första versionen från Skolverket." not in text
    assert "Bilaga: fullständiga remissvar" in text
    flat = text.replace("\n", " ")
    assert "Yttrande från Nacka kommun" in flat and "Avstår från att yttra sig från Solna stad" in flat
    reader = PdfReader(compilation.pdf.path)
    assert compilation.page_count == len(reader.pages)
    assert f"sida 1 av {len(reader.pages)}" in reader.pages[0].extract_text()
    assert f"sida {len(reader.pages)} av {len(reader.pages)}" in reader.pages[-1].extract_text()
    titles = _outline_titles(reader.outline)
    assert "Remisslista" in titles and "Nacka kommun" in titles and "Bilaga: fullständiga remissvar" in titles
    assert compilation.included.count() == 6


def _outline_titles(outline) -> list[str]:
    result = []
    for item in outline:
        if isinstance(item, list):
            result += _outline_titles(item)
        else:
            result.append(item.title)
    return result


def test_comment_under_its_organisation_grouped_by_stance(small, staff):
    p1 = small["proposals"][0]
    compilation = compile_now(small["remiss"], staff, appendix=False)
    text = pdf_text(compilation)
    assert "Bilaga" not in text
    supports = text.index(f"Tillstyrker – {p1.label}")
    opposes = text.index(f"Avstyrker – {p1.label}")
    nacka = text.index("Nacka kommun\nNacka välkomnar")
    region = text.index("Region Stockholm\nRegionen avstyrker förslaget om förstatligande.")
    assert supports < nacka < opposes < region


def test_counts_table_in_pdf(small, staff):
    compilation = compile_now(small["remiss"], staff, appendix=False)
    text = pdf_text(compilation)
    assert "Tillstyrker 3 60 %" in text and "Avstyrker 2 40 %" in text and "Totalt 5" in text


def test_xlsx_and_csv_hold_the_same_numbers(small, staff):
    p1, p2, p3 = small["proposals"]
    compilation = compile_now(small["remiss"], staff, appendix=False)
    book = load_workbook(compilation.xlsx.path)
    summary = book.worksheets[0]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0] == (
        "Avsnitt",
        "Förslag",
        "Förslagstext",
        "Tillstyrker",
        "Tillstyrker delvis",
        "Avstyrker",
        "Inga synpunkter",
        "Ej besvarad",
        "Totalt",
    )
    assert rows[1][:2] == ("5.1 Skolans styrning", p1.label) and rows[1][3:] == (3, 0, 2, 0, 0, 5)
    assert rows[3][:2] == ("6.2 Finansiering", p3.label) and rows[3][3:] == (0, 1, 1, 1, 2, 5)
    detail = list(book.worksheets[1].iter_rows(values_only=True))
    assert detail[0][:6] == ("Organisation", "Avsnitt", "Förslag", "Förslagstext", "Ställningstagande", "Kommentar")
    assert detail[0][6:9] == ("Teman", "Inkommit som dokument", "Övriga (ej på remisslistan)")
    assert detail[0][9:] == (
        "Typ av organisation",
        "Län",
        "Inkommit",
        "För sent",
        "Ställningstagande (kod)",
        "Likalydande svar",
    )
    nacka = next(row for row in detail if row[0] == "Nacka kommun" and row[2] == p2.label)
    assert nacka[9:11] == ("Kommun", "Stockholms län") and nacka[13] == "opposes" and len(nacka[11]) == 10
    six = [row[:6] for row in detail]
    assert (
        "Nacka kommun",
        "5.1 Skolans styrning",
        p2.label,
        p2.text,
        "Avstyrker",
        "Nacka anser att ytterligare en myndighet skapar otydlighet.",
    ) in six
    assert len(detail) == 1 + 5 * 3 + 5  # and each answer's sammanfattning
    assert ("Nacka kommun", "Sammanfattningar", None, None, None, "Nacka kommun lämnar följande yttrande.") in six
    with compilation.csv.open("rb") as handle:
        lines = list(csv.reader(io.StringIO(handle.read().decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:2] == ["Organisation", "Avsnitt"] and len(lines) == 21


def test_spreadsheet_neutralises_formulas(small, staff):
    p1 = small["proposals"][0]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (S, '=HYPERLINK("http://x")')})
    compilation = compile_now(small["remiss"], staff, appendix=False)
    detail = list(load_workbook(compilation.xlsx.path).worksheets[1].iter_rows(values_only=True))
    assert any(row[5] == '\'=HYPERLINK("http://x")' for row in detail)


def test_spreadsheet_neutralises_formulas_in_section_and_proposal_labels(small, staff):
    section = f.SectionFactory(remiss=small["remiss"], number="=1+1", title="@SUM(A1)", position=9)
    proposal = f.ProposalFactory(section=section, text="+Ett förslag som börjar med plus.", position=0)
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={proposal: (S, "Tyresö tillstyrker.")})
    compilation = compile_now(small["remiss"], staff, appendix=False)
    book = load_workbook(compilation.xlsx.path)
    summary = list(book.worksheets[0].iter_rows(values_only=True))
    assert ("'=1+1 @SUM(A1)", "'=1+1 (1)", "'+Ett förslag som börjar med plus.") in [row[:3] for row in summary]
    detail = list(book.worksheets[1].iter_rows(values_only=True))
    assert ("Tyresö kommun", "'=1+1 @SUM(A1)", "'=1+1 (1)") in [row[:3] for row in detail]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


def test_a_new_answer_makes_the_compilation_out_of_date_and_reuses_chunks(small, staff):
    from remiss.compilation import history

    p1 = small["proposals"][0]
    first = compile_now(small["remiss"], staff, appendix=False)
    assert not history.is_out_of_date(first)
    newer = f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (O, "Tyresö avstyrker.")})
    assert history.is_out_of_date(first)
    second = compile_now(small["remiss"], staff, appendix=False)
    assert not history.is_out_of_date(second)
    diff = history.compare(first, second)
    assert [s.pk for s in diff["added"]] == [newer.pk]
    assert diff["changed"] == [] and diff["removed"] == []
    assert "Tyresö avstyrker." in pdf_text(second)


def test_resubmission_shows_as_changed(small, staff):
    p1 = small["proposals"][0]
    from remiss.compilation import history

    first = compile_now(small["remiss"], staff, appendix=False)
    f.make_submission(small["recipients"]["Nacka kommun"], number=2, answers={p1: (P, "Nacka ändrar sig.")})
    second = compile_now(small["remiss"], staff, appendix=False)
    diff = history.compare(first, second)
    assert [s.response.recipient.organisation.name for s in diff["changed"]] == ["Nacka kommun"]


def test_incremental_compile_renders_only_changed_chunks(small, staff, monkeypatch):
    from remiss.compilation import chunks

    compile_now(small["remiss"], staff, appendix=False)
    rendered = []
    original = chunks.render_chunk
    monkeypatch.setattr(chunks, "render_chunk", lambda c: rendered.append(c["kind"]) or original(c))
    compile_now(small["remiss"], staff, appendix=False)
    assert rendered == []
    p3 = small["proposals"][2]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p3: (S, "Tyresö tillstyrker skolpengen.")})
    compile_now(small["remiss"], staff, appendix=False)
    # the remisslista, the head of every proposal (counts change) and the comment blocks that gained an entry
    assert rendered.count("list") == 1 and rendered.count("proposal") == 3
    assert rendered.count("comments") <= 3


def test_sweeper_requeues_then_fails_a_stuck_compilation(small, staff, settings, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    settings.REMISS_COMPILATION_STALE_SECONDS = 5
    settings.REMISS_COMPILATION_MAX_ATTEMPTS = 2
    old = timezone.now() - dt.timedelta(seconds=60)
    stuck = Compilation.objects.create(
        remiss=small["remiss"],
        created_by=staff,
        params=data.normalise_params({}),
        status=CompilationStatus.RUNNING,
        attempts=1,
        run_attempts=1,
        heartbeat_at=old,
    )
    fresh = Compilation.objects.create(
        remiss=small["remiss"],
        created_by=staff,
        params=data.normalise_params({}),
        status=CompilationStatus.RUNNING,
        attempts=1,
        heartbeat_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks() as callbacks:
        result = lifecycle.sweep_stale()
    assert result == {"requeued": [stuck.pk], "failed": []}
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    assert stuck.status == CompilationStatus.QUEUED
    Compilation.objects.filter(pk=stuck.pk).update(
        status=CompilationStatus.RUNNING, attempts=2, run_attempts=2, heartbeat_at=old
    )
    assert lifecycle.sweep_stale() == {"requeued": [], "failed": [stuck.pk]}
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == CompilationStatus.FAILED and "livstecken" in stuck.error
    assert fresh.status == CompilationStatus.RUNNING


def test_cancelled_compilation_stops_and_can_be_retried(small, staff, django_capture_on_commit_callbacks):
    compilation = Compilation.objects.create(remiss=small["remiss"], created_by=staff, params=data.normalise_params({}))
    lifecycle.cancel_compilation(compilation=compilation, by=staff)
    assert run_task(compilation.pk) != "done"
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.CANCELLED and not compilation.pdf
    with pytest.raises(lifecycle.CompilationError):
        lifecycle.cancel_compilation(compilation=compilation, by=staff)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lifecycle.retry_compilation(compilation=compilation, by=staff)
    assert len(callbacks) == 1
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.QUEUED


def test_render_failure_is_recorded_in_swedish(small, staff, monkeypatch):
    from remiss.compilation import chunks

    def boom(chunk):
        raise RuntimeError("weasyprint exploded")

    monkeypatch.setattr(chunks, "render_chunk", boom)
    compilation = Compilation.objects.create(remiss=small["remiss"], created_by=staff, params=data.normalise_params({}))
    with pytest.raises(RuntimeError):
        run_task(compilation.pk)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.FAILED
    assert "tekniskt fel" in compilation.error


def test_big_proposals_are_cut_into_blocks_and_one_answer_rerenders_one_block_each(small, staff, settings, monkeypatch):
    from remiss.compilation import chunks

    settings.REMISS_COMPILATION_BLOCK = 1  # every organisation its own block: the block path on a small remiss
    compile_now(small["remiss"], staff, appendix=False)
    rendered = []
    original = chunks.render_chunk
    monkeypatch.setattr(chunks, "render_chunk", lambda c: rendered.append(c["kind"]) or original(c))
    p3 = small["proposals"][2]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p3: (S, "Tyresö tillstyrker skolpengen.")})
    compilation = compile_now(small["remiss"], staff, appendix=False)
    # its comments, the stance heads (with their short drafted paragraphs), the list, and its sammanfattning
    assert sorted(rendered) == ["comments"] * 3 + ["list"] + ["proposal"] * 3 + ["texts"]
    assert "Tyresö tillstyrker skolpengen." in pdf_text(compilation)


def test_a_big_drafted_paragraph_is_cut_by_sentence_and_one_new_sentence_changes_one_block():
    from remiss.compilation.chunks import draft_blocks

    supporters = "Förslaget tillstyrks av 120 remissinstanser: kommunerna A, B och C."
    reasons = [f"Kommun {n} avstyrker: ”Skälet nummer {n} är kostnaderna.”" for n in range(200)]
    assert draft_blocks(" ".join([supporters, *reasons[:40]])) == [
        " ".join([supporters, *reasons[:40]])
    ]  # short: whole
    blocks = draft_blocks(" ".join([supporters, *reasons]))
    assert blocks[0] == supporters and len(blocks) > 3
    assert " ".join(blocks) == " ".join([supporters, *reasons])  # nothing lost or reordered
    inserted = reasons[:100] + ["Region X avstyrker: ”Ett nytt skäl.”"] + reasons[100:]
    after = draft_blocks(" ".join([supporters, *inserted]))
    assert len(set(after) - set(blocks)) == 1  # only the block that gained the sentence is new


def test_the_remisslista_is_cut_into_row_blocks_and_one_changed_row_changes_one_block():
    from remiss.compilation.chunks import row_blocks

    rows = [{"name": f"Kommun {n:03d}", "status_label": "Ej svarat"} for n in range(400)]
    assert row_blocks(rows[:80]) == [rows[:80]]  # a list of a page or two stays whole
    blocks = row_blocks(rows)
    assert len(blocks) > 3 and [r for b in blocks for r in b] == rows
    changed = [dict(r, status_label="Svar inkommet") if r["name"] == "Kommun 200" else r for r in rows]
    after = row_blocks(changed)
    assert sum(1 for a, b in zip(blocks, after, strict=True) if a != b) == 1


def test_a_big_proposals_drafted_paragraph_and_ministry_comment_are_all_in_the_pdf(small, staff, settings):

    settings.REMISS_COMPILATION_BLOCK = 1
    p1 = small["proposals"][0]
    text = " ".join(f"Mening nummer {n} om remissinstanserna." for n in range(80))
    paragraph_edits.save_draft(proposal=p1, by=staff, text=text, comment="Departementet återkommer.", generated="")
    compilation = compile_now(small["remiss"], staff, appendix=False)
    pdf = " ".join(pdf_text(compilation).split())
    assert "Mening nummer 0 om" in pdf and "Mening nummer 79 om" in pdf and "Departementet återkommer." in pdf
    assert pdf.index("Mening nummer 79") < pdf.index("Departementet återkommer.")


# --- Tagged PDF (accessibility) ------------------------------------------------------------------


def _structure(path):
    """(pdf, [(tag, page index)] of every structure element, page index of each outline title)."""
    import pikepdf

    pdf = pikepdf.open(path)
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    elements = []

    def walk(node, page):
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return
        page = page_of.get(node.Pg.objgen, page) if "/Pg" in node else page
        elements.append((str(node.S), page))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, page)

    walk(pdf.Root.StructTreeRoot.K, None)
    with pdf.open_outline() as outline:
        starts = {}
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            starts[item.title] = page_of[item.destination[0].objgen]
            stack.extend(item.children)
    return pdf, elements, starts


def test_the_compiled_pdf_is_tagged_with_one_tree_over_front_matter_chunks_and_appendix(small_with_pdfs, staff):
    small = small_with_pdfs
    import pikepdf

    compilation = compile_now(small["remiss"], staff)
    pdf, elements, starts = _structure(compilation.pdf.path)
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "sv"
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Title) == "Remissammanställning: Betänkandet Bättre skola (SOU 2026:7)"
    assert root.StructTreeRoot.K.S == "/Document"
    front_end, appendix_start = starts["Remisslista"], starts["Bilaga: fullständiga remissvar"]
    assert front_end >= 1 and appendix_start > front_end
    front = [tag for tag, page in elements if page is not None and page < front_end]
    body = [tag for tag, page in elements if page is not None and front_end <= page < appendix_start]
    appendix = [tag for tag, page in elements if page is not None and page > appendix_start]
    assert front.count("/H1") >= 2 and "/L" in front  # title page, table of contents
    assert "/Table" in body and "/H2" in body and "/BlockQuote" in body
    assert appendix.count("/H1") >= 6  # one per answer, from the answer PDFs rendered at submission
    assert [tag for tag, _ in elements].count("/Document") == 1
    # Every page's marked content resolves through the merged ParentTree to elements on that page.
    tree = pikepdf.NumberTree(root.StructTreeRoot.ParentTree)
    keys = [int(page.obj.StructParents) for page in pdf.pages]
    assert len(set(keys)) == len(pdf.pages)
    for page, key in zip(pdf.pages, keys, strict=True):
        for element in tree[key]:
            if isinstance(element, pikepdf.Dictionary) and "/Pg" in element:
                assert element.Pg.objgen == page.obj.objgen
    assert int(root.StructTreeRoot.ParentTreeNextKey) > max(keys)
    # The stamped page numbers are pagination artifacts, outside the structure tree.
    assert b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC" in pdf.pages[-1].Contents[-1].read_bytes()
    assert f"sida {len(pdf.pages)} av {len(pdf.pages)}" in PdfReader(compilation.pdf.path).pages[-1].extract_text()


def test_every_marked_content_of_the_compiled_pdf_belongs_to_exactly_one_element(small, staff, settings):
    import pikepdf

    settings.REMISS_COMPILATION_BLOCK = 1  # comment blocks as separate chunks too
    compilation = compile_now(small["remiss"], staff)
    assert structure_problems(compilation.pdf.path) == []
    pdf = pikepdf.open(compilation.pdf.path)
    elements = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"]
    # WeasyPrint's one /Span per line is folded into its block element: far fewer elements than
    # lines, and no span left that holds nothing but marked content.
    assert not [e for e in elements if e.S == "/Span" and set(e.keys()) <= {"/Type", "/S", "/P", "/Pg", "/K"}]
    text = pdf_text(compilation)
    assert "Regionen avstyrker en nationell skolpeng." in text and "Skolverket välkomnar uppdraget." in text


def test_the_compiled_pdf_is_pdf_ua_1_with_chart_text_header_scopes_and_embedded_fonts(small, staff):
    import pikepdf

    from tests.pdf_checks import elements, pdfua_problems

    compilation = compile_now(small["remiss"], staff)
    assert pdfua_problems(compilation.pdf.path) == []
    pdf = pikepdf.open(compilation.pdf.path)
    found = elements(pdf)
    # Every chart says its counts in words (the first proposal: 3 of 5 support, 2 oppose).
    figures = [str(e.Alt) for e in found if e.S == "/Figure"]
    label = small["proposals"][0].label
    assert len(figures) == 3
    assert figures[0].startswith(f"Stapeldiagram över ställningstagandena till {label}.")
    assert "Tillstyrker: 3 svar (60 procent)" in figures[0] and "Avstyrker: 2 svar (40 procent)" in figures[0]
    assert figures[0].endswith("Totalt 5 svar.")
    # Column headers head their column, the stance in each row heads the row.
    counts = [e for e in found if e.S == "/Table"][2]  # after the remisslista's two: the first proposal's
    scopes = [str(cell.A.Scope) for cell in elements_in(counts) if cell.S == "/TH"]
    assert scopes[:3] == ["/Column"] * 3 and set(scopes[3:]) == {"/Row"}
    # The page stamps' font is embedded.
    stamp = pdf.pages[0].Resources.Font["/RemissPageNo"]
    assert stamp.Subtype == "/TrueType" and len(stamp.FontDescriptor.FontFile2.read_bytes()) > 1000


def test_the_pikepdf_merge_setting_compiles_the_same_document(small, staff, settings):
    import re

    from tests.pdf_checks import pdfua_problems

    default = compile_now(small["remiss"], staff, appendix=False)
    settings.REMISS_COMPILATION_MERGE = "pikepdf"
    fallback = compile_now(small["remiss"], staff, appendix=False)
    assert fallback.status == CompilationStatus.DONE and fallback.page_count == default.page_count

    def without_clock(text: str) -> str:  # "Sammanställd" may fall in another minute
        return re.sub(r"\d\d:\d\d", "", text)

    assert without_clock(pdf_text(fallback)) == without_clock(pdf_text(default))
    assert structure_problems(fallback.pdf.path) == [] and pdfua_problems(fallback.pdf.path) == []


def elements_in(element) -> list:
    import pikepdf

    found, stack = [], [element]
    while stack:
        node = stack.pop(0)
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def test_title_page_counts_the_answers_in_scope(small, staff):
    compilation = compile_now(small["remiss"], staff, appendix=False)
    title_page = PdfReader(compilation.pdf.path).pages[0].extract_text()
    assert "Antal svar" in title_page and "5 svar, 1 avstår" in title_page
    without_late = compile_now(small["remiss"], staff, appendix=False, include_late=False)
    title_page = PdfReader(without_late.pdf.path).pages[0].extract_text()
    assert "4 svar, 1 avstår" in title_page and "Utan svar som kom in för sent" in title_page


# --- Scope ---------------------------------------------------------------------------------------


def test_kind_and_county_filters_are_combined(small):
    p1 = small["proposals"][0]
    malmo = f.RecipientFactory(
        remiss=small["remiss"], organisation=f.OrganisationFactory(name="Malmö stad", county="Skåne län")
    )
    f.RecipientFactory(
        remiss=small["remiss"],
        organisation=f.OrganisationFactory(name="Region Skåne", kind=OrganisationKind.REGION, county="Skåne län"),
    )
    f.make_submission(malmo, answers={p1: (O, "Malmö avstyrker.")})
    figures = data.gather(small["remiss"], {"kinds": ["kommun"], "counties": ["Skåne län"]})
    assert [r["name"] for r in figures["recipients"]] == ["Malmö stad"]
    assert counts_of(figures, p1.label)["opposes"] == 1 and figures["answer_count"] == 1
    assert figures["scope"] == [
        "Alla avsnitt",
        "Typ av remissinstans: Kommun",
        "Län: Skåne län",
        "Med svar som kom in för sent",
        "Med bilaga med fullständiga svar",
    ]
    # Within one filter the values are alternatives.
    both = data.gather(small["remiss"], {"counties": ["Skåne län", "Stockholms län"], "kinds": ["region"]})
    assert [r["name"] for r in both["recipients"]] == ["Region Skåne", "Region Stockholm"]
    # An empty filter lets everyone through: the county alone takes every kind in it.
    skane = data.gather(small["remiss"], {"counties": ["Skåne län"]})
    assert [r["name"] for r in skane["recipients"]] == ["Malmö stad", "Region Skåne"]


def test_a_late_decline_follows_the_include_late_choice(small):
    late = f.RecipientFactory(remiss=small["remiss"], organisation=f.OrganisationFactory(name="Sundbybergs stad"))
    submission = f.make_submission(late, declined=True, is_late=True)
    with_late = data.gather(small["remiss"], {})
    assert with_late["declined_count"] == 2
    assert {r["name"]: r["status_label"] for r in with_late["recipients"]}["Sundbybergs stad"] == "Avstått"
    without = data.gather(small["remiss"], {"include_late": False})
    assert without["declined_count"] == 1
    assert "Sundbybergs stad" not in [a["organisation"] for a in without["answers"]]
    assert {r["name"]: r["status_label"] for r in without["recipients"]}["Sundbybergs stad"] == "Inkommit för sent"
    assert submission not in data.counted_submissions(small["remiss"], {"include_late": False})
    assert submission in data.counted_submissions(small["remiss"], {})


# --- Runs, attempts and the sweep ----------------------------------------------------------------


def test_a_stale_finish_task_from_an_earlier_run_does_not_mark_the_compilation_done(
    small, staff, django_capture_on_commit_callbacks
):
    from remiss.tasks.compilations import finish_compilation, render_compilation_batch

    compilation = lifecycle.start_compilation(remiss=small["remiss"], params={}, by=staff)
    first = lifecycle.begin_attempt(compilation_id=compilation.pk)
    missing = pipeline.prepare(compilation_id=compilation.pk, attempt=first)
    lifecycle.cancel_compilation(compilation=compilation, by=staff)
    with django_capture_on_commit_callbacks(execute=False):
        lifecycle.retry_compilation(compilation=compilation, by=staff)
    second = lifecycle.begin_attempt(compilation_id=compilation.pk)
    assert second == first + 1  # the run counter keeps counting over a retry
    # The cancelled run's leftover tasks arrive now: they must not count as the current run.
    assert render_compilation_batch(compilation.pk, first, missing[:1]) == 0
    assert finish_compilation(compilation.pk, first) is False
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.RUNNING and compilation.attempts == second
    assert not compilation.pdf and compilation.chunks_done == 0
    # The current run finishes normally, with its own plan file.
    missing = pipeline.prepare(compilation_id=compilation.pk, attempt=second)
    assert pipeline.plan_name(compilation.pk, second) != pipeline.plan_name(compilation.pk, first)
    pipeline.render_batch(compilation_id=compilation.pk, attempt=second, batch=missing)
    assert finish_compilation(compilation.pk, second) is True
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.DONE and compilation.run_attempts == 1


def test_a_compilation_that_never_starts_is_failed_after_a_few_sends(
    small, staff, settings, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    settings.REMISS_COMPILATION_STALE_SECONDS = 60
    settings.REMISS_COMPILATION_MAX_SENDS = 2
    with django_capture_on_commit_callbacks(execute=False):
        compilation = lifecycle.start_compilation(remiss=small["remiss"], params={}, by=staff)
    assert compilation.sends == 1
    Compilation.objects.filter(pk=compilation.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert lifecycle.sweep_stale() == {"requeued": [compilation.pk], "failed": []}
    assert len(callbacks) == 1
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.QUEUED and compilation.sends == 2
    assert lifecycle.sweep_stale() == {"requeued": [], "failed": []}  # just re-sent: not stale yet
    later = timezone.now() + dt.timedelta(minutes=2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert lifecycle.sweep_stale(now=later) == {"requeued": [], "failed": [compilation.pk]}
    assert [c.args[0] for c in callbacks] == ["compilation"]  # not sent again; whoever started it is told
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.FAILED
    assert "kom aldrig igång" in compilation.error and "2 gånger" in compilation.error
    # A retry starts the count again.
    with django_capture_on_commit_callbacks(execute=False):
        lifecycle.retry_compilation(compilation=compilation, by=staff)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.QUEUED and compilation.sends == 1


def test_a_running_compilation_with_a_fresh_heartbeat_is_not_claimed_twice(small, staff, settings):
    import datetime as dt

    from django.utils import timezone

    settings.REMISS_COMPILATION_STALE_SECONDS = 60
    compilation = lifecycle.start_compilation(remiss=small["remiss"], params={}, by=staff)
    first = lifecycle.begin_attempt(compilation_id=compilation.pk)
    assert first == 1
    assert lifecycle.begin_attempt(compilation_id=compilation.pk) is None  # a duplicate delivery
    compilation.refresh_from_db()
    assert compilation.attempts == 1 and compilation.run_attempts == 1
    Compilation.objects.filter(pk=compilation.pk).update(heartbeat_at=timezone.now() - dt.timedelta(minutes=5))
    assert lifecycle.begin_attempt(compilation_id=compilation.pk) == 2  # its worker died: take it over
    assert not lifecycle.is_current(compilation_id=compilation.pk, attempt=first)


def test_progress_moves_with_every_rendered_chunk(small, staff, settings, monkeypatch):
    from remiss.compilation import chunks

    settings.REMISS_COMPILATION_BLOCK = 1  # many small chunks
    compilation = Compilation.objects.create(remiss=small["remiss"], created_by=staff, params=data.normalise_params({}))
    seen = []
    original = chunks.ensure_chunk

    def observe(chunk):
        row = Compilation.objects.get(pk=compilation.pk)
        seen.append((row.chunks_done, row.chunks_total, row.progress))
        return original(chunk)

    monkeypatch.setattr(chunks, "ensure_chunk", observe)
    assert run_task(compilation.pk) == "done"
    total = seen[0][1]
    assert total == len(seen) >= 8
    assert [done for done, _, _ in seen] == list(range(total))
    progress = [p for _, _, p in seen]
    assert progress[0] == 5 and progress == sorted(progress) and 75 <= progress[-1] < 90
    compilation.refresh_from_db()
    assert compilation.chunks_done == total and compilation.progress == 100


# --- Files ---------------------------------------------------------------------------------------


def test_clean_up_prunes_unused_chunks_stale_plans_and_orphan_outputs(small, staff, settings):
    import os
    import time
    from pathlib import Path

    from django.core.files.storage import default_storage

    from remiss.compilation import chunks, cleanup

    p1 = small["proposals"][0]
    media = Path(settings.MEDIA_ROOT)
    first = compile_now(small["remiss"], staff, appendix=False)
    first_keys = {p.stem for p in (media / chunks.CACHE_DIR).glob(f"*/*{chunks.CACHE_SUFFIX}")}
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (O, "Tyresö avstyrker.")})
    second = compile_now(small["remiss"], staff, appendix=False)
    used = set(
        default_storage.open(pipeline.manifest_name(second.pk, second.attempts, small["remiss"].pk))
        .read()
        .decode()
        .split()
    )
    superseded = first_keys - used
    assert superseded and used - first_keys
    # A cancelled run left its plan and a half-finished output behind.
    cancelled = lifecycle.start_compilation(remiss=small["remiss"], params={}, by=staff)
    attempt = lifecycle.begin_attempt(compilation_id=cancelled.pk)
    pipeline.prepare(compilation_id=cancelled.pk, attempt=attempt)
    orphan = media / "compilations" / str(small["remiss"].pk) / f"{cancelled.pk}-{attempt}.pdf"
    orphan.write_bytes(b"%PDF-")
    orphan_docx = orphan.with_suffix(".docx")  # the outputs task had finished its part
    orphan_docx.write_bytes(b"PK")
    lifecycle.cancel_compilation(compilation=cancelled, by=staff)
    fresh_unused = media / chunks.cache_name("0" * 64)
    fresh_unused.parent.mkdir(parents=True, exist_ok=True)
    fresh_unused.write_bytes(b"%PDF-")
    plan = media / pipeline.plan_name(cancelled.pk, attempt)
    young = cleanup.clean_files()  # everything is fresh: a run may be writing these right now
    assert young == {"cache": 0, "plans": 0, "outputs": 0, "partial": 0} and plan.exists() and orphan.exists()
    old = time.time() - 40 * 86400
    for path in (media / chunks.CACHE_DIR).glob(f"*/*{chunks.CACHE_SUFFIX}"):
        if path != fresh_unused:
            os.utime(path, (old, old))
    two_hours_ago = time.time() - 7200
    for path in (plan, orphan, orphan_docx):
        os.utime(path, (two_hours_ago, two_hours_ago))

    removed = cleanup.clean_files()

    left = {p.stem for p in (media / chunks.CACHE_DIR).glob(f"*/*{chunks.CACHE_SUFFIX}")}
    assert removed["cache"] == len(superseded) and not (superseded & left)
    assert used <= left and fresh_unused.stem in left  # used by the newest, or used recently
    assert removed["plans"] == 1 and not plan.exists()
    assert removed["outputs"] == 2 and not orphan.exists() and not orphan_docx.exists()
    for kept in (first, second):  # every finished compilation keeps its files
        assert Path(kept.pdf.path).exists() and Path(kept.xlsx.path).exists()
    assert cleanup.clean_files() == {"cache": 0, "plans": 0, "outputs": 0, "partial": 0}
    # The newest compilation's chunks are all still there: compiling the same again renders nothing.
    compile_now(small["remiss"], staff, appendix=False)
    assert {p.stem for p in (media / chunks.CACHE_DIR).glob(f"*/*{chunks.CACHE_SUFFIX}")} == left


def test_clean_up_runs_on_the_beat_schedule():
    from config.celery import app
    from config.schedule import BEAT_SCHEDULE

    app.loader.import_default_modules()  # Celery's autodiscovery, as a worker does at start
    assert BEAT_SCHEDULE["clean-compilation-files"]["task"] == "remiss.compilation.clean_files"
    assert BEAT_SCHEDULE["delete-unconfirmed-public-answers"]["task"] == "remiss.delete_unconfirmed_public_answers"
    assert [entry["task"] for entry in BEAT_SCHEDULE.values() if entry["task"] not in app.tasks] == []


def test_the_pdf_has_the_free_text_chapters_and_a_drafted_paragraph(small, staff):
    compilation = compile_now(small["remiss"], staff, appendix=False)
    text = pdf_text(compilation)
    assert "Sammanfattningar" in text and "Nacka kommun lämnar följande yttrande." in text
    assert "Remissinstanserna (förslag till text)" in text and "Förslaget tillstyrks av" in text


def test_the_whole_sammanstallning_also_exports_as_an_editable_word_document(small, staff, client_for):
    import docx

    compilation = compile_now(small["remiss"], staff, appendix=False)
    response = client_for(staff).get(reverse("compilation:download", args=[small["remiss"].pk, compilation.pk, "docx"]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Remisslista" in headings and "Sammanfattningar" in headings and "Remissinstanserna" in headings
    assert any(p.text.startswith("Förslaget tillstyrks av") for p in document.paragraphs)
    assert 'TOC \\o "1-2"' in document.element.xml  # a table-of-contents field Word fills in
    assert len(document.tables) >= 1 + len(small["proposals"])
    assert document.tables[1].rows[0].cells[0].text == "Ställningstagande"


def test_text_pasted_from_word_with_control_characters_still_exports(small, staff):
    import docx

    p1 = small["proposals"][0]
    pasted = "Rad ett\x0bRad två\x0cmed sidbrytning."  # vertical tab and form feed, as Word pastes them
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (S, pasted)})
    compilation = compile_now(small["remiss"], staff, appendix=False)
    assert compilation.status == CompilationStatus.DONE, compilation.error
    text = "\n".join(p.text for p in docx.Document(compilation.docx.path).paragraphs)
    assert "Rad ettRad tvåmed sidbrytning." in text


def test_an_edited_text_is_kept_across_recompilation_and_marked_when_answers_change(small, staff, client_for):
    p1 = small["proposals"][0]
    client = client_for(staff)
    url = reverse("compilation:draft_edit", args=[small["remiss"].pk, p1.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Förslaget tillstyrks av" in page.content.decode()
    saved = client.post(url, {"text": "Egen text om remissinstanserna.", "comment": "Departementet går vidare."})
    assert saved.status_code == 302
    text = pdf_text(compile_now(small["remiss"], staff, appendix=False))
    assert "Egen text om remissinstanserna." in text and "Departementets kommentar" in text
    assert "Svaren har ändrats" not in text
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (S, "Tyresö tillstyrker.")})
    text = pdf_text(compile_now(small["remiss"], staff, appendix=False))
    assert "Egen text om remissinstanserna." in text and "Svaren har ändrats" in text
