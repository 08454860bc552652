"""Campaign and near-duplicate answers are grouped (never merged) on progress and in the compilation."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from remiss.compilation.data import gather
from remiss.selectors.duplicates import THRESHOLD, _shingles, group_texts
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


def brute_force_groups(texts: dict[str, str]) -> list[set[str]]:
    """The definition, pair by pair: overlap of at least THRESHOLD of the larger shingle set."""
    keys = list(texts)
    sets = {key: _shingles(texts[key]) for key in keys}
    group = {key: {key} for key in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            larger = max(len(sets[a]), len(sets[b]))
            if sets[a] and sets[b] and len(sets[a] & sets[b]) / larger >= THRESHOLD and group[a] is not group[b]:
                merged = group[a] | group[b]
                for key in merged:
                    group[key] = merged
    return sorted({frozenset(g) for g in group.values() if len(g) > 1}, key=sorted)


WORDS = "kommunen staten styrning tillit brukare bidrag försök analys kostnad ansvar skola vård".split()


@settings(max_examples=60, deadline=None)
@given(
    base=st.lists(st.sampled_from(WORDS), min_size=30, max_size=120),
    edits=st.lists(st.tuples(st.integers(0, 119), st.sampled_from(WORDS)), max_size=20),
    copies=st.integers(2, 6),
    others=st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=80), max_size=4),
)
def test_the_prefix_filter_finds_exactly_the_groups_of_the_definition(base, edits, copies, others):
    """Campaign copies with a few words changed each, beside unrelated texts of the same small
    vocabulary (many shared phrases): the fast grouping equals the pair-by-pair definition."""
    texts = {}
    for copy in range(copies):
        words = list(base)
        for position, word in edits[copy::copies]:
            words[position % len(words)] = word
        texts[f"copy{copy}"] = " ".join(words)
    for number, words in enumerate(others):
        texts[f"other{number}"] = " ".join(words)
    found = sorted((frozenset(g.members) for g in group_texts(texts)), key=sorted)
    assert found == brute_force_groups(texts)


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
