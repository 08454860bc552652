"""The sammanställning covers everything: chapters of sammanfattningar, generella synpunkter and
consequence answers (document answers marked), and a drafted paragraph per proposal."""

import pytest

from remiss.compilation.chunks import plan
from remiss.compilation.data import gather
from remiss.compilation.paragraphs import draft_paragraph, key_sentence
from remiss.models import ResponseStatus, Submission, SubmissionStatus
from tests import factories as f


def test_the_drafted_paragraph_names_everyone_grouped_with_reasons():
    groups = {
        "supports": [
            {"organisation": "Statskontoret", "kind": "myndighet", "comment": ""},
            {"organisation": "Region Skåne", "kind": "region", "comment": ""},
            {"organisation": "Göteborgs kommun", "kind": "kommun", "comment": ""},
            {"organisation": "Malmö kommun", "kind": "kommun", "comment": ""},
            {"organisation": "SKR", "kind": "organisation", "comment": ""},
        ],
        "partly": [
            {
                "organisation": "Region Stockholm",
                "kind": "region",
                "comment": "Tillstyrks. Finansieringen måste säkras innan försöket börjar.",
            }
        ],
        "opposes": [
            {
                "organisation": "IVO",
                "kind": "myndighet",
                "comment": "IVO avstyrker. Tillsynens oberoende riskerar att försvagas.",
            }
        ],
        "no_view": [{"organisation": "Inera AB", "kind": "organisation", "comment": ""}],
        "none": [{"organisation": "Solna kommun", "kind": "kommun", "comment": ""}],
    }
    text = draft_paragraph(groups)
    assert text == (
        "Förslaget tillstyrks av 5 remissinstanser: myndigheterna Statskontoret; regionerna Region Skåne; "
        "kommunerna Göteborgs kommun och Malmö kommun; övriga: SKR. "
        "Förslaget tillstyrks med reservation av 1 remissinstans: regionerna Region Stockholm. "
        "Region Stockholm anför: ”Finansieringen måste säkras innan försöket börjar.” "
        "Förslaget avstyrks av 1 remissinstans: myndigheterna IVO. "
        "IVO anför: ”Tillsynens oberoende riskerar att försvagas.” "
        "1 remissinstans har inga synpunkter på förslaget. "
        "Övriga remissinstanser har inte yttrat sig över förslaget."
    )
    assert draft_paragraph(groups) == text  # deterministic
    assert key_sentence("Kommunen tillstyrker.") == ""  # a stance alone is never a reason


@pytest.mark.django_db
def test_free_text_chapters_and_drafts_are_in_the_figures_and_the_plan(ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    proposal = f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    for name, kind, source in (("Solna kommun", "kommun", "document"), ("Region Uppsala", "region", "")):
        recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name, kind=kind))
        response = f.ResponseFactory(recipient=recipient, status=ResponseStatus.SUBMITTED)
        snapshot = f.snapshot_for(response, answers={proposal: ("supports", "Vi tillstyrker.")})
        snapshot.update(
            summary=f"{name} tillstyrker.",
            general_comments=f"{name} har arbetat med tillitsbaserad styrning länge.",
            consequences=[
                {"key": "economic", "label": "Ekonomiska konsekvenser", "text": f"Inga kostnader för {name}."}
            ],
            source=source,
        )
        Submission.objects.create(
            response=response,
            number=1,
            snapshot=snapshot,
            submitted_at=response.created_at,
            status=SubmissionStatus.DONE,
        )
    figures = gather(remiss, {})
    chapters = {c["title"]: c["entries"] for c in figures["text_chapters"]}
    assert list(chapters) == ["Sammanfattningar", "Generella synpunkter", "Konsekvenser: Ekonomiska konsekvenser"]
    assert [e["organisation"] for e in chapters["Generella synpunkter"]] == ["Region Uppsala", "Solna kommun"]
    assert [e["document"] for e in chapters["Sammanfattningar"]] == [False, True]
    draft = figures["sections"][0]["proposals"][0]["draft"]
    assert draft.startswith(
        "Förslaget tillstyrks av 2 remissinstanser: regionerna Region Uppsala (bilaga, svar 1); "
        "kommunerna Solna kommun (bilaga, svar 2)."
    )
    bookmarks = [title for part in plan(figures) for title, _level in part["bookmarks"]]
    assert bookmarks[:4] == [
        "Remisslista",
        "Sammanfattningar",
        "Generella synpunkter",
        "Konsekvenser: Ekonomiska konsekvenser",
    ]
