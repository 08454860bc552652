"""Themes per proposal (remiss.themes): the contract command, the engine's promises, and its F1
on the hand-labelled answer sets in tests/data/themes/."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from remiss.themes import ExistingTheme, Theme, compose_text, find_themes, run_contract
from remiss.themes.evaluate import answer_f1, evaluate, evaluate_incremental, load_labelled, match
from remiss.themes.labels import clause
from remiss.themes.text import is_stance_only, split_sentences

ROOT = Path(__file__).resolve().parent.parent
LABELLED = load_labelled(Path(__file__).parent / "data" / "themes")

# Measured F1 (docs/benchmarks.md, "Themes per proposal"): dev 0.956, held-out 0.895, blind 0.769
# (0.535 at its blind first read), blind2 0.715 (first read 0.682), blind3 0.759 (first read 0.734),
# a re-run with confirmed themes on dev 0.937. The floors leave a little room for harmless changes
# and catch a real regression.
DEV_FLOOR = 0.91
HELD_OUT_FLOOR = 0.85
BLIND_FLOORS = {"blind": 0.73, "blind2": 0.66, "blind3": 0.7}
INCREMENTAL_DEV_FLOOR = 0.9

STANCE_ONLY = [
    "Kommunen tillstyrker förslaget.",
    "Lunds kommun har inga synpunkter på förslaget.",
    "Kommunen avstyrker förslaget i sin helhet.",
    "Förbundet avstår från att lämna synpunkter på förslaget.",
    "Regionen ställer sig bakom förslaget och har i övrigt inga synpunkter.",
    "Digg tillstyrker förslaget.",
    "Myndigheten tillstyrker förslaget om ett datadrivet analysarbete.",
    "Kommunen delar utredningens bild av att fler elever behöver nå behörighet till gymnasieskolan.",
    "Kommunen har inget att erinra mot förslaget.",
    "Myndigheten har ingen erinran mot den föreslagna utformningen.",
    "Regionen ser positivt på förslaget.",
    "Förbundet biträder förslaget.",
    "Länsstyrelsen har ingen annan uppfattning än utredningen.",
    "Universitetet ser ingen anledning att invända mot förslaget.",
]


def labelled(name: str):
    return next(s for s in LABELLED if s.name == name)


def themes_of(data: dict) -> list[Theme]:
    return find_themes(dict(data["proposal"], remiss=data["remiss"]), data["answers"], existing=data.get("existing"))


def answer(id, text, stance="partly", organisation=""):
    return {
        "id": id,
        "organisation": organisation or f"Organisation {id}",
        "kind": "kommun",
        "stance": stance,
        "text": text,
    }


PROPOSAL = {
    "section": "3.1",
    "title": "Kommunal skyldighet att erbjuda simundervisning",
    "text": "Kommunen ska erbjuda simskola.",
}


# -- the contract command ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["lovskola", "digital_brevlada"])
def test_command_prints_the_contract_json_with_verbatim_quotes_and_ids_echoed(tmp_path, name):
    data = labelled(name).input()
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("find_themes", str(path), "--json", stdout=out)
    result = json.loads(out.getvalue())

    texts = {a["id"]: a["text"] for a in data["answers"]}
    assert result["themes"], "no themes"
    for theme in result["themes"]:
        assert theme["label"] and theme["label"][0].isupper() and len(theme["label"].split()) <= 10
        assert theme["answers"] and all(i in texts for i in theme["answers"])
        assert {type(i) for i in theme["answers"]} == {type(data["answers"][0]["id"])}
        assert theme["polarity"] in ("for", "against", "mixed")
        for quote in theme["quotes"]:
            assert quote["answer"] in theme["answers"]
            assert quote["text"] in texts[quote["answer"]], "quote not verbatim"
        assert theme["key_quote"] in theme["quotes"]


def test_command_refuses_input_without_answers(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "input.json"
    path.write_text(json.dumps({"proposal": PROPOSAL}), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("find_themes", str(path), "--json", stdout=io.StringIO())


def test_no_answers_and_stance_only_answers_give_no_themes():
    assert run_contract({"proposal": PROPOSAL, "answers": []}) == {"themes": []}
    answers = [answer(i, "Kommunen tillstyrker förslaget.", "supports") for i in range(5)]
    assert run_contract({"proposal": PROPOSAL, "answers": answers}) == {"themes": []}


# -- what the engine promises --------------------------------------------------------------------


@pytest.mark.parametrize("sentence", STANCE_ONLY)
def test_stance_only_sentences_are_recognised(sentence):
    assert is_stance_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen tillstyrker förslaget under förutsättning att de ökade kostnaderna kompenseras.",
        "Finansieringen är oklar.",
        "Staten måste stå för kostnaderna.",
        "Allmännyttan stödjer målet men konstaterar att många bostadsområden saknar utrymme för fler kärl.",
    ],
)
def test_sentences_with_an_argument_are_not_stance_only(sentence):
    assert not is_stance_only(sentence)


def test_no_quote_is_stance_only_and_every_quote_is_verbatim():
    for labelled_set in LABELLED:
        data = labelled_set.input()
        texts = {a["id"]: a["text"] for a in data["answers"]}
        for theme in themes_of(data):
            for quote in theme.quotes:
                assert quote.text in texts[quote.answer]
                for sentence in split_sentences(quote.text):
                    assert not is_stance_only(sentence.text), (labelled_set.name, quote.text)


def test_a_minority_view_of_two_bodies_stays_a_theme_of_its_own():
    themes = themes_of(labelled("va_fornyelse").input())
    boverket, msb = 4, 5  # the only two bodies that raise climate adaptation
    assert any(set(t.answers) == {boverket, msb} for t in themes), [t.label for t in themes]


def test_a_campaign_sent_six_times_does_not_make_a_theme_but_its_bodies_join_themes():
    common = "Kommunen ser stora svårigheter att rekrytera simlärare, eftersom det redan råder brist på simlärare."
    costs = "Kostnaderna för simundervisningen måste finansieras fullt ut av staten."
    campaign = (
        "Vi avstyrker förslaget. Badhusen i länet är redan fullbokade av föreningslivet och det finns inga "
        "lediga tider för skolans simundervisning. Det är svårt att rekrytera simlärare."
    )
    answers = [
        answer(1, common),
        answer(2, "Det är mycket svårt att rekrytera behöriga simlärare till kommunen."),
        answer(3, "Bristen på simlärare gör att kommunen har svårt att rekrytera till skolan."),
        answer(4, costs),
        answer(5, "Staten måste finansiera kostnaderna för simundervisningen fullt ut."),
        answer(6, "Kommunen tillstyrker förslaget.", "supports"),
    ] + [answer(10 + i, campaign, "opposes") for i in range(6)]
    themes = run_contract({"proposal": PROPOSAL, "answers": answers})["themes"]
    campaign_ids = {10 + i for i in range(6)}
    assert not any(set(t["answers"]) <= campaign_ids for t in themes), "a theme carried by the campaign alone"
    staff = next(t for t in themes if 1 in t["answers"])
    assert campaign_ids <= set(staff["answers"]), "the campaign's bodies should still belong to the staff theme"
    assert any({4, 5} <= set(t["answers"]) for t in themes)
    assert all(6 not in t["answers"] for t in themes)


def test_labelled_campaign_bodies_share_the_theme_they_argue():
    themes = themes_of(labelled("livsmedelsberedskap").input())
    campaign = {11, 12, 13, 14, 15}
    finance = [t for t in themes if campaign & set(t.answers)]
    assert finance and campaign <= set(finance[0].answers)
    assert len(set(finance[0].answers) - campaign) >= 4  # the theme is carried by others too


def test_existing_themes_are_kept_and_a_new_answer_is_placed_into_them():
    data = labelled("hemsjukvard").input()
    newcomer = {
        "id": 99,
        "organisation": "Region Dalarna",
        "kind": "region",
        "stance": "partly",
        "text": "Regionen tillstyrker i huvudsak. Skatteväxlingen mellan kommunerna och regionerna är dock inte "
        "utredd, och de ekonomiska konsekvenserna för huvudmännen måste analyseras innan förslaget genomförs.",
    }
    first = themes_of(data)
    confirmed = [ExistingTheme.from_theme(t) for t in first]
    again = themes_of(dict(data, answers=data["answers"] + [newcomer], existing=confirmed))

    assert [t.label for t in again[: len(first)]] == [t.label for t in first]
    for before, after in zip(first, again, strict=False):
        assert after.confirmed
        assert after.answers[: len(before.answers)] == before.answers
        assert after.quotes[: len(before.quotes)] == before.quotes
    economy = next(t for t in again if 17 in t.answers)  # Statskontoret: the tax exchange is not analysed
    assert 99 in economy.answers
    assert any(q.answer == 99 and "Skatteväxlingen" in q.text for q in economy.quotes)


def test_existing_themes_from_json_survive_a_run_without_their_answers():
    existing = [
        {"label": "Simhallar saknas", "answers": ["a"], "quotes": [{"answer": "a", "text": "Det saknas simhallar."}]}
    ]
    result = run_contract(
        {"proposal": PROPOSAL, "answers": [answer("b", "Kommunen tillstyrker.")], "existing": existing}
    )
    assert result["themes"][0]["label"] == "Simhallar saknas"
    assert result["themes"][0]["answers"] == ["a"] and result["themes"][0]["confirmed"]


def test_rerun_gives_the_same_themes():
    data = labelled("digital_brevlada").input()
    assert [t.as_dict() for t in themes_of(data)] == [t.as_dict() for t in themes_of(data)]


# -- the pieces ------------------------------------------------------------------------------------


def test_sentences_keep_their_exact_spans_and_abbreviations():
    text = "Det gäller t.ex. skolan, jfr SOU 2018:47 s. 12. Staten måste betala!\n\nNy punkt utan stopp"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Det gäller t.ex. skolan, jfr SOU 2018:47 s. 12.",
        "Staten måste betala!",
        "Ny punkt utan stopp",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_general_views_that_name_the_proposal_are_added_verbatim():
    general = (
        "Kommunen välkomnar betänkandet.\n\nFrikommunförsöket riskerar att bli kortvarigt.\n\n"
        "Avsnitt 7.6.3 bör omarbetas, eftersom tidigare försök inte spridits.\n\nSe även 7.6.31."
    )
    text = compose_text("Kommunen avstyrker.", general, ["7.6.3", "frikommunförsöket"])
    assert text == (
        "Kommunen avstyrker.\n\nFrikommunförsöket riskerar att bli kortvarigt.\n\n"
        "Avsnitt 7.6.3 bör omarbetas, eftersom tidigare försök inte spridits."
    )
    assert compose_text("", "", ["7.6.3"]) == ""


def test_headings_and_line_ends_split_but_a_line_broken_mid_sentence_runs_on():
    text = (
        "Sammanfattning\nKommunen tillstyrker förslaget.\nFinansieringen är oklar och staten måste\n"
        "stå för kostnaderna i sin helhet enligt finansieringsprincipen."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Sammanfattning",
        "Kommunen tillstyrker förslaget.",
        "Finansieringen är oklar och staten måste\nstå för kostnaderna i sin helhet enligt finansieringsprincipen.",
    ]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "Kommunen anser att finansieringen är oklar och att staten måste stå för kostnaderna.",
            "Finansieringen är oklar",
        ),
        (
            "Västerås stad saknar dock en konsekvensanalys av de ekonomiska effekterna.",
            "Det saknas en konsekvensanalys av de ekonomiska effekterna",
        ),
        ("SKR anser också att förslaget inte kan träda i kraft 2027.", "Förslaget kan inte träda i kraft 2027"),
        # The clause after "att" keeps its meaning only after a verb of saying, never after "ifrågasätter".
        (
            "Kommunen är positiv till ett policylabb men ifrågasätter att det ska placeras hos en myndighet.",
            "Kommunen är positiv till ett policylabb",
        ),
        # Adverbs of the att-clause move after the verb; "om" is a preposition unless a clause follows.
        ("Erfarenheten visar att de ofta blir kopierade texter.", "De blir ofta kopierade texter"),
        ("Kommunen anser att det är en fråga om lokal demokrati.", "Det är en fråga om lokal demokrati"),
        ("Regionen noterar att det saknas en bestämmelse om tillsyn.", "Det saknas en bestämmelse om tillsyn"),
        # An adverb before a verb and a noun subject stays, or the label reads as a question.
        ("Samtidigt kan samma avgift tas ut två gånger.", "Samtidigt kan samma avgift tas ut två gånger"),
        # The part after "men" of a split sentence.
        ("men att det inte löser bristen på platser.", "Det löser inte bristen på platser"),
    ],
)
def test_labels_are_short_main_clauses(sentence, label):
    assert clause(sentence) == label


def test_scorer_matches_themes_one_to_one_and_scores_answers_without_themes_as_one():
    gold = [{1, 2, 3}, {4, 5}]
    assert answer_f1([{4, 5}, {1, 2, 3}], gold, [1, 2, 3, 4, 5, 6]) == 1.0
    assert match([{1, 2}, {1, 3}], [{1, 2, 3}]) in ({0: 0}, {1: 0})
    # A split gold theme: one half matches, the other half counts as a wrong theme on its answers.
    assert answer_f1([{1, 2}, {3}], [{1, 2, 3}], [1, 2, 3]) == pytest.approx(2 / 3)
    assert answer_f1([], [], [1]) == 1.0
    assert answer_f1([], [{1}], [1, 2]) == 0.5


# -- quality on the labelled sets ---------------------------------------------------------------------


def test_f1_on_the_labelled_sets_stays_above_the_measured_floor():
    scores = evaluate(LABELLED)
    dev = [scores[s.name] for s in LABELLED if s.split == "dev"]
    held_out = [scores[s.name] for s in LABELLED if s.split == "heldout"]
    assert len(dev) >= 4 and len(held_out) >= 2
    assert sum(dev) / len(dev) >= DEV_FLOOR, scores
    assert sum(held_out) / len(held_out) >= HELD_OUT_FLOOR, scores
    for split, floor in BLIND_FLOORS.items():
        blind = [scores[s.name] for s in LABELLED if s.split == split]
        assert len(blind) >= 2 and sum(blind) / len(blind) >= floor, (split, scores)


def test_f1_stays_high_when_a_third_of_the_answers_arrive_after_themes_were_confirmed():
    dev = [s for s in LABELLED if s.split == "dev"]
    scores = evaluate_incremental(dev)  # measured: 0.937 (a fresh run: 0.956)
    assert sum(scores.values()) / len(scores) >= INCREMENTAL_DEV_FLOOR, scores


def test_labelled_sets_are_well_formed():
    assert len(LABELLED) >= 6
    for labelled_set in LABELLED:
        assert 20 <= len(labelled_set.answers) <= 60
        assert any(not a["gold"] for a in labelled_set.answers), "answers without a theme"
        assert {len(g) for g in labelled_set.gold().values()} and min(len(g) for g in labelled_set.gold().values()) >= 2


# -- the demo remiss (SOU 2018:47) ----------------------------------------------------------------


def demo_inputs() -> list[dict]:
    """One contract input per proposal of the demo remiss; the second demo file gives a stance and
    comment per section, which applies to every proposal of the section."""
    data = ROOT / "data"
    remiss = json.loads((data / "sou-2018-47.json").read_text(encoding="utf-8"))
    first = json.loads((data / "demo-answers.json").read_text(encoding="utf-8"))["answers"]
    more = json.loads((data / "demo-answers-more.json").read_text(encoding="utf-8"))
    bodies = [(a["organisation"], a.get("answers") or {}, {}) for a in first]
    bodies += [(a["organisation"], {}, a.get("sections") or {}) for a in more["answers"]]
    bodies += [(org, {}, more["campaign"]["sections"]) for org in more["campaign"]["organisations"]]
    inputs = []
    for section in remiss["sections"]:
        for n, item in enumerate(section["items"], start=1):
            label = f"{section['number']} ({n})"
            answers = []
            for organisation, by_label, by_section in bodies:
                stance, text = by_label.get(label) or by_section.get(section["number"]) or (None, "")
                if stance and text:
                    answers.append(answer(len(answers) + 1, text.replace("{org}", organisation), stance, organisation))
            inputs.append(
                {
                    "remiss": {"title": remiss["title"], "reference": remiss["reference"]},
                    "proposal": {"section": label, "title": section["title"], "text": item["text"]},
                    "answers": answers,
                }
            )
    return inputs


def test_demo_remiss_gets_sensible_themes():
    if not (ROOT / "data" / "demo-answers-more.json").exists():
        pytest.skip("the demo answers are not in data/")
    inputs = demo_inputs()
    assert len(inputs) > 20
    by_section = {}
    for data in inputs:
        texts = {a["id"]: a["text"] for a in data["answers"]}
        themes = run_contract(data)["themes"]
        by_section[data["proposal"]["section"]] = themes
        for theme in themes:
            assert all(q["text"] in texts[q["answer"]] for q in theme["quotes"])
            assert not any(is_stance_only(q["text"]) for q in theme["quotes"])
    statsbidrag = by_section["7.1.1 (3)"]
    assert statsbidrag and "statsbidrag" in statsbidrag[0]["label"].lower()
    assert any("frikommunförsök" in t["key_quote"]["text"] for t in by_section["7.6.3 (1)"])


def test_compounds_are_split_into_parts_that_occur_as_words_of_the_proposal():
    from remiss.themes.features import _compound_parts
    from remiss.themes.text import stem

    known = frozenset(stem(w) for w in "personal brist legitimation krav".split())
    assert _compound_parts("personalbristen", known) == (stem("personal"), stem("bristen"))
    assert _compound_parts("legitimationskravet", known) == (stem("legitimation"), stem("kravet"))
    assert _compound_parts("rekryteringsläget", known) == ()
    # The last part alone when only it occurs as a word of the proposal.
    assert _compound_parts("distributionsnätet", frozenset({stem("nätet")})) == (stem("nätet"),)
