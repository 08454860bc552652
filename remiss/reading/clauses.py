"""The clauses of a remissvar's statements: what a stance sentence is about (its object, a
fronted topic, the proposal named right after the verb), whether it covers the whole remiss
("i sin helhet", "förslagen i betänkandet") or the rest ("i övrigt"), exceptions ("med undantag
för …"), and sentences that hold several statements (the att-clauses of a decision, "… men …")."""

from __future__ import annotations

import re

from .references import Index
from .stance import NO_VIEW, Cue, classify

MAIN_CLAUSE_END = re.compile(r",? (?:eftersom|då|därför att|vilket|emedan|så att|för att)\b")
BLANKET_OBJECT = re.compile(
    r"\b(?:förslagen|betänkandet|betänkandena|betänkandets förslag|promemorian|promemorians förslag|utredningens förslag"
    r"|delegationens förslag|kommitténs förslag|remissen|remissens förslag|rekommendationerna|lagförslaget|lagförslagen"
    r"|remitterade förslag\w*|de förslag som|(?:betänkandets|utredningens|promemorians) (?:\w+ )?inriktning"
    r"|inriktningen i (?:betänkandet|utredningen|promemorian))\b"
)
REST = re.compile(r"\bi övrigt\b|\bför övrigt\b|\bövriga (?:förslag|delar|avsnitt|frågor)|\bresterande\b")
WHOLE = re.compile(
    r"\bi (?:sin|dess) helhet\b|\bsamtliga (?:förslag|\w+ förslag)|\balla (?:förslag|delar|\w+ förslag)\b|\bi allt väsentligt\b"
    r"|\bi stort\b|\boverlag\b|\böverlag\b"
)
SPECIFIC = re.compile(r"^(?:\w+ ){0,2}förslage[tn]\b(?: \w+){0,4}? (?:om|att|till)\b")
DEMONSTRATIVE = re.compile(
    r"\b(?:dessa|denna|detta|ovan|ovanstående|ovannämnda|nämnda|här|där|avsnittet|avsnitten|kapitlet|kapitlen|delen)\b"
)
PASSING = re.compile(
    r"\b(?:förslag(?:et|en)?|rekommendation(?:en|erna)?|bedömning(?:en)?) (?:om|att|angående|kring)\b(.{0,80})", re.I
)
NAMING = re.compile(r"förslag|föreslå|rekommendation|bedömning|ändring|bestämmelse|inrättande|uppdrag")
CLOSING = re.compile(
    r"^(?:avslutningsvis|slutligen|sammanfattningsvis|sammantaget|generellt|övergripande|allmänt|i övrigt|"
    r"för en fortsatt|utöver (?:detta|ovanstående))\b",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"\((?:se )?(?:avsnitt|kapitel|kap\.|förslag)?\s*\d{1,2}(?:\.\d{1,2})+[^()]{0,30}\)\W*$", re.I)
TOPIC = re.compile(
    r"^(?:när det gäller|vad gäller|vad avser|beträffande|avseende|angående|i fråga om|såvitt avser|när det kommer till)\b"
)
# "välkomnar förslaget om X men är tveksam till Y": two statements in one sentence
BUT = re.compile(
    r",? men (?=(?:\w+ ){0,3}(?:är|ställer|ser|anser|kan|har|avstyrker|tillstyrker|motsätter|ifrågasätter|avvisar)\b)"
)
DECISION_CLAUSE = re.compile(
    r",? (?:samt |och )?(?=att (?:\w+ ){0,3}(?:tillstyrka|avstyrka|inte lämna|lämna|ställa sig|inte ställa sig"
    r"|framhålla|översända|överlämna|anta|avge|hänvisa|besvara|anföra|yttra|inte yttra)\b)"
)
# "tillstyrker förslagen om X, avstyrker förslaget om Y och är positiv till Z": one subject, several statements
COORDINATED = re.compile(
    r"(?:, (?:och |samt )?| (?:och|samt) )(?=(?:avstyrker|tillstyrker|välkomnar|instämmer|motsätter|ställer sig|delar|förordar"
    r"|är (?:\w+ ){0,2}?(?:positiv|negativ|tveksam|kritisk)|ser (?:\w+ )?(?:positivt|negativt)"
    r"|har (?:\w+ )?(?:inga|inget|ingen) (?:synpunkter|invändningar|erinran|att))\b)"
)
ANAPHOR = re.compile(r"^(?:\w+ ){0,5}?(?:förslaget|försöket|det|den|dessa|detta|denna|de)\b")
PROPOSALS_OBJECT = re.compile(
    r"^(?:\w+ ){0,2}?(?:förslagen|samtliga förslag|alla förslag|de förslag som|utredningens förslag|betänkandets förslag"
    r"|kommitténs förslag|delegationens förslag|de (?:förändringar|ändringar) som (?:föreslås|utredningen föreslår)"
    r"|de föreslagna (?:förändringarna|ändringarna))\b"
)
REMOVAL = re.compile(r"\b(?:tas bort|avskaffas|upphävs|upphör|slopas|utgår|flyttas|förs över|tar över)\b")
EXCEPT = re.compile(
    r"\b(?:förutom|utom|med undantag (?:för|av)|undantaget|bortsett från|frånsett)\b"
    r"|\bmed (?:ett|ett enda|två|följande) undantag\W"
    # "är positiv till förslagen, men har synpunkter på förslagen i avsnitt 7.4.1 och 7.4.3"
    r"|,? men (?:\w+ ){0,2}?(?:har|lämnar|vill lämna) (?:\w+ )?(?:synpunkter|kommentarer|invändningar) (?:på|mot)\b"
)


def object_part(cue: Cue, own: str, index: Index | None = None) -> str:
    """What a stance sentence is about: its main clause after the stance phrase ("tillstyrker
    förslaget om frikommunförsök"), or the whole main clause when the phrase ends it ("Förslaget om
    frikommunförsök tillstyrks")."""
    main = MAIN_CLAUSE_END.split(own, maxsplit=1)[0]
    if TOPIC.match(main) and cue.phrase in main:
        topic, after = main.split(cue.phrase, 1)  # "När det gäller frikommunförsöket bör det övervägas …"
        return topic if index is not None and index.keyword_hits(topic) else f"{topic} {after}"
    after = main.split(cue.phrase, 1)[-1] if cue.phrase in main else main
    return after if after.split() else main


def decision_clauses(sentence: str) -> list[str]:
    """The att-clauses of a decision, each with a stance; a lead without one ("Kommunstyrelsen
    beslutar") joins the clause after it."""
    clauses: list[str] = []
    carry = ""
    for part in DECISION_CLAUSE.split(sentence):
        text = f"{carry} {part}".strip()
        if classify(text) is None:
            carry = text
            continue
        clauses.append(text)
        carry = ""
    if carry and clauses:  # "…, att därutöver framhålla …": a clause of its own, without a stance
        clauses.append(carry)
    return clauses or [sentence]


def directly_named(cue: Cue, own: str, index: Index) -> bool:
    """The words right after the stance phrase name a proposal ("motsätter sig frikommunförsöket")."""
    after = own.split(cue.phrase, 1)[-1] if cue.phrase in own else ""
    if not after.strip() and " att " in cue.phrase:  # "anser att frikommunförsöket inte bör genomföras"
        after = cue.phrase.split(" att ", 1)[1]
    return bool(after and index.keyword_hits(" ".join(after.split()[:4])))


# "välkomnar promemorian", "ser positivt på betänkandet": the report itself, not each of its proposals
REPORT_ITSELF = re.compile(r"^(?:\w+ )?(?:betänkandet|promemorian|utredningen|remissen|rapporten|arbetet)\b")
SOME = re.compile(
    r"\b(?:flera|några|vissa|ett par|ett fåtal|delar|en del|ett antal) av (?:förslagen|de förslag|betänkandets|utredningens)"
)


# "utredningens förslag ger en god grund": an evaluation whose subject is all the proposals
BLANKET_SUBJECT = re.compile(
    r"\b(?:utredningens|betänkandets|promemorians|kommitténs|delegationens|remissens) förslag\b(?! (?:om|att|till)\b)"
    r"|^(?:\w+ ){0,4}?förslagen\b"
)
# "har tagit del av propositionen och stöder den": a pronoun for the remitted document
REPORT_BEFORE = re.compile(
    r"\b(?:proposition\w*|promemori\w*|betänkande\w*|remiss\w*|rapport\w*|utredningen|förslagen|lagförslaget)\b"
)
PRONOUN_OBJECT = re.compile(r"\b(?:den|det|dem|dessa|detta|denna)$")


def _blanket_by_subject(cue: Cue, own: str) -> bool:
    if cue.phrase not in own:
        return False
    before, _ = own.split(cue.phrase, 1)
    if PRONOUN_OBJECT.search(cue.phrase) and REPORT_BEFORE.search(before):
        return True
    return cue.kind == "evaluative" and bool(BLANKET_SUBJECT.search(before + cue.phrase))


def is_blanket(cue: Cue, own: str) -> bool:
    """Explicit wording about the whole remiss; an attitude ("är positiv till betänkandet") is not,
    nor welcoming the report ("välkomnar promemorian"), nor one about some of it ("invändningar mot
    flera av förslagen")."""
    after = own.split(cue.phrase, 1)[-1] if cue.phrase in own else own
    if SOME.search(own):
        return False
    if cue.phrase == "välkomnar" and REPORT_ITSELF.match(after.strip()) and not WHOLE.search(own):
        return False  # "välkomnar promemorian": the report, not each of its proposals
    if cue.strength >= 0.6 and _blanket_by_subject(cue, own):
        return True
    if cue.strength < 0.9:  # an attitude covers the remiss only when it names all its proposals
        named_all = PROPOSALS_OBJECT.match(after.strip()) or WHOLE.search(own) and BLANKET_OBJECT.search(after)
        return bool(named_all and cue.strength >= 0.6)
    if WHOLE.search(own):
        return True
    if SPECIFIC.search(" ".join(after.split()[:8])):
        return False  # "tillstyrker förslaget i betänkandet om …": one proposal, named by content
    if BLANKET_OBJECT.search(" ".join(after.split()[:6])):
        return True
    return cue.stance == NO_VIEW and not re.search(r"\b(?:ytterligare|vidare|andra|särskilda)\b", own)


def clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()


def coordinated_clauses(sentence: str, names) -> list[str]:
    """The statements of one subject's coordinated predicates, when each takes a stance and some
    name what they are about ("delar i huvudsak utredningens analys och tillstyrker förslagen om
    …"); else the sentence whole."""
    parts = [part for part in COORDINATED.split(sentence) if part.strip()]
    if len(parts) < 2 or not all(classify(part) is not None for part in parts):
        return [sentence]
    named = [bool(names(part)) for part in parts]
    return parts if all(named) or named[-1] and not named[0] else [sentence]
