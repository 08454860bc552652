"""Plain data for the API, read through the shared public rules (``opendata.selectors.answers``)."""

from __future__ import annotations

from django.db.models import Max
from django.urls import reverse

from opendata.selectors.answers import PublicAnswer, public_answers
from remiss import permissions
from remiss.models import Remiss, Stance
from remiss.selectors import progress

STANCE_LABELS = dict(Stance.choices)


def organisation(org) -> dict:
    return {"id": org.pk, "name": org.name, "kind": org.kind, "county": org.county, "code": org.code}


def remiss_summary(remiss: Remiss) -> dict:
    return {
        "id": remiss.pk,
        "reference": remiss.reference,
        "title": remiss.title,
        "ministry": remiss.ministry.name,
        "status": remiss.status,
        "published_at": remiss.published_at,
        "deadline": remiss.deadline,
        "url": reverse("public:detail", args=[remiss.pk]),
        "api_url": reverse("api-v1:remiss", args=[remiss.pk]),
    }


def remiss_detail(remiss: Remiss) -> dict:
    sections = remiss.sections.prefetch_related("proposals__section")
    return {
        **remiss_summary(remiss),
        "missive": remiss.missive,
        "reports": remiss.reports or [],
        "sections": [
            {
                "id": s.pk,
                "number": s.number,
                "title": s.title,
                "proposals": [
                    {"id": p.pk, "label": p.label, "kind": p.kind, "text": p.text} for p in s.proposals.all()
                ],
            }
            for s in sections
        ],
        "remisslista": [
            {"organisation": organisation(row.organisation), "status": row.state, "status_label": row.public_label}
            for row in progress.recipient_progress(remiss)
        ],
        "answers_public": permissions.answers_are_public(remiss),
        "answers_url": reverse("api-v1:answers", args=[remiss.pk]),
        "summary_url": reverse("opendata:summary", args=[remiss.pk]),
        "download_url": reverse("api-v1:download", args=[remiss.pk]),
    }


def answer(remiss: Remiss, item: PublicAnswer) -> dict:
    """One public answer as published: a redacted answer keeps its stances but none of its text."""
    s, submission = item.snapshot, item.submission
    hidden = item.redacted
    receipt = getattr(submission, "receipt", None)
    return {
        "id": submission.pk,
        "organisation": organisation(item.organisation),
        "version": submission.number,
        "submitted_at": submission.submitted_at,
        "is_late": submission.is_late,
        "declined": submission.declined,
        "redacted": hidden,
        "summary": None if hidden else s.get("summary", ""),
        "general_comments": None if hidden else s.get("general_comments", ""),
        "stances": [
            {
                "proposal_id": a["proposal_id"],
                "label": a.get("label", ""),
                "stance": a.get("stance") or None,
                "stance_label": str(STANCE_LABELS.get(a.get("stance"), "")),
                "comment": None if hidden else a.get("comment", ""),
            }
            for a in ([] if submission.declined else s.get("answers", []))
        ],
        "receipt_sha256": receipt.sha256 if receipt else None,
        "pdf_url": reverse("public:answer_pdf", args=[remiss.pk, submission.pk]) if submission.pdf else None,
        "html_url": reverse("opendata:answer", args=[remiss.pk, submission.pk]),
    }


def answers(remiss: Remiss) -> list[PublicAnswer]:
    return public_answers(remiss)


def answers_changed_at(remiss: Remiss, items: list[PublicAnswer]):
    """Last-Modified of the answer list: the newest submission or publication change."""
    moments = [remiss.updated_at]
    for item in items:
        moments.append(item.submission.submitted_at)
        if item.web is not None:
            moments.append(item.web.updated_at)
    return max(moments)


def remisser_changed_at():
    return permissions.public_remisser().aggregate(latest=Max("updated_at"))["latest"]


def theme_analysis(remiss: Remiss) -> dict | None:
    """The published theme analysis ("Vad hände med synpunkterna?"), or None before publication."""
    from remiss.selectors import themes as theme_reads

    analysis = theme_reads.analysis(remiss)
    if analysis is None or analysis.published_at is None:
        return None
    return {
        "remiss": remiss.pk,
        "published_at": analysis.published_at,
        "url": reverse("public:analysis", args=[remiss.pk]),
        "proposals": [
            {
                "id": item.proposal.pk,
                "label": item.proposal.label,
                "text": item.proposal.text,
                "ministry_comment": item.comment,
                "themes": [
                    {
                        "label": theme.label,
                        "key": theme.key,
                        "polarity": theme.polarity,
                        "key_quote": theme.key_quote,
                        "organisations": [{"id": m.organisation_id, "name": m.organisation} for m in theme.members],
                    }
                    for theme in item.themes
                ],
            }
            for item in theme_reads.public_analysis(remiss)
        ],
    }
