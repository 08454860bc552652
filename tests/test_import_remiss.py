"""Importing a remiss's structure: the JSON format of data/sou-2018-47.json, pasted text, the UI and the command."""

from __future__ import annotations

import ast
import copy
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from remiss.models import Remiss, RemissStatus
from remiss.remiss_import import ImportFormatError, parse_pasted_text, parse_remiss_json
from tests import factories as f

SOU = Path(__file__).resolve().parent.parent / "data" / "sou-2018-47.json"


@pytest.fixture
def sou() -> dict:
    return json.loads(SOU.read_text())


def test_the_sou_file_has_14_sections_and_29_proposals():
    imported = parse_remiss_json(SOU.read_bytes())
    assert imported.reference == "Fi2018/02500/SFÖ" and imported.department == "Finansdepartementet"
    assert len(imported.sections) == 14 and imported.proposal_count == 29
    assert [r["id"] for r in imported.reports] == ["SOU 2018:47", "SOU 2018:48"]
    assert imported.sections[0].number == "7.1.1" and not imported.sections[0].approximate


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["sections"][2]["items"][0].update(kind="x"), "sections[2].items[0].kind: okänd typ 'x'"),
        (lambda d: d["sections"][1]["items"][3].pop("text"), "sections[1].items[3].text: saknas"),
        (lambda d: d["sections"][0].update(items="inte en lista"), "sections[0].items: måste vara en lista"),
        (lambda d: d["sections"][4].update(title=""), "sections[4].title: får inte vara tomt"),
        (lambda d: d["sections"][3].update(approximate="ja"), "sections[3].approximate: måste vara true eller false"),
        (lambda d: d.pop("title"), "title: saknas"),
        (lambda d: d["reports"].__setitem__(1, "SOU 2018:48"), "reports[1]: måste vara ett objekt"),
        (lambda d: d.update(sections=[]), "sections: listan är tom"),
        (lambda d: d["sections"].__setitem__(5, 7), "sections[5]: måste vara ett objekt"),
    ],
)
def test_malformed_json_names_the_wrong_field(sou, change, message):
    data = copy.deepcopy(sou)
    change(data)
    with pytest.raises(ImportFormatError) as error:
        parse_remiss_json(json.dumps(data))
    assert str(error.value) == message


def test_invalid_json_and_encoding():
    with pytest.raises(ImportFormatError, match="inte giltig JSON"):
        parse_remiss_json(b'{"title": ')
    with pytest.raises(ImportFormatError, match="UTF-8"):
        parse_remiss_json(b"\xff\xfe\x00")
    with pytest.raises(ImportFormatError, match="måste vara ett objekt"):
        parse_remiss_json("[1, 2]")


def test_paste_numbered_text():
    sections = parse_pasted_text(
        "7.1.1 En samlad styrning\nRegeringen ska stärka sin kompetens.\n"
        "Förslag: Regeringen ska inrätta en konsultationsordning.\n\n"
        "8 Konsekvenser\nBEDÖMNING: Förslagen medför inga kostnader.\n2019 års budget påverkas inte.\n"
    ).sections
    assert [(s.number, s.title, len(s.items)) for s in sections] == [
        ("7.1.1", "En samlad styrning", 2),
        ("8", "Konsekvenser", 2),
    ]
    assert sections[1].items[0].kind == "bedömning" and sections[1].items[0].text == "Förslagen medför inga kostnader."
    assert sections[1].items[1].text == "2019 års budget påverkas inte."  # a year is not a section number
    with pytest.raises(ImportFormatError, match="rad 2: förslaget saknar text"):
        parse_pasted_text("1 Rubrik\nRekommendation:")


def test_paste_a_numbered_list_of_proposals():
    pasted = parse_pasted_text(
        "7.4.3 En samlad styrning\n"
        "1. Regeringen ska stärka sin kompetens.\n"
        "2) Regeringen ska inrätta en konsultationsordning\n"
        "för kommunerna.\n"
        "3. Rekommendation: Myndigheterna bör samordna sig.\n"
    )
    assert [(s.number, s.title) for s in pasted.sections] == [("7.4.3", "En samlad styrning")]
    items = pasted.sections[0].items
    assert [(i.kind, i.text) for i in items] == [
        ("förslag", "Regeringen ska stärka sin kompetens."),
        ("förslag", "Regeringen ska inrätta en konsultationsordning för kommunerna."),
        ("rekommendation", "Myndigheterna bör samordna sig."),
    ]
    assert pasted.empty_headings == []


def test_paste_reports_headings_without_proposals_instead_of_creating_empty_sections():
    pasted = parse_pasted_text(
        "7 Styrning och ledning\n7.1 Mål\n1. Regeringen ska sätta upp mål.\n"
        "7.2 Uppföljning\nRegeringen ska följa upp målen.\n8 Ikraftträdande\n"
    )
    assert [s.number for s in pasted.sections] == ["7.1", "7.2"]
    assert [(h.number, h.title) for h in pasted.empty_headings] == [
        ("7", "Styrning och ledning"),
        ("8", "Ikraftträdande"),
    ]
    assert all(section.items for section in pasted.sections)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1. Regeringen ska stärka sin kompetens.\n2. Regeringen ska …",
            "rad 1: raden ser ut som ett numrerat förslag",
        ),
        ("7 Styrning\n7.1 Mål\n", "Texten innehåller bara rubriker och inga förslag"),
        ("", "Texten är tom."),
    ],
)
def test_paste_explains_what_is_wrong(text, message):
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_pasted_text(text)


def test_every_import_error_message_is_translatable():
    """Each ImportFormatError message goes through gettext (``_("…")`` or ``_("…") % {...}``)."""
    tree = ast.parse((Path(__file__).resolve().parent.parent / "remiss" / "remiss_import.py").read_text())
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ImportFormatError"
    ]
    assert len(calls) >= 15

    def translated(node) -> bool:
        if isinstance(node, ast.BinOp):
            node = node.left
        return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_"

    bare = [call.lineno for call in calls if not translated(call.args[1])]
    assert bare == []


# --- the command --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_the_sou_file_as_a_draft(ministry):
    out = StringIO()
    call_command("import_remiss", str(SOU), stdout=out)
    remiss = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    assert remiss.ministry == ministry and remiss.status == RemissStatus.DRAFT
    assert remiss.sections.count() == 14 and remiss.proposals.count() == 29
    assert [p.label for p in remiss.proposals.all()[:4]] == ["7.1.1 (1)", "7.1.1 (2)", "7.1.1 (3)", "7.1.2 (1)"]
    assert "29 förslag" in out.getvalue()
    with pytest.raises(CommandError, match="används redan"):
        call_command("import_remiss", str(SOU))
    assert Remiss.objects.count() == 1


@pytest.mark.django_db
def test_command_with_another_ministry_and_bad_files(other_ministry, tmp_path, sou):
    call_command("import_remiss", str(SOU), "--ministry", "Socialdepartementet", stdout=StringIO())
    assert Remiss.objects.get().ministry == other_ministry
    sou["sections"][2]["items"][0]["kind"] = "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(sou))
    with pytest.raises(CommandError, match=r"sections\[2\]\.items\[0\]\.kind: okänd typ 'x'"):
        call_command("import_remiss", str(bad), "--ministry", "Socialdepartementet")
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_remiss", str(SOU), "--ministry", "Påhittade departementet")
    with pytest.raises(CommandError, match="Kan inte läsa"):
        call_command("import_remiss", str(tmp_path / "saknas.json"))


# --- the UI ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ui_import_adds_sections_and_reports(client_for, staff, ministry):
    remiss = f.RemissFactory(ministry=ministry, reports=[])
    upload = SimpleUploadedFile("sou.json", SOU.read_bytes(), content_type="application/json")
    response = client_for(staff).post(reverse("ministry:structure_import", args=[remiss.pk]), {"import-file": upload})
    assert response.status_code == 302
    remiss.refresh_from_db()
    assert remiss.proposals.count() == 29 and len(remiss.reports) == 2
    # Importing again with "replace" gives the same 29, not 58.
    upload = SimpleUploadedFile("sou.json", SOU.read_bytes(), content_type="application/json")
    client_for(staff).post(
        reverse("ministry:structure_import", args=[remiss.pk]), {"import-file": upload, "import-replace": "on"}
    )
    assert remiss.proposals.count() == 29 and remiss.sections.count() == 14


@pytest.mark.django_db
def test_ui_paste_adds_sections_and_tells_about_headings_left_out(client_for, staff, ministry):
    remiss = f.RemissFactory(ministry=ministry)
    text = "7 Styrning\n7.1 Mål\n1. Regeringen ska sätta upp mål.\n2. Regeringen ska följa upp dem.\n"
    response = client_for(staff).post(
        reverse("ministry:structure_paste", args=[remiss.pk]), {"paste-text": text}, follow=True
    )
    html = response.content.decode()
    assert "2 förslag i 1 avsnitt har lagts till." in html
    assert "Rubriker utan egna förslag lades inte till som avsnitt: 7 Styrning." in html
    assert [s.number for s in remiss.sections.all()] == ["7.1"]
    assert list(remiss.proposals.values_list("text", flat=True)) == [
        "Regeringen ska sätta upp mål.",
        "Regeringen ska följa upp dem.",
    ]
    bad = client_for(staff).post(
        reverse("ministry:structure_paste", args=[remiss.pk]), {"paste-text": "1. Regeringen ska …"}
    )
    assert bad.status_code == 400 and "ser ut som ett numrerat förslag" in bad.content.decode()
    assert remiss.sections.count() == 1


@pytest.mark.django_db
def test_ui_import_of_malformed_json_names_the_field(client_for, staff, ministry, sou):
    remiss = f.RemissFactory(ministry=ministry)
    sou["sections"][2]["items"][0]["kind"] = "x"
    upload = SimpleUploadedFile("bad.json", json.dumps(sou).encode(), content_type="application/json")
    response = client_for(staff).post(reverse("ministry:structure_import", args=[remiss.pk]), {"import-file": upload})
    assert response.status_code == 400
    assert "sections[2].items[0].kind: okänd typ &#x27;x&#x27;" in response.content.decode()
    assert remiss.proposals.count() == 0


HOSTILE = [
    ("[" * 100_000 + "]" * 100_000, "för djupt nästlad"),
    ('{"title": "T", "reference": "R", "sections": [{"number": ' + "9" * 5000 + "}]}", "orimligt stort tal"),
]


@pytest.mark.parametrize("text,message", HOSTILE, ids=["deep-nesting", "huge-integer"])
def test_hostile_json_gets_a_swedish_message_not_a_500(client_for, staff, ministry, text, message):
    with pytest.raises(ImportFormatError, match=message):
        parse_remiss_json(text.encode())
    remiss = f.RemissFactory(ministry=ministry)
    upload = SimpleUploadedFile("elak.json", text.encode(), content_type="application/json")
    response = client_for(staff).post(reverse("ministry:structure_import", args=[remiss.pk]), {"import-file": upload})
    assert response.status_code == 400 and message in response.content.decode()
    assert remiss.sections.count() == 0


@pytest.mark.parametrize("text,message", HOSTILE, ids=["deep-nesting", "huge-integer"])
def test_hostile_json_in_the_command_is_a_message_not_a_traceback(tmp_path, ministry, text, message):
    hostile = tmp_path / "elak.json"
    hostile.write_text(text)
    with pytest.raises(CommandError, match=message):
        call_command("import_remiss", str(hostile), "--ministry", ministry.name)
