"""Argument frames: the recurring kinds of argument in Swedish remissvar, as word roots.

A root matches a word that starts with it; a root of six letters or more also matches inside a
word, so compounds are caught ("underfinansierat", "kompetensförsörjningen"). Roots of several
words match the text as it stands. The frames are deliberately general (money, staff, time, roles,
privacy, ...) rather than tied to one consultation.
"""

from __future__ import annotations

from functools import lru_cache

from .text import words

# fmt: off
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
    "glesbygd": ("glesbygd", "avstånd", "landsbygd", "inland", "kollektivtrafik", "långa avstånd"),
    "administration": ("administrat", "rapportering", "dokumentation", "börda", "merarbete", "uppgiftslämn"),
    "rattssakerhet": ("rättssäker", "förutsebar", "legalitet", "proportioneri", "rättighet"),
    "analys": ("konsekvensanalys", "konsekvenser", "analys", "underlag", "utredd", "beräkning", "underskatt"),
    "valmaende": ("barnkonvention", "motivation", "vila", "återhämtning", "fritid", "tvång", "straff"),
    "sprak": ("minoritet", "samiska", "meänkieli", "språk", "finska"),
    "klimat": ("klimat", "skyfall", "översvämning", "nederbörd", "dagvatten"),
    "kontinuitet": ("kontinuitet", "samma personal", "samma team", "trygghet", "fler olika"),
    "information": ("informationsöverför", "journal", "it-system", "systemstöd", "digital"),
}
# fmt: on


def frame_counts(text: str) -> list[float]:
    """One count per frame (how many of its roots occur), in the order of FRAMES."""
    lower = text.lower()
    hits: set[tuple[int, str]] = set()
    for token in words(text):
        hits |= _token_roots(token)
    counts = [0.0] * len(FRAMES)
    for frame, _ in hits:
        counts[frame] += 1
    for frame, root in _PHRASES:
        if root in lower:
            counts[frame] += 1
    return counts


@lru_cache(maxsize=100_000)
def _token_roots(token: str) -> frozenset[tuple[int, str]]:
    """The single-word roots a word matches, as (frame index, root)."""
    return frozenset(
        (frame, root)
        for frame, roots in enumerate(FRAMES.values())
        for root in roots
        if " " not in root and (root in token if len(root) >= 6 else token.startswith(root))
    )


_PHRASES = [(frame, root) for frame, roots in enumerate(FRAMES.values()) for root in roots if " " in root]
