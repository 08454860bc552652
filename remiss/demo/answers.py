"""Demo answers to the SOU 2018:47 remiss, from ``data/demo-answers.json``. Idempotent.

Each answer goes through the real services and workflow (save, review, decision, submission), so
history, transitions, audit events, PDFs and receipts are what a real answer would have. PDFs are
rendered here, synchronously, so the public page links them as soon as ``make run`` prints its
address. Organisations other than the demo users' get one colleague who cannot sign in.
"""

from __future__ import annotations

import datetime as dt
import json

from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from remiss import workflow
from remiss.fieldkeys import FieldKey
from remiss.models import Recipient, Remiss, Response, ResponseStatus, Section
from remiss.services import assignments, drafting, submissions

from . import DATA_DIR
from .remisser import MINISTRY

REMISS_REFERENCE = "Fi2018/02500/SFÖ"
ALL_ROLES = {"is_drafter": True, "is_reviewer": True, "is_approver": True}


def _colleague(organisation: Organisation) -> User:
    """A member with every role, used as the author of a demo answer; cannot sign in."""
    slug = "".join(c for c in organisation.code or str(organisation.pk) if c.isalnum())
    user, created = User.objects.get_or_create(
        email=f"registrator-{slug}@demo.remiss.se",
        defaults={"full_name": f"Registrator, {organisation.name}", "title": "Registrator"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    Membership.objects.update_or_create(user=user, organisation=organisation, defaults=ALL_ROLES)
    return user


def _member_with(organisation: Organisation, role: str) -> User:
    """A demo user of ``organisation`` with ``role`` (a printed login where there is one)."""
    membership = (
        Membership.objects.filter(organisation=organisation, **{role: True})
        .exclude(user__email__startswith="registrator-")
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else _colleague(organisation)


def _fill(response: Response, entry: dict, by: User) -> None:
    proposals = {p.label: p for p in response.recipient.remiss.proposals.select_related("section")}
    answers = {}
    for label, proposal in proposals.items():
        stance, comment = entry["answers"].get(label, [entry.get("default_stance", ""), ""])
        if stance or comment:
            answers[proposal.pk] = (stance, comment, 0)
    texts = {"summary": entry.get("summary", ""), "general_comments": entry.get("general_comments", "")}
    texts.update({FieldKey.consequence(k).key: v for k, v in entry.get("consequences", {}).items() if v})
    drafting.save_changes(response=response, by=by, response_version=response.version, texts=texts, answers=answers)


def _load_one(remiss: Remiss, entry: dict, *, render: bool = True) -> str | None:
    """One answer through the workflow. ``render=False`` leaves the PDF to the worker (queued when
    the transaction commits), which keeps loading many answers fast."""
    organisation = Organisation.objects.filter(name=entry["organisation"]).first()
    recipient = Recipient.objects.filter(remiss=remiss, organisation=organisation).first()
    if recipient is None:
        return None
    response, _ = Response.objects.get_or_create(recipient=recipient)
    if response.status != ResponseStatus.NOT_STARTED:
        return None  # already loaded (or someone has started on it)
    status = entry["status"]
    if status == "declined":
        submission = workflow.decline_response(
            response=response, by=_member_with(organisation, "is_approver"), reason=entry["reason"], enqueue=False
        )
        submissions.render_submission(submission_id=submission.pk)
        return f"  {organisation.name}: avstår"
    drafter = _member_with(organisation, "is_drafter")
    _fill(response, entry, drafter)
    response.refresh_from_db()
    if assignment := entry.get("assignment"):
        assignments.assign(
            response=response,
            by=_member_with(organisation, "is_org_admin"),
            assignee=User.objects.get(email=assignment["to"]),
            section=Section.objects.get(remiss=remiss, number=assignment["section"]),
            due_date=timezone.localdate() + dt.timedelta(days=assignment["due_in_days"]),
            note=assignment["note"],
        )
    if status == "draft":
        return f"  {organisation.name}: utkast"
    workflow.send_for_review(response=response, by=drafter, message="Klart för granskning.")
    if status == "in_review":
        return f"  {organisation.name}: på granskning"
    reviewer = _member_with(organisation, "is_reviewer")
    workflow.approve(response=response, by=reviewer)
    approver = _member_with(organisation, "is_approver")
    drafting.record_decision(
        response=response,
        by=approver,
        decided_by=entry["decided_by"],
        decision_date=timezone.localdate() - dt.timedelta(days=entry["decision_days_ago"]),
        minute_ref=entry["minute_ref"],
        signatories=[tuple(s) for s in entry["signatories"]],
    )
    submission = workflow.submit_response(response=response, by=approver, enqueue=not render)
    if render:
        submissions.render_submission(submission_id=submission.pk)
    return f"  {organisation.name}: inskickat med PDF och kvittens"


def load() -> list[str]:
    remiss = Remiss.objects.filter(ministry__name=MINISTRY, reference=REMISS_REFERENCE).first()
    if remiss is None:
        return ["Demosvar: demoremissen saknas – hoppar över."]
    entries = json.loads((DATA_DIR / "demo-answers.json").read_text(encoding="utf-8"))["answers"]
    lines = []
    for entry in entries:
        with transaction.atomic():
            line = _load_one(remiss, entry)
        if line:
            lines.append(line)
    return ["Demosvar:", *lines] if lines else ["Demosvar finns redan."]
