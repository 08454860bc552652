"""Sentences of the drafted "Remissinstanserna" text built from themes: who raised a theme (särskilt
berörda first, a campaign of near-identical answers counted once) and its strongest verbatim quote.

Every named body carries a reference to its answer in the appendix ("(bilaga, svar 12)") when the
compilation has one. A quote that only states a stance ("Kommunen tillstyrker förslaget.") is never
used: the theme engine's own test decides (``remiss.themes.text.is_stance_only``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from remiss.themes.text import is_stance_only, name_words

QUOTE_MAX = 300
NAMED_IN_THEME = 3
NUMBER_WORDS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
PLURALS = {"kommun": "kommuner", "region": "regioner", "myndighet": "myndigheter", "organisation": "organisationer"}
KIND_RANK = {"myndighet": 0, "region": 1, "kommun": 2}


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return _("%(list)s och %(last)s") % {"list": ", ".join(names[:-1]), "last": names[-1]}


def count_word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def plural(kinds: set[str]) -> str:
    """ "kommuner" when all are kommuner, else "remissinstanser"."""
    return PLURALS.get(next(iter(kinds)), _("remissinstanser")) if len(kinds) == 1 else _("remissinstanser")


def reference(entry: dict, numbers: dict[int, int]) -> str:
    number = numbers.get(entry.get("organisation_id"))
    return (
        f"{entry['organisation']} " + (_("(bilaga, svar %(n)d)") % {"n": number}) if number else entry["organisation"]
    )


def ordered(entries: list[dict], special: set[int], campaigns: list[set[str]] = ()) -> list[dict]:
    """Särskilt berörda first, then myndigheter, regioner, kommuner, others; a campaign's members
    after everyone else, so "bl.a." names distinct voices first."""
    in_campaign = {name for group in campaigns for name in group}
    return sorted(
        entries,
        key=lambda e: (
            e.get("organisation_id") not in special,
            e["organisation"] in in_campaign,
            KIND_RANK.get(e.get("kind", ""), 3),
            e["organisation"].casefold(),
        ),
    )


def some_of(entries: list[dict], numbers: dict[int, int], limit: int) -> str:
    """All names when there are ``limit`` or fewer, else "bl.a." and the first ``limit``."""
    names = [reference(e, numbers) for e in entries]
    if len(names) <= limit:
        return join_names(names)
    return _("bl.a. %(names)s") % {"names": join_names(names[:limit])}


def who(members: list[dict], *, special: set[int], campaigns: list[set[str]], numbers: dict[int, int]) -> str:
    """ "Uppsala kommun (bilaga, svar 3)", "Fem kommuner, bl.a. A, B och C" or "… och sex
    organisationer med likalydande svar, bl.a. D och E": the bodies behind a theme."""
    members = ordered(members, special, campaigns)
    units: list[str] = []
    taken: set[str] = set()
    campaign_parts = []
    for group in campaigns:
        inside = [m for m in members if m["organisation"] in group]
        if len(inside) < 2:
            continue
        taken.update(m["organisation"] for m in inside)
        campaign_parts.append(
            _("%(count)s %(kind)s med likalydande svar, %(names)s")
            % {
                "count": count_word(len(inside)),
                "kind": plural({m.get("kind", "") for m in inside}),
                "names": _("bl.a. %(names)s") % {"names": join_names([reference(m, numbers) for m in inside[:2]])},
            }
        )
    singles = [m for m in members if m["organisation"] not in taken]
    if len(singles) <= NAMED_IN_THEME:
        units += [reference(m, numbers) for m in singles]
    else:
        units.append(
            _("%(count)s %(kind)s, %(names)s")
            % {
                "count": count_word(len(singles)),
                "kind": plural({m.get("kind", "") for m in singles}),
                "names": some_of(singles, numbers, NAMED_IN_THEME),
            }
        )
    text = join_names(units)
    for part in campaign_parts:  # "A, B samt sex kommuner med likalydande svar, bl.a. C och D"
        if text:
            text += ("," if "bl.a." in text else "") + _(" samt ")
        text += part
    if "bl.a." in (campaign_parts or units or [""])[-1]:  # "Fem kommuner, bl.a. A och B, pekar på …"
        text += ","
    return text[:1].upper() + text[1:]


def usable_quote(text: str, names: list[str]) -> str:
    text = " ".join((text or "").split())
    if not text or is_stance_only(text, name_words(*names)):
        return ""
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1].rstrip() + "…"


def theme_quote(theme: dict, used: set[str]) -> str:
    """The strongest verbatim quote of a theme (its key quote, else the first other one) that is more
    than a stance and not already quoted in this paragraph."""
    names = [m["organisation"] for m in theme["members"]]
    for candidate in [theme.get("key_quote", "")] + [q for m in theme["members"] for q in m.get("quotes", [])]:
        quote = usable_quote(candidate, names)
        if quote and quote not in used:
            used.add(quote)
            return quote
    return ""


def as_clause(label: str) -> str:
    """The label inside a sentence: its first letter in lower case unless the first word is an acronym."""
    label = label.strip().rstrip(".")
    if label[:4].casefold() == "att ":  # "pekar på att att göra …" reads "pekar på att göra …"
        label = label[4:]
    first = label.split(" ", 1)[0]
    if len(first) > 1 and first[1:].isupper() or not label:
        return label
    return label[:1].lower() + label[1:]


def theme_sentence(
    theme: dict, *, special: set[int], campaigns: list[set[str]], numbers: dict[int, int], used: set[str]
) -> str:
    subject = who(theme["members"], special=special, campaigns=campaigns, numbers=numbers)
    many = len(theme["members"]) > 1
    verb = _("pekar på att") if many else _("anför att")
    sentence = f"{subject} {verb} {as_clause(theme['label'])}"
    quote = theme_quote(theme, used)
    return f"{sentence}: ”{quote}”" if quote else f"{sentence}."


def theme_sentences(
    themes: list[dict], *, special: set[int], campaigns: list[set[str]], numbers: dict[int, int]
) -> list[str]:
    used: set[str] = set()
    ordered_themes = sorted(themes, key=lambda t: (not t.get("key"), -len(t["members"])))
    return [
        theme_sentence(t, special=special, campaigns=campaigns, numbers=numbers, used=used)
        for t in ordered_themes
        if t["members"]
    ]
