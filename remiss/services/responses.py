"""Writing an answer: inbox rows, saving text with optimistic versions, history, assignments,
attachments, the decision, and rendering a submission's PDF and receipt.

Status changes are in ``remiss.workflow``; this module changes content. Every write checks the
actor's membership and role in the response's organisation, and raises ``ResponseError`` (a
Swedish message) or ``SaveConflict`` (both texts, for the user to choose).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Membership, Organisation, User
from remiss import notify, workflow
from remiss.models import (
    Answer,
    Assignment,
    Attachment,
    Proposal,
    Receipt,
    Recipient,
    Response,
    ResponseStatus,
    Revision,
    Section,
    Signatory,
    Stance,
    Submission,
    SubmissionStatus,
)
from remiss.models.responses import MAX_SIGNATORIES, MAX_TEXT_LENGTH, NOT_ANSWERED_LABEL, SubmissionAttachment
from remiss.permissions import PUBLIC_STATUSES

log = logging.getLogger(__name__)

MAX_RENDER_ATTEMPTS = 3
# A row still rendering 15 s past Celery's hard limit for a render (settings.REMISS_RENDER_TIME_LIMIT)
# has no worker any more. The sweep runs every 30 s (remiss/schedule.py).
RENDERING_STUCK_GRACE = dt.timedelta(seconds=15)
UNQUEUED_AFTER = dt.timedelta(seconds=30)  # never reached the broker (it was down): send again
QUEUED_LOST_AFTER = dt.timedelta(minutes=10)  # reached the broker but never started (in a rush, the queue
# drains 300 renders in about 3.5 minutes): the message was lost; a duplicate is harmless (idempotent)


class ResponseError(Exception):
    """A refused change; ``str(error)`` is a Swedish message."""


@dataclass
class Conflict:
    """A colleague saved this field after the version the user loaded, and the texts differ."""

    field: str
    mine_text: str
    mine_stance: str
    theirs_text: str
    theirs_stance: str
    theirs_author: str
    theirs_at: dt.datetime | None
    version: int  # post this version to overwrite theirs with yours

    @property
    def theirs_stance_label(self) -> str:
        """The colleague's stance as the user reads it ("Avstyrker"), "Ej besvarad" when empty."""
        return str(dict(Stance.choices).get(self.theirs_stance, NOT_ANSWERED_LABEL))

    @property
    def form_name(self) -> str:
        """The field's suffix in the answer form: ``summary``, ``consequence-<key>`` or ``<proposal id>``."""
        kind, _sep, rest = self.field.partition(":")
        if kind == "answer":
            return rest
        if kind == "consequence":
            return f"consequence-{rest}"
        return self.field

    def as_json(self) -> dict:
        return {
            "field": self.field,
            "theirs_text": self.theirs_text,
            "theirs_stance": self.theirs_stance,
            "theirs_stance_label": self.theirs_stance_label if self.theirs_stance else "",
            "theirs_author": self.theirs_author,
            "theirs_at": timezone.localtime(self.theirs_at).strftime("%H:%M") if self.theirs_at else "",
            "version": self.version,
        }


class SaveConflict(ResponseError):
    def __init__(self, conflicts: list[Conflict]):
        super().__init__(
            _("En kollega har sparat en annan text under tiden. Jämför och välj vilken text som ska gälla.")
        )
        self.conflicts = conflicts


@dataclass
class SaveResult:
    response_version: int
    text_versions: dict[str, int] = field(default_factory=dict)  # each text field's version after the save
    answer_versions: dict[int, int] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    saved_at: dt.datetime | None = None


# --- Inbox --------------------------------------------------------------------------------------


def invited_recipients(organisation: Organisation | None) -> QuerySet[Recipient]:
    """The organisation's invitations to published (or closed/archived) remisser; none for ministries."""
    if organisation is None or organisation.is_ministry:
        return Recipient.objects.none()
    return Recipient.objects.filter(organisation=organisation, remiss__status__in=PUBLIC_STATUSES)


def inbox_rows(organisation: Organisation | None, now: dt.datetime | None = None) -> list[dict]:
    """One row per invitation: the remiss, its response (None until someone starts; reading the
    inbox never creates one), days left, and who is working on it (last editor, open assignees).
    Four queries whatever the number of remisser."""
    now = now or timezone.now()
    recipients = list(
        invited_recipients(organisation)
        .select_related("remiss__ministry", "organisation")
        .order_by("remiss__deadline", "remiss__title", "pk")
    )
    responses = {
        r.recipient_id: r for r in Response.objects.filter(recipient__in=recipients).select_related("updated_by")
    }
    assignees: dict[int, list[str]] = {}
    for a in (
        Assignment.objects.filter(response__in=list(responses.values()), done_at__isnull=True)
        .select_related("assignee")
        .order_by("due_date", "id")
    ):
        names = assignees.setdefault(a.response_id, [])
        if a.assignee.get_full_name() not in names:
            names.append(a.assignee.get_full_name())
    rows = []
    for recipient in recipients:
        response = responses.get(recipient.pk)
        deadline_at = recipient.deadline_at
        rows.append(
            {
                "recipient": recipient,
                "remiss": recipient.remiss,
                "response": response,
                "deadline_at": deadline_at,
                "days_left": days_left(deadline_at, now),
                "assignees": assignees.get(response.pk, []) if response else [],
            }
        )
    return rows


@transaction.atomic
def start_response(*, recipient: Recipient, by: User) -> Response:
    """The response row of an invitation, created on the first POST (never on a GET)."""
    if not Membership.objects.filter(user=by, organisation_id=recipient.organisation_id).exists():
        raise ResponseError(_("Du är inte medlem i organisationen som svarar på remissen."))
    response, _created = Response.objects.get_or_create(recipient=recipient)
    return response


def days_left(deadline_at: dt.datetime | None, now: dt.datetime | None = None) -> int | None:
    """Calendar days from today to the deadline day, in Europe/Stockholm (0 = today, negative = passed)."""
    if deadline_at is None:
        return None
    today = timezone.localdate(now or timezone.now())
    return (timezone.localtime(deadline_at).date() - today).days


def my_assignments(user: User, organisation: Organisation | None) -> QuerySet[Assignment]:
    if organisation is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(assignee=user, response__recipient__organisation=organisation)
        .select_related("response__recipient__remiss", "section", "proposal__section", "assigned_by")
        .order_by("done_at", "due_date", "id")
    )


# --- Reading the form -----------------------------------------------------------------------------


def form_data(response: Response) -> dict:
    """Everything the answer form shows, in a fixed number of queries whatever the size."""
    proposals = list(
        Proposal.objects.filter(remiss_id=response.recipient.remiss_id)
        .select_related("section")
        .order_by("section__position", "section_id", "position", "id")
    )
    answers = {a.proposal_id: a for a in response.answers.select_related("updated_by")}
    assignments = list(
        response.assignments.select_related("assignee", "section", "proposal__section").order_by("done_at", "due_date")
    )
    sections: list[dict] = []
    for proposal in proposals:
        if not sections or sections[-1]["section"].pk != proposal.section_id:
            sections.append({"section": proposal.section, "items": []})
        sections[-1]["items"].append({"proposal": proposal, "answer": answers.get(proposal.pk)})
    by_proposal: dict[int, list[Assignment]] = {}
    by_section: dict[int, list[Assignment]] = {}
    for a in assignments:
        if a.proposal_id:
            by_proposal.setdefault(a.proposal_id, []).append(a)
        elif a.section_id:
            by_section.setdefault(a.section_id, []).append(a)
    for block in sections:
        block["assignments"] = by_section.get(block["section"].pk, [])
        for item in block["items"]:
            item["assignments"] = by_proposal.get(item["proposal"].pk, [])
    answered = sum(1 for a in answers.values() if a.stance)
    next_unanswered = next((p for p in proposals if not (answers.get(p.pk) and answers[p.pk].stance)), None)
    for block in sections:
        block["answered"] = sum(1 for item in block["items"] if item["answer"] and item["answer"].stance)
    return {
        "proposals": proposals,
        "answers": answers,
        "sections": sections,
        "answered": answered,
        "total": len(proposals),
        "next_unanswered": next_unanswered,
        "assignments": assignments,
        "attachments": list(response.attachments.all()),
        "text_versions": text_field_versions(response),
    }


def text_field_versions(response: Response) -> dict[str, int]:
    """Each response-level text field's own version: the version of its latest revision (0 if never
    saved). The page sends it back with the field, so a save detects a colleague's change to that
    field, whatever happened to the other fields meanwhile. One query."""
    keys = response_field_keys(response)
    versions = dict.fromkeys(keys, 0)
    rows = response.revisions.filter(field__in=keys).values("field").annotate(latest=Max("version"))
    versions.update({row["field"]: row["latest"] for row in rows})
    return versions


# --- Saving text with optimistic versions -------------------------------------------------------------


def field_label(response: Response, key: str, proposals: dict[int, Proposal] | None = None) -> str:
    if key == "summary":
        return _("Sammanfattning")
    if key == "general_comments":
        return _("Generella synpunkter")
    if key == "decision":
        return _("Beslut och undertecknare")
    if key.startswith("consequence:"):
        return dict(response.recipient.remiss.consequence_labels()).get(key.split(":", 1)[1], key)
    if key.startswith("answer:"):
        pid = int(key.split(":", 1)[1])
        proposal = (proposals or {}).get(pid) or Proposal.objects.filter(pk=pid).select_related("section").first()
        return (
            _("%(kind)s %(label)s") % {"kind": proposal.get_kind_display(), "label": proposal.label}
            if proposal
            else key
        )
    return key


def _check_editor(response: Response, by: User) -> Membership:
    membership = workflow.membership_of(by, response)
    if membership is None:
        raise ResponseError(_("Du är inte medlem i organisationen som svarar på remissen."))
    if not (membership.is_drafter or membership.is_approver or membership.is_org_admin):
        raise ResponseError(_("Bara handläggare och beslutsfattare kan ändra i yttrandet."))
    if response.status not in workflow.EDITABLE:
        raise ResponseError(
            _("Yttrandet har status ”%(status)s” och kan inte ändras nu.") % {"status": response.get_status_display()}
        )
    return membership


def _check_text(text: str, label: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\x00", "")
    if len(text) > MAX_TEXT_LENGTH:
        raise ResponseError(
            _(
                "%(label)s är för lång: högst %(max)s tecken, du har skrivit %(n)s. Texten finns kvar – korta den och spara igen."
            )
            % {"label": label, "max": f"{MAX_TEXT_LENGTH:,}".replace(",", " "), "n": f"{len(text):,}".replace(",", " ")}
        )
    return text


def _get_response_field(response: Response, key: str) -> str:
    if key in ("summary", "general_comments"):
        return getattr(response, key)
    return (response.consequences or {}).get(key.split(":", 1)[1], "")


def _set_response_field(response: Response, key: str, text: str) -> None:
    if key in ("summary", "general_comments"):
        setattr(response, key, text)
    else:
        response.consequences = {**(response.consequences or {}), key.split(":", 1)[1]: text}


def _base(response: Response, key: str, version: int) -> Revision | None:
    """The revision the user's page was showing when loaded at ``version``."""
    return response.revisions.filter(field=key, version__lte=version).order_by("-version", "-id").first()


def _latest(response: Response, key: str) -> Revision | None:
    return response.revisions.filter(field=key).select_related("author").order_by("-version", "-id").first()


def _merge(mine: str, base: str, theirs: str) -> tuple[str, bool]:
    """Three-way choice for one value: (result, conflicted)."""
    if mine == theirs or mine == base:
        return theirs, False
    if theirs == base:
        return mine, False
    return mine, True


def response_field_keys(response: Response) -> list[str]:
    return ["summary", "general_comments"] + [
        f"consequence:{key}" for key in response.recipient.remiss.consequence_questions
    ]


@transaction.atomic
def save_changes(
    *,
    response: Response,
    by: User,
    response_version: int | None = None,
    texts: dict[str, str] | None = None,
    text_versions: dict[str, int] | None = None,
    answers: dict[int, tuple[str, str, int]] | None = None,
) -> SaveResult:
    """Save changed fields. ``texts``: {"summary"|"general_comments"|"consequence:<key>": text};
    ``text_versions``: the version each of those fields was loaded at (see ``text_field_versions``;
    ``response_version``, the response's version when the page was loaded, stands in for a field
    missing there); ``answers``: {proposal_id: (stance, comment, version loaded)}.

    A field a colleague changed after the version the user loaded is merged three-way (base = the
    text at the loaded version): if both changed it differently it is not written but returned as
    a conflict. The rest is saved, each change with a Revision."""
    texts, answers, text_versions = texts or {}, answers or {}, text_versions or {}
    locked = Response.objects.select_for_update(of=("self",)).select_related("recipient__remiss").get(pk=response.pk)
    _check_editor(locked, by)
    if locked.status == ResponseStatus.NOT_STARTED and (texts or answers):
        try:
            locked.status = workflow.start_draft(response=locked, by=by).status
        except workflow.WorkflowError as error:
            raise ResponseError(str(error)) from error
    now = timezone.now()
    result = SaveResult(response_version=locked.version, saved_at=now)
    allowed_keys = set(response_field_keys(locked))
    revisions: list[Revision] = []

    # Response-level fields: Response.version numbers their revisions, but each field is checked
    # against its own latest revision, never against the other fields' saves.
    changed: dict[str, str] = {}
    for key, text in texts.items():
        if key not in allowed_keys:
            raise ResponseError(_("Okänt fält."))
        text = _check_text(text, field_label(locked, key))
        current = _get_response_field(locked, key)
        latest = _latest(locked, key)
        field_version = latest.version if latest else 0
        result.text_versions[key] = field_version
        if text == current:
            continue
        loaded = text_versions.get(key, response_version)
        if loaded is not None and field_version > loaded:
            base = _base(locked, key, loaded)
            merged, conflicted = _merge(text, base.text if base else "", current)
            if conflicted:
                result.conflicts.append(
                    Conflict(
                        key,
                        text,
                        "",
                        current,
                        "",
                        latest.author.get_full_name() if latest.author else "",
                        latest.created_at,
                        field_version,
                    )
                )
                result.text_versions[key] = loaded
                continue
            if merged == current:
                continue
            text = merged
        changed[key] = text
    if changed:
        locked.version += 1
        for key, text in changed.items():
            _set_response_field(locked, key, text)
            revisions.append(Revision(response=locked, field=key, text=text, version=locked.version, author=by))
            result.text_versions[key] = locked.version
        locked.updated_by = by
        locked.save()
        result.saved += list(changed)
    result.response_version = locked.version

    # Answers, each with its own version.
    if answers:
        proposals = {
            p.pk: p
            for p in Proposal.objects.filter(remiss_id=locked.recipient.remiss_id, pk__in=list(answers)).select_related(
                "section"
            )
        }
        existing = {
            a.proposal_id: a
            for a in Answer.objects.select_for_update().filter(response=locked, proposal_id__in=list(answers))
        }
        valid_stances = {""} | set(Stance.values)
        for pid, (stance, comment, version) in answers.items():
            proposal = proposals.get(pid)
            if proposal is None:
                raise ResponseError(_("Förslaget hör inte till den här remissen."))
            if stance not in valid_stances:
                raise ResponseError(_("Okänt ställningstagande. Välj ett av alternativen."))
            key = f"answer:{pid}"
            comment = _check_text(comment, _("Kommentaren till förslag %(label)s") % {"label": proposal.label})
            answer = existing.get(pid) or Answer(response=locked, proposal=proposal, version=0)
            cur_stance, cur_comment = answer.stance, answer.comment
            if (stance, comment) == (cur_stance, cur_comment):
                result.answer_versions[pid] = answer.version
                continue
            if version is not None and version < answer.version:
                base = _base(locked, key, version)
                new_stance, c1 = _merge(stance, base.stance if base else "", cur_stance)
                new_comment, c2 = _merge(comment, base.text if base else "", cur_comment)
                if c1 or c2:
                    latest = _latest(locked, key)
                    result.conflicts.append(
                        Conflict(
                            key,
                            comment,
                            stance,
                            cur_comment,
                            cur_stance,
                            latest.author.get_full_name() if latest and latest.author else "",
                            latest.created_at if latest else None,
                            answer.version,
                        )
                    )
                    result.answer_versions[pid] = answer.version
                    continue
                stance, comment = new_stance, new_comment
                if (stance, comment) == (cur_stance, cur_comment):
                    result.answer_versions[pid] = answer.version
                    continue
            answer.stance, answer.comment = stance, comment
            answer.version += 1
            answer.updated_by = by
            answer.save()
            revisions.append(
                Revision(response=locked, field=key, stance=stance, text=comment, version=answer.version, author=by)
            )
            result.answer_versions[pid] = answer.version
            result.saved.append(key)
        if any(k.startswith("answer:") for k in result.saved) and not changed:
            Response.objects.filter(pk=locked.pk).update(updated_by=by, updated_at=now)

    Revision.objects.bulk_create(revisions)
    if result.saved:
        audit.record(
            "response.edited",
            actor=by,
            organisation=locked.recipient.organisation,
            obj=locked,
            data={"fields": result.saved[:50]},
        )
    return result


# --- History and diffs ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[^\s]+")


def diff_html(old: str, new: str) -> SafeString:
    """A word-level diff as escaped HTML with <del> and <ins>."""
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(
                f'<del><span class="visually-hidden">{escape(_("[borttaget:] "))}</span>{escape("".join(a[i1:i2]))}</del>'
            )
        if j2 > j1:
            out.append(
                f'<ins><span class="visually-hidden">{escape(_("[tillagt:] "))}</span>{escape("".join(b[j1:j2]))}</ins>'
            )
    return mark_safe("".join(out))  # every piece above is escaped


def previous_revision(revision: Revision) -> Revision | None:
    return (
        Revision.objects.filter(response_id=revision.response_id, field=revision.field, version__lt=revision.version)
        .order_by("-version", "-id")
        .first()
    )


# --- Assignments --------------------------------------------------------------------------------


EDITING_ROLES = Q(memberships__is_drafter=True) | Q(memberships__is_approver=True) | Q(memberships__is_org_admin=True)


def colleagues(organisation: Organisation) -> QuerySet[User]:
    """Colleagues a task may be given to: active members who may edit the answer."""
    return (
        User.objects.filter(EDITING_ROLES, memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("full_name")
    )


@transaction.atomic
def assign(
    *,
    response: Response,
    by: User,
    assignee: User,
    section: Section | None = None,
    proposal: Proposal | None = None,
    due_date: dt.date | None = None,
    note: str = "",
) -> Assignment:
    membership = workflow.membership_of(by, response)
    if membership is None or not (membership.is_drafter or membership.is_org_admin):
        raise ResponseError(_("Bara handläggare kan fördela uppgifter."))
    if not colleagues(response.recipient.organisation).filter(pk=assignee.pk).exists():
        raise ResponseError(_("Uppgifter kan bara ges till kolleger i samma organisation som får skriva i svaret."))
    remiss_id = response.recipient.remiss_id
    if (section is None) == (proposal is None):
        raise ResponseError(_("Välj ett avsnitt eller ett förslag."))
    if (section and section.remiss_id != remiss_id) or (proposal and proposal.remiss_id != remiss_id):
        raise ResponseError(_("Avsnittet eller förslaget hör inte till den här remissen."))
    if response.status in workflow.FINAL:
        raise ResponseError(_("Yttrandet är redan inskickat."))
    assignment = Assignment.objects.create(
        response=response,
        section=section,
        proposal=proposal,
        assignee=assignee,
        assigned_by=by,
        due_date=due_date,
        note=note[:2000],
    )
    audit.record(
        "assignment.created",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"assignment": assignment.pk, "assignee": assignee.pk},
    )
    notify.task_assigned(assignment)
    return assignment


@transaction.atomic
def mark_assignment_done(*, assignment: Assignment, by: User) -> Assignment:
    response = assignment.response
    membership = workflow.membership_of(by, response)
    if membership is None or not (assignment.assignee_id == by.pk or membership.is_drafter):
        raise ResponseError(_("Bara den som fått uppgiften eller en handläggare kan markera den som klar."))
    if assignment.done_at is None:
        assignment.done_at = timezone.now()
        assignment.save(update_fields=["done_at"])
        audit.record(
            "assignment.done",
            actor=by,
            organisation=response.recipient.organisation,
            obj=response,
            data={"assignment": assignment.pk},
        )
    return assignment


# --- Attachments --------------------------------------------------------------------------------


@transaction.atomic
def add_attachment(*, response: Response, by: User, title: str, upload) -> Attachment:
    """``upload`` must already have passed ``validate_pdf`` (the form does it)."""
    _check_editor(response, by)
    attachment = Attachment(
        response=response,
        title=title.strip()[:300] or upload.name[:300],
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=by,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    audit.record(
        "attachment.added",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"attachment": attachment.pk, "size": upload.size},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by: User) -> None:
    response = attachment.response
    _check_editor(response, by)
    audit.record(
        "attachment.removed",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"attachment": attachment.pk, "title": attachment.title},
    )
    name = attachment.file.name
    attachment.delete()
    if name:
        transaction.on_commit(lambda: attachment.file.storage.delete(name))


# --- The decision ---------------------------------------------------------------------------------


@transaction.atomic
def record_decision(
    *,
    response: Response,
    by: User,
    decided_by: str,
    decision_date: dt.date | None,
    minute_ref: str,
    signatories: list[tuple[str, str]],
    our_reference: str = "",
    presenter: str = "",
    also_participated: str = "",
) -> Response:
    """The approver records who decided the answer, when, the minute paragraph, who signs (in
    order, at most ``MAX_SIGNATORIES``), the organisation's own diarienummer and who presented it."""
    membership = workflow.membership_of(by, response)
    if membership is None or not membership.is_approver:
        raise ResponseError(_("Bara en beslutsfattare kan registrera beslutet."))
    if len([n for n, _t in signatories if n.strip()]) > MAX_SIGNATORIES:
        raise ResponseError(_("Högst %(max)s undertecknare får plats i yttrandet.") % {"max": MAX_SIGNATORIES})
    response = (
        Response.objects.select_for_update(of=("self",)).select_related("recipient__organisation").get(pk=response.pk)
    )
    if response.status not in workflow.DECIDABLE:
        raise ResponseError(_("Yttrandet är redan inskickat. Öppna det för rättelse först."))
    minute_ref = minute_ref.strip()
    if minute_ref and minute_ref[0].isdigit():
        minute_ref = f"§ {minute_ref}"
    response.decided_by, response.decision_date, response.minute_ref = decided_by.strip(), decision_date, minute_ref
    response.our_reference, response.presenter = our_reference.strip(), presenter.strip()
    response.also_participated = also_participated.strip()
    response.version += 1
    response.updated_by = by
    response.save()
    response.signatories.all().delete()
    Signatory.objects.bulk_create(
        [
            Signatory(response=response, name=n.strip(), title=t.strip(), position=i)
            for i, (n, t) in enumerate(signatories)
            if n.strip()
        ]
    )
    text = "\n".join(
        [f"{response.decided_by} {decision_date or ''} {minute_ref}".strip()]
        + [f"{n.strip()}, {t.strip()}".strip(", ") for n, t in signatories if n.strip()]
        + [
            f"{label}: {value}"
            for label, value in (
                (_("Vår beteckning"), response.our_reference),
                (_("Föredragande"), response.presenter),
                (_("Även deltagit"), response.also_participated),
            )
            if value
        ]
    )
    Revision.objects.create(response=response, field="decision", text=text, version=response.version, author=by)
    audit.record(
        "response.decision_recorded",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"decided_by": response.decided_by, "minute_ref": minute_ref},
    )
    return response


# --- Submissions: PDF and receipt ----------------------------------------------------------------------


def _claim(submission_id: int) -> Submission | None:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.status in (SubmissionStatus.DONE, SubmissionStatus.FAILED):
            return None
        submission.status = SubmissionStatus.RENDERING
        submission.attempts += 1
        submission.started_at = timezone.now()
        submission.save(update_fields=["status", "attempts", "started_at"])
        return submission


def render_submission(*, submission_id: int) -> Submission | None:
    """Render the PDF from the snapshot, store it, issue the receipt and notify. Idempotent: a
    submission that is already done (or failed for good) is left alone."""
    from remiss.pdf.answer import render_answer_pdf
    from remiss.pdf.base import save_atomically

    submission = _claim(submission_id)
    if submission is None:
        return Submission.objects.filter(pk=submission_id).first()
    data = render_answer_pdf(submission.snapshot)
    digest = hashlib.sha256(data).hexdigest()
    import io

    from pypdf import PdfReader  # page count for listings

    pages = len(PdfReader(io.BytesIO(data)).pages)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission_id)
        if submission.status == SubmissionStatus.DONE:
            return submission
        name = f"submissions/{submission.response_id}/{submission.number}-{digest[:16]}.pdf"
        save_atomically(submission.pdf, name, data)
        submission.status = SubmissionStatus.DONE
        submission.page_count = pages
        submission.finished_at = timezone.now()
        submission.error = ""
        submission.save(update_fields=["pdf", "status", "page_count", "finished_at", "error"])
        receipt = Receipt.objects.create(submission=submission, sha256=digest, issued_at=submission.finished_at)
        audit.record(
            "submission.rendered",
            organisation=submission.response.recipient.organisation,
            obj=submission,
            data={"sha256": digest, "bytes": len(data)},
            actor_label="system",
        )
        transaction.on_commit(lambda: notify_submitted(receipt_id=receipt.pk), robust=True)
    return submission


def mark_render_failed(*, submission_id: int, error: str) -> None:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.status == SubmissionStatus.DONE:
            return
        final = submission.attempts >= MAX_RENDER_ATTEMPTS
        submission.status = SubmissionStatus.FAILED if final else SubmissionStatus.PENDING
        submission.error = error[:2000]
        submission.save(update_fields=["status", "error"])
        if final:
            _failed_for_good(submission, error)


def _failed_for_good(submission: Submission, error: str) -> None:
    """Record and tell: the audit log, and an e-mail to the organisation's approvers (the submitter
    is one), who can try again from the review page."""
    audit.record(
        "submission.failed",
        organisation=submission.response.recipient.organisation,
        obj=submission,
        data={"error": error[:500]},
        actor_label="system",
    )
    transaction.on_commit(lambda: notify_render_failed(submission_id=submission.pk), robust=True)


def stuck_submissions(now: dt.datetime | None = None) -> tuple[list[int], list[int]]:
    """(ids to re-queue, ids failed for good) among submissions stuck in pending/rendering: rendering
    past the hard time limit (its worker died), never sent to the broker, or sent and lost."""
    now = now or timezone.now()
    requeue, failed = [], []
    with transaction.atomic():
        rows = Submission.objects.select_for_update(skip_locked=True).filter(
            status__in=(SubmissionStatus.PENDING, SubmissionStatus.RENDERING)
        )
        for s in rows:
            if not _is_stuck(s, now):
                continue
            if s.attempts >= MAX_RENDER_ATTEMPTS:
                s.status = SubmissionStatus.FAILED
                s.error = (s.error + "\n" if s.error else "") + "Gav upp efter upprepade försök."
                s.save(update_fields=["status", "error"])
                _failed_for_good(s, s.error)
                failed.append(s.pk)
            else:
                s.status = SubmissionStatus.PENDING
                s.started_at = now  # restart the clock so one sweep does not queue it twice
                s.queued_at = None  # set again once the broker has the message
                s.save(update_fields=["status", "started_at", "queued_at"])
                requeue.append(s.pk)
    return requeue, failed


def _is_stuck(s: Submission, now: dt.datetime) -> bool:
    if s.status == SubmissionStatus.RENDERING:
        hard_limit = dt.timedelta(seconds=settings.REMISS_RENDER_TIME_LIMIT)
        return (s.started_at or s.submitted_at) <= now - hard_limit - RENDERING_STUCK_GRACE
    if s.queued_at is None:
        return (s.started_at or s.submitted_at) <= now - UNQUEUED_AFTER
    return max(s.queued_at, s.started_at or s.queued_at) <= now - QUEUED_LOST_AFTER


@transaction.atomic
def retry_render(*, submission: Submission, by: User) -> Submission:
    """Queue a submission whose PDF failed for good for rendering again, with fresh attempts. An
    approver of the organisation may do it (from the review page), and so may an administrator
    (from the Django admin)."""
    from remiss.workflow import enqueue_render

    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("response__recipient__organisation")
        .get(pk=submission.pk)
    )
    response = locked.response
    membership = workflow.membership_of(by, response)
    is_admin = bool(by.is_active and by.is_staff)
    if not is_admin and (membership is None or not membership.is_approver):
        raise ResponseError(_("Bara en beslutsfattare kan försöka skapa PDF:en igen."))
    if locked.status != SubmissionStatus.FAILED:
        raise ResponseError(_("PDF:en har inte misslyckats, så det finns inget att försöka igen."))
    locked.status = SubmissionStatus.PENDING
    locked.attempts = 0
    locked.started_at = timezone.now()  # the sweeper waits its time limit before it re-queues
    locked.queued_at = None
    locked.save(update_fields=["status", "attempts", "started_at", "queued_at"])
    audit.record(
        "submission.retried",
        actor=by,
        organisation=response.recipient.organisation,
        obj=locked,
        data={"number": locked.number, "previous_error": locked.error[:500]},
    )
    transaction.on_commit(lambda: enqueue_render(locked.pk), robust=True)
    return locked


def failed_submissions(response: Response) -> list[Submission]:
    return list(response.submissions.filter(status=SubmissionStatus.FAILED).order_by("-number"))


def notify_render_failed(*, submission_id: int) -> None:
    """E-mail the organisation's approvers that a submission's PDF could not be made."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse

    from remiss import notifications

    submission = Submission.objects.select_related(
        "response__recipient__organisation", "response__recipient__remiss", "submitted_by"
    ).get(pk=submission_id)
    recipient = submission.response.recipient
    context = {
        "submission": submission,
        "organisation": recipient.organisation,
        "remiss": recipient.remiss,
        "review_url": settings.SITE_URL + reverse("respondent:review", args=[submission.response_id]),
    }
    subject = render_to_string("remiss/email/render_failed_subject.txt", context).strip()
    notifications.send_to_members(
        recipient.organisation, subject, "remiss/email/render_failed_body.txt", context, roles=["is_approver"]
    )


# --- Submitted attachments ------------------------------------------------------------------------


def freeze_attachments(response: Response, submission: Submission) -> list[SubmissionAttachment]:
    """Copy the response's attachments into the submission: the file under a new generated name,
    with title, original name, size and SHA-256, so later edits of the draft change nothing."""
    from django.core.files.base import ContentFile

    frozen = []
    for position, attachment in enumerate(response.attachments.order_by("uploaded_at", "id")):
        item = SubmissionAttachment(
            submission=submission,
            title=attachment.title,
            original_name=attachment.original_name,
            size=attachment.size,
            position=position,
        )
        if attachment.file and attachment.file.storage.exists(attachment.file.name):
            with attachment.file.open("rb") as source:
                data = source.read()
            item.size = len(data)
            item.sha256 = hashlib.sha256(data).hexdigest()
            item.file.save(attachment.original_name or "bilaga.pdf", ContentFile(data), save=False)
        item.save()
        frozen.append(item)
    return frozen


def newest_submission(response: Response) -> Submission | None:
    return response.submissions.select_related("receipt").order_by("-number").first()


def notify_submitted(*, receipt_id: int) -> None:
    """E-mail the receipt to the organisation's members and tell the ministry's staff."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse

    from remiss import notifications

    receipt = Receipt.objects.select_related(
        "submission__response__recipient__organisation", "submission__response__recipient__remiss__ministry"
    ).get(pk=receipt_id)
    submission = receipt.submission
    recipient = submission.response.recipient
    context = {
        "receipt": receipt,
        "submission": submission,
        "organisation": recipient.organisation,
        "remiss": recipient.remiss,
        "receipt_url": settings.SITE_URL
        + reverse("respondent:receipt", args=[submission.response_id, submission.number]),
        "verify_url": settings.SITE_URL + reverse("respondent:verify", args=[receipt.code]),
        # The ministry's staff may download these at once (the public once the answers are public).
        "attachments": [
            (
                a.title,
                settings.SITE_URL
                + reverse("public:answer_attachment", args=[recipient.remiss_id, submission.pk, a.pk]),
            )
            for a in submission.attachment_files()
        ],
    }
    subject = render_to_string("remiss/email/receipt_subject.txt", context).strip()
    notifications.send_to_members(recipient.organisation, subject, "remiss/email/receipt_body.txt", context)
    subject = render_to_string("remiss/email/response_submitted_subject.txt", context).strip()
    notifications.send_to_members(
        recipient.remiss.ministry,
        subject,
        "remiss/email/response_submitted_body.txt",
        context,
        roles=["is_ministry_staff"],
    )
