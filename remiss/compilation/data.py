"""Which submitted answers a compilation includes, and the figures drawn from their snapshots.

Only ``Submission.snapshot`` is read for answer content (never the live Response/Answer rows): the
compilation shows exactly what each organisation submitted. Per response the newest submission counts
(``remiss.selectors``, the same one the progress page shows, also while its PDF renders: the appendix
then holds a stand-in from the snapshot); a declined submission counts as "avstått".

``build_figures`` is a pure function of plain data so the benchmark and the chunk renderers can use
it without a database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrganisationKind
from remiss import selectors
from remiss.models import Proposal, Recipient, Remiss, Stance, Submission

from .paragraphs import draft_paragraph
from .theme_text import theme_quote, who

STANCE_ORDER = [Stance.SUPPORTS.value, Stance.PARTLY.value, Stance.OPPOSES.value, Stance.NO_VIEW.value, ""]
NOT_ANSWERED = "none"  # the key used for "" (ej besvarad) in figures

# A recipient's status in the remisslista; stored in the figures, so in English like every stored value.
STATUS_ANSWERED = selectors.ANSWERED
STATUS_DECLINED = selectors.DECLINED
STATUS_MISSING = "missing"
STATUS_LATE = selectors.LATE

DEFAULT_PARAMS: dict[str, Any] = {"sections": [], "kinds": [], "counties": [], "appendix": True, "include_late": True}


def section_name(section: dict) -> str:
    """ "7.1.1 En samlad styrning": a section's number and title as headings and sheets show them."""
    return f"{section['number']} {section['title']}".strip()


def status_labels() -> dict[str, str]:
    return {
        STATUS_ANSWERED: _("Svarat"),
        STATUS_DECLINED: _("Avstått"),
        STATUS_MISSING: _("Ej svarat"),
        STATUS_LATE: _("Inkommit för sent"),
    }


def stance_labels() -> dict[str, str]:
    labels = {value: str(label) for value, label in Stance.choices}
    labels[NOT_ANSWERED] = _("Ej besvarad")
    return labels


def normalise_params(raw: dict | None) -> dict[str, Any]:
    raw = raw or {}
    return {
        "sections": sorted({int(x) for x in raw.get("sections") or []}),
        "kinds": sorted({str(x) for x in raw.get("kinds") or []}),
        "counties": sorted({str(x) for x in raw.get("counties") or []}),
        "appendix": bool(raw.get("appendix", True)),
        "include_late": bool(raw.get("include_late", True)),
    }


def sort_key(name: str) -> str:
    """Swedish alphabetical order (å ä ö after z)."""
    return name.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"}))


# --- Database reads ------------------------------------------------------------------------------


def recipients_in_scope(remiss: Remiss, params: dict) -> list[Recipient]:
    """Recipients of the chosen kinds AND in the chosen counties (an empty filter lets everyone through;
    within one filter any chosen value matches): kinds ["kommun"] + counties ["Skåne län"] gives the
    kommuner in Skåne."""
    qs = Recipient.objects.filter(remiss=remiss).select_related("organisation")
    if params["kinds"]:
        qs = qs.filter(organisation__kind__in=params["kinds"])
    if params["counties"]:
        qs = qs.filter(organisation__county__in=params["counties"])
    return sorted(qs, key=lambda r: sort_key(r.organisation.name))


def is_included(*, is_late: bool, include_late: bool) -> bool:
    """Whether a submission counts: late ones (answers and declines alike) only with "include late"."""
    return include_late or not is_late


def counted_submissions(remiss: Remiss, params: dict) -> list[Submission]:
    """The submissions a compilation with these params includes (declined ones too)."""
    params = normalise_params(params)
    latest = selectors.newest_by_recipient(remiss)
    result = []
    for recipient in recipients_in_scope(remiss, params):
        submission = latest.get(recipient.pk)
        if submission and is_included(is_late=submission.is_late, include_late=params["include_late"]):
            result.append(submission)
    return result


def proposal_rows(remiss: Remiss, params: dict) -> list[dict]:
    qs = Proposal.objects.filter(remiss=remiss).select_related("section")
    if params["sections"]:
        qs = qs.filter(section_id__in=params["sections"])
    kinds = dict(Proposal._meta.get_field("kind").choices)
    return [
        {
            "id": p.pk,
            "label": p.label,
            "section_id": p.section_id,
            "section_number": p.section.number,
            "section_title": p.section.title,
            "kind": str(kinds.get(p.kind, p.kind)),
            "text": p.text,
        }
        for p in qs
    ]


def scope_lines(remiss: Remiss, params: dict) -> list[str]:
    from remiss.models import Section

    lines = []
    if params["sections"]:
        names = [str(s) for s in Section.objects.filter(remiss=remiss, pk__in=params["sections"])]
        lines.append(_("Avsnitt: %(list)s") % {"list": ", ".join(names)})
    else:
        lines.append(_("Alla avsnitt"))
    kinds = dict(OrganisationKind.choices)
    if params["kinds"]:
        lines.append(
            _("Typ av remissinstans: %(list)s") % {"list": ", ".join(str(kinds.get(k, k)) for k in params["kinds"])}
        )
    if params["counties"]:
        lines.append(_("Län: %(list)s") % {"list": ", ".join(params["counties"])})
    if not (params["kinds"] or params["counties"]):
        lines.append(_("Alla remissinstanser"))
    lines.append(_("Med svar som kom in för sent") if params["include_late"] else _("Utan svar som kom in för sent"))
    lines.append(_("Med bilaga med fullständiga svar") if params["appendix"] else _("Utan bilaga"))
    return lines


def gather(remiss: Remiss, params: dict, *, now: dt.datetime | None = None) -> dict:
    """All figures for one compilation, as plain JSON-serialisable data."""
    params = normalise_params(params)
    latest = selectors.newest_by_recipient(remiss)
    public = selectors.public_answer_recipients(remiss)
    rows = []
    for recipient in recipients_in_scope(remiss, params):
        submission = latest.get(recipient.pk)
        org = recipient.organisation
        rows.append(
            {
                "organisation": {
                    "id": org.pk,
                    "name": org.name,
                    "kind": org.kind,
                    "county": org.county,
                    "public": recipient.pk in public,
                },
                "submission": None
                if submission is None
                else {
                    "id": submission.pk,
                    "number": submission.number,
                    "submitted_at": submission.submitted_at.isoformat(),
                    "is_late": submission.is_late,
                    "declined": submission.declined,
                    "pdf": submission.pdf.name,
                    "page_count": submission.page_count,
                    "snapshot": submission.snapshot,
                },
            }
        )
    info = {
        "id": remiss.pk,
        "title": remiss.title,
        "reference": remiss.reference,
        "ministry": remiss.ministry.name,
        "deadline": remiss.deadline.isoformat() if remiss.deadline else "",
    }
    from remiss.models import DraftEdit
    from remiss.selectors import themes as theme_reads

    from .paragraph_edits import apply_edits

    edits = {e.proposal_id: e for e in DraftEdit.objects.filter(proposal__remiss=remiss)}
    return apply_edits(
        build_figures(
            remiss=info,
            proposals=proposal_rows(remiss, params),
            rows=rows,
            params=params,
            scope=scope_lines(remiss, params),
            now=now or timezone.now(),
            themes=theme_reads.compilation_themes(remiss),
            special=theme_reads.special_ids(remiss),
        ),
        edits,
    )


# --- Pure figures --------------------------------------------------------------------------------


def recipient_status(submission: dict | None, *, include_late: bool) -> str:
    """Svarat / avstått / ej svarat / inkommit för sent. A late decline counts as "avstått" when
    late answers are included, and as "inkommit för sent" when they are left out."""
    if submission is None:
        return STATUS_MISSING
    if submission["declined"] and is_included(is_late=submission["is_late"], include_late=include_late):
        return STATUS_DECLINED
    return STATUS_LATE if submission["is_late"] else STATUS_ANSWERED


def build_figures(
    *,
    remiss: dict,
    proposals: list[dict],
    rows: list[dict],
    params: dict,
    scope: list[str],
    now: dt.datetime,
    themes: dict[int, list[dict]] | None = None,
    special: set[int] | None = None,
) -> dict:
    """``themes``: per proposal id its themes (``selectors.themes.compilation_themes``); ``special``:
    the ids of the särskilt berörda organisations."""
    from remiss.selectors.duplicates import group_texts, snapshot_text

    statuses = status_labels()
    recipients, answers, status_counts, by_proposal = _tally(rows, proposals, params, statuses)
    texts = {r["organisation"]["name"]: snapshot_text(r["submission"]["snapshot"]) for r in rows if _counted(r, params)}
    duplicates = group_texts(texts)
    context = {
        "special": set(special or ()),
        "campaigns": [set(g.members) for g in duplicates],
        # The answer's number in the appendix, which follows the order of ``answers``.
        "numbers": {a["organisation_id"]: n for n, a in enumerate(answers, start=1)} if params["appendix"] else {},
    }
    in_scope = {a["organisation_id"] for a in answers if not a["declined"]}
    return {
        "remiss": remiss,
        "params": params,
        "scope": scope,
        "duplicate_groups": [{"size": g.size, "members": list(g.members)} for g in duplicates],
        "text_chapters": text_chapters(rows, params),
        "generated_at": timezone.localtime(now).strftime("%Y-%m-%d %H:%M"),
        "generated_date": timezone.localtime(now).strftime("%Y-%m-%d"),
        "recipients": recipients,
        "status_counts": [{"status": k, "label": statuses[k], "n": v} for k, v in status_counts.items()],
        "sections": _sections(proposals, by_proposal, _scoped_themes(themes or {}, in_scope), context),
        "answers": answers,
        "answer_count": sum(1 for a in answers if not a["declined"]),
        "declined_count": sum(1 for a in answers if a["declined"]),
    }


def _tally(rows: list[dict], proposals: list[dict], params: dict, statuses: dict[str, str]):
    """Per recipient its status row; per included submission its answer row; per proposal the
    comments grouped by stance (declined answers have none)."""
    kinds = {k: str(v) for k, v in OrganisationKind.choices}
    recipients, answers = [], []
    status_counts = {key: 0 for key in statuses}
    by_proposal: dict[int, dict[str, list[dict]]] = {p["id"]: {} for p in proposals}
    for row in sorted(rows, key=lambda r: sort_key(r["organisation"]["name"])):
        org, sub = row["organisation"], row["submission"]
        status = recipient_status(sub, include_late=params["include_late"])
        status_counts[status] += 1
        included = sub is not None and is_included(is_late=sub["is_late"], include_late=params["include_late"])
        document = bool(sub and sub["snapshot"].get("source") == "document")  # "inkommit som dokument"
        other = bool(sub) and is_other(org, sub["snapshot"])
        recipients.append(
            {
                "name": org["name"],
                "kind": kinds.get(org["kind"], org["kind"]),
                "county": org["county"],
                "status": status,
                "status_label": statuses[status],
                "submitted_at": _local_date(sub["submitted_at"]) if sub else "",
                "included": included,
                "document": document,
                "other": other,
            }
        )
        if not included:
            continue
        answers.append(
            {
                "submission_id": sub["id"],
                "organisation": org["name"],
                "organisation_id": org["id"],
                "number": sub["number"],
                "submitted_at": _local_date(sub["submitted_at"]),
                "declined": sub["declined"],
                "is_late": sub["is_late"],
                "pdf": sub.get("pdf", ""),
                "document": document,
            }
        )
        if not sub["declined"]:
            _group_comments(by_proposal, org, sub["snapshot"], document, other)
    return recipients, answers, status_counts, by_proposal


def is_other(org: dict, snapshot: dict) -> bool:
    """Övriga: an answer given on "Lämna synpunkter" (a form answer, or a file read as a document)."""
    return snapshot.get("source") == "public" or bool(org.get("public"))


def _group_comments(
    by_proposal: dict[int, dict[str, list[dict]]], org: dict, snapshot: dict, document: bool, other: bool
) -> None:
    snap_answers = {a["proposal_id"]: a for a in snapshot.get("answers", [])}
    for proposal_id, groups in by_proposal.items():
        answer = snap_answers.get(proposal_id)
        stance = (answer or {}).get("stance") or NOT_ANSWERED
        groups.setdefault(stance, []).append(
            {
                "organisation": org["name"],
                "organisation_id": org["id"],
                "comment": ((answer or {}).get("comment") or "").strip(),
                "document": document,
                "other": other,
                "kind": org["kind"],
            }
        )


def _scoped_themes(themes: dict[int, list[dict]], in_scope: set[int]) -> dict[int, list[dict]]:
    """The themes with only the members this compilation includes; themes left without any dropped."""
    result = {}
    for proposal_id, items in themes.items():
        kept = []
        for theme in items:
            members = [m for m in theme["members"] if m["organisation_id"] in in_scope]
            if members:
                kept.append({**theme, "members": members})
        result[proposal_id] = kept
    return result


def _theme_rows(themes: list[dict], context: dict) -> list[dict]:
    """What a proposal's chapter shows per theme: its label, who raised it, its key quote."""
    rows = []
    for theme in themes:
        quote = theme_quote(theme, set())
        rows.append(
            {
                "label": theme["label"],
                "key": theme.get("key", False),
                "who": who(theme["members"], **context).rstrip(","),
                "quote": quote,
                "organisations": [m["organisation"] for m in theme["members"]],
            }
        )
    return rows


def _sections(
    proposals: list[dict], by_proposal: dict[int, dict[str, list[dict]]], themes: dict[int, list[dict]], context: dict
) -> list[dict]:
    """The proposals in their sections, each with its stance counts (and shares), comment groups,
    themes and drafted paragraph."""
    stances = stance_labels()
    order = [s or NOT_ANSWERED for s in STANCE_ORDER]
    sections: list[dict] = []
    for proposal in proposals:
        groups = by_proposal[proposal["id"]]
        counts = [{"stance": s, "label": stances[s], "n": len(groups.get(s, []))} for s in order]
        total = sum(c["n"] for c in counts)
        for c in counts:
            c["percent"] = round(100 * c["n"] / total) if total else 0
        item = {
            **proposal,
            "counts": counts,
            "total": total,
            "draft": draft_paragraph(groups, themes=themes.get(proposal["id"]), **context),
            "themes": _theme_rows(themes.get(proposal["id"], []), context),
            "groups": [{"stance": s, "label": stances[s], "entries": groups[s]} for s in order if groups.get(s)],
        }
        if not sections or sections[-1]["id"] != proposal["section_id"]:
            sections.append(
                {
                    "id": proposal["section_id"],
                    "number": proposal["section_number"],
                    "title": proposal["section_title"],
                    "proposals": [],
                }
            )
        sections[-1]["proposals"].append(item)
    return sections


def text_chapters(rows: list[dict], params: dict) -> list[dict]:
    """Chapters of free text from the included answers: sammanfattningar, generella synpunkter and
    one per consequence question, each entry under its organisation (marked when it came as a
    document). Chapters without any text are left out."""
    chapters = {"summary": [], "general": []}
    consequence_titles: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: sort_key(r["organisation"]["name"])):
        if not _counted(row, params):
            continue
        org, snapshot = row["organisation"], row["submission"]["snapshot"]
        entry = {
            "organisation": org["name"],
            "organisation_id": org["id"],
            "kind": org["kind"],
            "document": snapshot.get("source") == "document",
            "other": is_other(org, snapshot),
        }
        for key, field in (("summary", "summary"), ("general", "general_comments")):
            if (snapshot.get(field) or "").strip():
                chapters[key].append({**entry, "comment": snapshot[field].strip()})
        for consequence in snapshot.get("consequences") or []:
            consequence_titles.setdefault(consequence["key"], consequence["label"])
            if (consequence.get("text") or "").strip():
                chapters.setdefault(f"consequence:{consequence['key']}", []).append(
                    {**entry, "comment": consequence["text"].strip()}
                )
    titles = {"summary": _("Sammanfattningar"), "general": _("Generella synpunkter")}
    for key, label in consequence_titles.items():
        titles[f"consequence:{key}"] = _("Konsekvenser: %(label)s") % {"label": label}
    return [{"key": key, "title": titles[key], "entries": entries} for key, entries in chapters.items() if entries]


def _counted(row: dict, params: dict) -> bool:
    sub = row["submission"]
    return (
        bool(sub) and not sub["declined"] and is_included(is_late=sub["is_late"], include_late=params["include_late"])
    )


def _local_date(iso: str) -> str:
    value = dt.datetime.fromisoformat(iso)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")
