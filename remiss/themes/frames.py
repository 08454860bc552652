"""Argument frames: the recurring kinds of argument in Swedish remissvar, as word roots.

A root matches any word that contains it, so compounds are caught ("underfinansierat",
"kompetensförsörjningen"). The frames are deliberately general (money, staff, time, roles,
privacy, ...) rather than tied to one consultation.
"""

from __future__ import annotations

FRAMES: dict[str, tuple[str, ...]] = {
    "ekonomi": (
        "finansier", "kostnad", "kostsam", "ersätt", "statsbidrag", "bidrag", "anslag", "budget",
        "ekonomi", "pengar", "betala", "betalar", "investering", "resurs", "skatteväxl", "medfinansier",
        "merkostnad", "kompenser", "underfinansier", "bekosta",
    ),
    "avgifter": ("taxa", "taxor", "avgift", "boendekostnad", "hushåll", "abonnent"),
    "personal": (
        "personal", "rekryt", "bemann", "kompetens", "anställ", "medarbetar", "arbetsgivar",
        "yrke", "arbetsvillkor", "villkor",
    ),
    "tid": (
        "ikraftträd", "tidplan", "tidsplan", "övergångs", "senarelägg", "skjuts upp", "förbereda",
        "hinna", "hinner", "införande", "stegvis", "gradvis", "snäv", "tidpunkt", "orealistisk", "för kort",
    ),
    "ansvar": (
        "ansvar", "gränsdragning", "roll", "samordn", "huvudmannaskap", "stolarna", "otydlig", "oklar",
        "förtydlig", "tydliggör", "tydligare", "gränsen",
    ),
    "integritet": (
        "integritet", "personuppgift", "dataskydd", "känslig", "intrång", "sekretess", "säkerhet",
        "kryptering", "obehörig", "offentliggör", "tillgängliga",
    ),
    "utsatta": (
        "äldre", "funktionsnedsättning", "utanförskap", "klyfta", "utsatt", "nyanlända", "jämlik",
        "utanför",
    ),
    "vagledning": ("vägledning", "föreskrift", "mallar", "stödmaterial", "handbok", "vägleda"),
    "glesbygd": ("glesbygd", "avstånd", "landsbygd", "inland", "mil ", "kollektivtrafik"),
    "administration": ("administrat", "rapportering", "dokumentation", "börda", "merarbete", "uppgiftslämn"),
    "rattssakerhet": ("rättssäker", "förutsebar", "legalitet", "proportioneri", "rättighet"),
    "analys": ("konsekvensanalys", "konsekvenser", "analys", "underlag", "utredd", "beräkning", "underskatt"),
    "barn": ("barn", "elev", "unga", "ungdom", "motivation", "vila", "återhämtning"),
    "sprak": ("minoritet", "samiska", "meänkieli", "språk", "finska"),
    "klimat": ("klimat", "skyfall", "översvämning", "nederbörd", "dagvatten"),
    "kontinuitet": ("kontinuitet", "samma personal", "samma team", "trygghet", "fler olika"),
    "information": ("informationsöverför", "journal", "it-system", "systemstöd", "digital"),
}


def frame_counts(text: str) -> list[float]:
    """One count per frame, in the order of FRAMES."""
    lower = f" {text.lower()} "
    return [float(sum(lower.count(root) > 0 for root in roots)) for roots in FRAMES.values()]
