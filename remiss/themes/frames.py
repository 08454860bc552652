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
        "merkostnad", "kompenser", "underfinansier", "bekosta", "kronor", "intäkt", "lönsam",
    ),
    "avgifter": ("taxa", "taxor", "avgift", "boendekostnad", "hushåll", "abonnent"),
    "personal": (
        "personal", "rekryt", "bemann", "kompetens", "anställ", "medarbetar", "arbetsgivar",
        "yrke", "arbetsvillkor", "villkor", "arbetskraft", "vakans", "vikarie",
    ),
    "tid": (
        "ikraftträd", "tidplan", "tidsplan", "övergångs", "senarelägg", "skjuts upp", "förbereda",
        "hinna", "hinner", "införande", "stegvis", "gradvis", "snäv", "tidpunkt", "orealistisk", "för kort",
        "tidsfrist", "tidsram", "för tidigt", "i tid", "genomförandetid", "omställningstid", "anpassningstid",
        "förberedelsetid",
    ),
    "ansvar": (
        "ansvar", "gränsdragning", "roll", "samordn", "huvudmannaskap", "stolarna", "otydlig", "oklar",
        "förtydlig", "tydliggör", "tydligare", "gränsen", "mandat", "huvudman",
    ),
    "integritet": (
        "integritet", "personuppgift", "dataskydd", "känslig", "intrång", "sekretess", "säkerhet",
        "kryptering", "obehörig", "offentliggör", "tillgängliga", "gdpr", "registrer", "samkör",
        "behörighet", "övervakning", "profilering", "röja", "röjs", "röjas",
    ),
    "utsatta": (
        "äldre", "funktionsnedsättning", "utanförskap", "klyfta", "utsatt", "nyanlända", "jämlik",
        "utanför",
    ),
    "barn": ("barn", "unga", "ungdom", "elever", "barnrätt", "barnkonvention", "barnets bästa"),
    "delaktighet": (
        "delaktig", "komma till tals", "inflytande", "samråd", "konsultation", "dialog", "medbestämmande",
        "sin röst", "lyssna", "förankr",
    ),
    "vagledning": ("vägledning", "föreskrift", "mallar", "stödmaterial", "handbok", "vägleda", "metodstöd"),
    "kunskap": ("kunskap", "utbildning", "fortbild", "utbilda", "kompetensutveckl", "kännedom"),
    "glesbygd": (
        "glesbygd", "avstånd", "landsbygd", "inland", "kollektivtrafik", "långa avstånd", "landsdel", "norrland",
        "storstad", "storstäder", "regionala skillnader", "lokala förutsättningar", "olika förutsättningar",
        "geografisk", "mindre orter",
    ),
    "storlek": (
        "små kommuner", "mindre kommuner", "små företag", "småföretag", "mindre företag", "mindre arbetsgivare",
        "små arbetsgivare", "små aktörer", "mindre aktörer", "små organisationer", "liten kommun",
        "invånarantal", "få invånare", "få anställda", "storlek", "näringsidkare", "mindre verksamhet",
    ),
    "administration": (
        "administrat", "rapportering", "dokumentation", "börda", "merarbete", "uppgiftslämn", "byråkrati",
        "regelkrångel", "krångl", "pappersarbete", "blankett", "tidskrävande", "arbetsinsats", "formalia",
        "dokumenter",
    ),
    "rattssakerhet": (
        "rättssäker", "förutsebar", "legalitet", "proportioneri", "rättighet", "överklag", "överpröv",
        "ompröv", "motiver", "förvaltningslag", "rättsskydd", "godtyck", "likabehandl", "dubbelbestraff",
        "ne bis in idem", "europakonvention", "domstol",
    ),
    "proportion": ("proportion", "rimlig", "för höga", "för högt", "långtgående", "ingripande", "överdriv"),
    "tillsyn": (
        "tillsyn", "kontroll", "inspekt", "efterlev", "sanktion", "ingrip", "föreläggande", "vite",
        "uppföljning", "granskning",
    ),
    "eu": (
        "direktiv", "eu-rätt", "unionsrätt", "eu:s", "överimplement", "minimiregl", "minimikrav",
        "miniminivå", "medlemsstat", "eu-domstol", "unionen",
    ),
    "begrepp": (
        "definition", "definier", "begrepp", "avgräns", "tillämpningsområde", "innebörd", "precisera",
        "vad som avses", "vad som menas", "omfattas",
    ),
    "sjalvstyre": (
        "självstyr", "självbestämmande", "planmonopol", "lokal demokrati", "lokala demokrati", "demokratisk",
        "förtroendevald", "folkvald", "lokalt inflytande", "detaljstyr", "statlig styrning",
    ),
    "natur": (
        "naturmiljö", "naturvärd", "biologisk mångfald", "artskydd", "arter", "ekosystem", "miljöpåverkan",
        "miljökonsekvens", "djurliv", "livsmiljö", "våtmark", "skyddsvärd", "fåglar", "fågel", "vilt",
    ),
    "halsa": (
        "buller", "bullr", "störning", "störande", "olägenhet", "sömn", "hälsa", "hälso", "lukt", "damm",
        "vibration", "ohälsa", "välbefinnande",
    ),
    "jamstalldhet": (
        "jämställd", "kvinnor", " män ", "kön", "diskriminer", "lönegap", "löneskillnad", "lika lön",
        "kvinnodominer", "mansdominer",
    ),
    "analys": (
        "konsekvensanalys", "konsekvenser", "analys", "underlag", "utredd", "beräkning", "underskatt",
        "kunskapsunderlag", "inventer", "utvärder", "konsekvensbeskrivning", "konsekvensbedömning",
    ),
    "valmaende": ("motivation", "vila", "återhämtning", "fritid", "tvång", "straff"),
    "sprak": ("minoritet", "samiska", "meänkieli", "språk", "finska"),
    "klimat": ("klimat", "skyfall", "översvämning", "nederbörd", "dagvatten"),
    "kontinuitet": ("kontinuitet", "samma personal", "samma team", "trygghet", "fler olika"),
    "information": (
        "informationsöverför", "journal", "it-system", "systemstöd", "digital", "system", "it-stöd",
        "leverantör", "gränssnitt", "teknisk", "informationsutbyte", "integration", "e-tjänst", "automatiser",
        "algoritm",
    ),
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
