"""Campaign and near-duplicate answers are grouped (never merged) on progress and in the compilation."""

import pytest
from django.urls import reverse

from remiss.compilation.data import gather
from remiss.services.duplicates import group_texts
from tests import factories as f

CAMPAIGN = (
    "Vi som arbetar i hemtjänsten vill att staten litar på vår kunskap. Detaljstyrningen tar tid från brukarna "
    "och dokumentationen växer varje år. Tillitsbaserad styrning måste betyda att vi får utrymme att göra det "
    "som brukaren behöver, inte det som blanketten kräver. Därför stöder vi förslagen om generella statsbidrag "
    "och en samlad styrning, och vi vill att försöksverksamheten genomförs tillsammans med medarbetarna."
)


def test_texts_that_overlap_by_ninety_percent_are_grouped():
    texts = {
        "A": CAMPAIGN,
        "B": CAMPAIGN.replace("hemtjänsten", "hemtjänsten i Solna"),
        "C": CAMPAIGN + " Med vänliga hälsningar.",
        "D": "Kommunen tillstyrker förslagen om generella statsbidrag men avstyrker frikommunförsöket. " * 3
        + "Kommunen saknar en analys av kostnaderna för kommunsektorn och vill att den görs innan beslut.",
        "E": "Vi tillstyrker.",
        "F": "Vi tillstyrker.",  # short texts alike are not a campaign
    }
    groups = group_texts(texts)
    assert [g.members for g in groups] == [("A", "B", "C")]


@pytest.mark.django_db
def test_groups_show_on_progress_and_in_the_compilation_figures(client_for, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    proposal = f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    names = ["Solna kommun", "Sundbybergs kommun", "Täby kommun", "Lidingö kommun"]
    for index, name in enumerate(names):
        recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name))
        text = CAMPAIGN if index < 3 else "Kommunen har inga synpunkter. " * 12
        f.make_submission(recipient, answers={proposal: ("supports", text)})
    page = client_for(staff).get(reverse("ministry:progress", args=[remiss.pk])).content.decode()
    assert "3 svar med i stort sett samma text: Solna kommun, Sundbybergs kommun, Täby kommun" in page
    figures = gather(remiss, {})
    assert figures["duplicate_groups"] == [
        {"size": 3, "members": ["Solna kommun", "Sundbybergs kommun", "Täby kommun"]}
    ]
    # never merged: each answer still counts on its own
    assert figures["sections"][0]["proposals"][0]["counts"][0]["n"] == 4
