"""Before submission: what looks unfinished in an answer, and a preview of its exact PDF.

The warnings do not block submission (``remiss.workflow.missing_for_submission`` does that for
the decision); the approver reads them, follows their links and may knowingly submit anyway.
The preview is rendered from the same snapshot and template as the submitted PDF, only marked
as a preview, so what the approver reads is what the ministry receives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from remiss import workflow
from remiss.models import Proposal, Response

# "[Texten kompletteras …]", "TODO", "XX", "kompletteras" — text that reads as not yet written.
PLACEHOLDER = re.compile(r"\[[^\]\n]{0,200}\]|\bTODO\b|\bXXX*\b|kompletteras", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Warning:
    """One kind of unfinished part: a Swedish message and links to where to fix it."""

    kind: str  # unanswered | placeholder | task | attachment
    message: str
    links: list[Link] = field(default_factory=list)


def _placeholder(text: str) -> str | None:
    match = PLACEHOLDER.search(text or "")
    return match.group(0)[:60] if match else None


def _text_parts(response: Response, proposals: list[Proposal], answers: dict, form_url: str):
    """(label, anchor url, text) for every free-text part of the answer, in form order."""
    yield _("Sammanfattning"), f"{form_url}#del-sammanfattning", response.summary
    yield _("Generella synpunkter"), f"{form_url}#del-generella", response.general_comments
    for proposal in proposals:
        answer = answers.get(proposal.pk)
        if answer and answer.comment:
            label = _("%(kind)s %(label)s") % {"kind": proposal.get_kind_display(), "label": proposal.label}
            yield label, f"{form_url}#p-{proposal.pk}", answer.comment
    consequences = response.consequences or {}
    for key, label in response.recipient.remiss.consequence_labels():
        yield str(label), f"{form_url}#del-konsekvenser", consequences.get(key, "")


def _task_link(assignment, form_url: str) -> Link:
    """To the assigned part of the form (every member sees it there), named with the assignee."""
    if assignment.proposal_id:
        part, anchor = assignment.proposal.label, f"p-{assignment.proposal_id}"
    else:
        part, anchor = f"{assignment.section.number} {assignment.section.title}".strip(), f"s-{assignment.section_id}"
    return Link(f"{assignment.assignee.get_full_name()}: {part}", f"{form_url}#{anchor}")


def completeness_warnings(response: Response) -> list[Warning]:
    """Unanswered proposals, placeholder-like text, open tasks and attachments without a title of
    their own. A handful of queries whatever the number of proposals."""
    form_url = reverse("respondent:form", args=[response.pk])
    proposals = list(
        Proposal.objects.filter(remiss_id=response.recipient.remiss_id)
        .select_related("section")
        .order_by("section__position", "section_id", "position", "id")
    )
    answers = {a.proposal_id: a for a in response.answers.all()}
    warnings: list[Warning] = []

    unanswered = [p for p in proposals if not (answers.get(p.pk) and answers[p.pk].stance)]
    if unanswered:
        message = ngettext(
            "%(n)s av %(total)s förslag saknar ställningstagande. De skrivs ut som ”Ej besvarad”.",
            "%(n)s av %(total)s förslag saknar ställningstagande. De skrivs ut som ”Ej besvarad”.",
            len(unanswered),
        ) % {"n": len(unanswered), "total": len(proposals)}
        links = [Link(f"{p.get_kind_display()} {p.label}", f"{form_url}#p-{p.pk}") for p in unanswered]
        warnings.append(Warning("unanswered", message, links))

    placeholders = []
    for label, url, text in _text_parts(response, proposals, answers, form_url):
        found = _placeholder(text)
        if found:
            placeholders.append(Link(_("%(part)s: ”%(text)s”") % {"part": label, "text": found}, url))
    if placeholders:
        message = ngettext(
            "%(n)s del innehåller text som ser ut att vara en platshållare eller ett utkast.",
            "%(n)s delar innehåller text som ser ut att vara platshållare eller utkast.",
            len(placeholders),
        ) % {"n": len(placeholders)}
        warnings.append(Warning("placeholder", message, placeholders))

    open_tasks = list(
        response.assignments.filter(done_at__isnull=True).select_related("assignee", "section", "proposal")
    )
    if open_tasks:
        message = ngettext(
            "%(n)s fördelad uppgift är inte markerad som klar.",
            "%(n)s fördelade uppgifter är inte markerade som klara.",
            len(open_tasks),
        ) % {"n": len(open_tasks)}
        links = [_task_link(a, form_url) for a in open_tasks]
        warnings.append(Warning("task", message, links))

    untitled = [a for a in response.attachments.all() if not a.title.strip() or a.title == a.original_name]
    if untitled:
        message = ngettext(
            "%(n)s bilaga saknar egen titel (bara filnamnet visas i yttrandet).",
            "%(n)s bilagor saknar egen titel (bara filnamnet visas i yttrandet).",
            len(untitled),
        ) % {"n": len(untitled)}
        links = [Link(a.original_name, f"{form_url}#bilagor") for a in untitled]
        warnings.append(Warning("attachment", message, links))
    return warnings


# --- The preview ---------------------------------------------------------------------------------


def preview_pdf(response: Response) -> bytes:
    """The answer PDF as it would be submitted now (same snapshot, number and template), marked as a
    preview. A remiss that refuses late answers still previews (the submit page says why it cannot
    be sent)."""
    from django.db.models import Max

    from remiss.pdf.answer import render_answer_pdf
    from remiss.snapshot import build_snapshot

    now = timezone.now()
    try:
        is_late = workflow.deadline_is_late(response, now)
    except workflow.WorkflowError:
        is_late = True
    number = (response.submissions.aggregate(n=Max("number"))["n"] or 0) + 1
    snapshot = build_snapshot(response, number=number, submitted_at=now, is_late=is_late, declined=False)
    return render_answer_pdf(snapshot, preview=True)


# --- What submitting does -------------------------------------------------------------------------


def what_happens(response: Response) -> dict:
    """For the confirmation step: who receives what, and when the answer becomes public."""
    from notifications.members import member_addresses
    from remiss import permissions
    from remiss.deadlines import last_deadline
    from remiss.models.remisser import Publicity

    remiss = response.recipient.remiss
    organisation = response.recipient.organisation
    public_at = None
    if remiss.publicity != Publicity.IMMEDIATE and not permissions.answers_are_public(remiss):
        public_at = last_deadline(remiss)
    return {
        "ministry": remiss.ministry.name,
        "public_now": public_at is None,
        "public_at": public_at,
        "receipt_to": member_addresses(organisation),
    }


# --- Progress while writing -------------------------------------------------------------------------


def answer_progress(response: Response) -> dict:
    """What the form's table of contents and status badge show, for the autosave reply: answered
    proposals overall and per section, which ones, and the status. Two queries."""
    rows = list(Proposal.objects.filter(remiss_id=response.recipient.remiss_id).values_list("pk", "section_id"))
    answered = set(response.answers.exclude(stance="").values_list("proposal_id", flat=True))
    sections: dict[int, list[int]] = {}
    for pk, section_id in rows:
        counts = sections.setdefault(section_id, [0, 0])
        counts[0] += pk in answered
        counts[1] += 1
    done = sum(1 for pk, _s in rows if pk in answered)
    return {
        "answered_ids": sorted(pk for pk, _s in rows if pk in answered),
        "sections": {str(sid): f"({a}/{t})" for sid, (a, t) in sections.items()},
        "label": _("%(a)s av %(t)s förslag besvarade") % {"a": done, "t": len(rows)},
        "status_label": str(response.get_status_display()),
    }


def latest_changes_request(response: Response):
    """The reviewer's latest "begär ändringar" transition while changes are requested, else None."""
    from remiss.models import ResponseStatus

    if response.status != ResponseStatus.CHANGES_REQUESTED:
        return None
    return (
        response.transitions.filter(to_status=ResponseStatus.CHANGES_REQUESTED)
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
