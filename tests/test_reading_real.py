"""The reader on real remissvar found in public sources (tests/data/reading/real/, splits real and
realheld; first-read figures in docs/benchmarks.md), and the general wordings they showed."""

from __future__ import annotations

import pytest

from remiss.reading import Structure, read_answer
from remiss.reading.evaluation import Tally
from remiss.reading.stance import classify
from tests.test_reading_documents import DATA, LABELS, _read


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Förvaltningen anser att utredningens förslag ger en god grund för det fortsatta arbetet.", "supports"),
        (
            "Nämnden är i grunden positivt inställd till de förändringar som föreslås, men har en del synpunkter.",
            "partly",
        ),
        ("Förbundet har dock ett antal påpekanden och förslag.", "partly"),
        ("Men det förutsätter en nationell uppföljning.", "partly"),
        ("Med anledning av vår avvisande hållning lämnar vi inga synpunkter på detaljerna.", "opposes"),
        ("Organisationen är starkt kritisk till förslagen.", "opposes"),
        ("Vi finner inte skäl att lämna synpunkter på utformningen.", "no_view"),
        ("Kontoret har i huvudsak inget att erinra mot förslagen.", "partly"),
        ("Det är också bra om tillsynen samordnas.", "supports"),
        ("En enrådighetsmyndighet är en mer lämplig ledningsform för den föreslagna myndigheten.", "opposes"),
        ("Verket bör avstå från att föreskriva om nya normer.", "opposes"),
        ("Det föreligger oklarheter om hur myndigheten ska finansieras.", "partly"),
    ],
)
def test_wordings_of_real_answers(sentence, expected):
    cue = classify(sentence)
    assert cue is not None and cue.stance == expected, (sentence, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rådet är positivt till strävan att samordna reglerna inom EU.",
        "Kommunen instämmer i utredningens problembeskrivning.",
        "Akademien anser att rapporten är stringent och bra.",
        "Verket frågar särskilt om myndigheterna kan ställa sig bakom rapporten.",
    ],
)
def test_the_aim_or_the_report_itself_is_no_stance(sentence):
    assert classify(sentence) is None


STRUCTURE = b"""{"department": "Finansdepartementet", "reference": "Fi2099/1", "title": "En ny ordning (SOU 2099:1)",
 "reports": [{"id": "SOU 2099:1", "title": "En ny ordning", "kind": "bet\\u00e4nkande"}],
 "sections": [
  {"number": "4.1", "title": "Ny tillsynsmyndighet", "items": [{"kind": "f\\u00f6rslag", "text": "En ny tillsynsmyndighet inr\\u00e4ttas."}]},
  {"number": "5.1", "title": "Avgifter f\\u00f6r tillsyn", "items": [{"kind": "f\\u00f6rslag", "text": "Tillsynen finansieras med avgifter."}]}]}"""


def test_a_report_pronoun_and_the_answers_own_title_reach_every_proposal():
    text = (
        "Yttrande över betänkandet Ny tillsynsmyndighet (SOU 2099:1)\n\n"
        "Förbundet har tagit del av betänkandet och stöder det.\n"
    )
    reading = read_answer(text, Structure.from_json(STRUCTURE))
    assert [p.stance for p in reading.proposals] == ["supports", "supports"]


def test_no_view_on_the_rubricated_report_covers_what_a_passing_sentence_named():
    text = (
        "Promemorian innehåller förslaget om en ny tillsynsmyndighet.\n\n"
        "Rådet har inga synpunkter på ovan rubricerade promemoria.\n"
    )
    reading = read_answer(text, Structure.from_json(STRUCTURE))
    assert [p.stance for p in reading.proposals] == ["no_view", "no_view"]


@pytest.mark.parametrize("split", ["real", "realheld", "realblind"])
def test_real_answers_read_as_labelled(split):
    total = Tally()
    for name, label in LABELS.items():
        if label["split"] == split:
            total.add(_read(name, label, kind="docx"))
    figures = total.figures()
    assert figures["stance_accuracy"] >= {"real": 0.95, "realheld": 0.85}.get(split, 0.5), total.errors
    assert figures["opposes_where_supports"] == 0, total.errors
    assert figures["stance_on_unaddressed"] <= (0 if split == "real" else 1), total.errors
    assert figures["sentences_placed"] >= 0.95
    assert (DATA / "real" / "README.md").exists()
