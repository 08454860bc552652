"""Every status change of a response, in one module.

::

    not started ─► draft ─► in review ─► approved ─► submitted
                     ▲          │            │
                     └─ changes requested ◄──┘        draft/approved ─► declined (avstår)

Functions take keyword-only arguments, run in one transaction, check the current state and the
actor's role in the response's organisation, and raise ``WorkflowError`` with a Swedish message.
Each transition writes a ``Transition`` row and an audit event. Views and tasks never assign a
status themselves.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Membership, OrganisationKind, Role, User
from core import jobs
from core.errors import ApplicationError

from . import deadlines, notify
from .models import Response, ResponseStatus, Submission, Transition
from .snapshot import build_snapshot, freeze_attachments

log = logging.getLogger(__name__)

EDITABLE = (ResponseStatus.NOT_STARTED, ResponseStatus.DRAFT, ResponseStatus.CHANGES_REQUESTED)
DECIDABLE = (
    ResponseStatus.NOT_STARTED,
    ResponseStatus.DRAFT,
    ResponseStatus.CHANGES_REQUESTED,
    ResponseStatus.IN_REVIEW,
    ResponseStatus.APPROVED,
)
MAX_MESSAGE = 5000
RENDER_TASK = "remiss.render_submission"  # remiss.tasks.submissions, queued by name (see core.jobs)


class WorkflowError(ApplicationError):
    """A refused state change; ``str(error)`` is a Swedish message for the user."""


# --- The table: who may do what, from which status ---------------------------------------------


@dataclass(frozen=True)
class Rule:
    statuses: tuple[str, ...]  # the response's status must be one of these
    roles: tuple[Role, ...]  # the actor's membership must hold one of these
    open_remiss: bool = False  # the remiss must be published (or closed: late answers, extensions)
    button: bool = True  # shown by ``available_actions`` (editing and starting have no button)


S, R = ResponseStatus, Role
RULES: dict[str, Rule] = {
    "start": Rule((S.NOT_STARTED,), (R.DRAFTER, R.APPROVER, R.ORG_ADMIN), open_remiss=True, button=False),
    "edit": Rule(EDITABLE, (R.DRAFTER, R.APPROVER, R.ORG_ADMIN), button=False),
    "send_for_review": Rule((S.DRAFT, S.CHANGES_REQUESTED), (R.DRAFTER,)),
    "request_changes": Rule((S.IN_REVIEW, S.APPROVED), (R.REVIEWER, R.APPROVER)),
    "approve": Rule((S.IN_REVIEW,), (R.REVIEWER,)),
    "decide": Rule(DECIDABLE, (R.APPROVER,)),
    "submit": Rule((S.APPROVED,), (R.APPROVER,), open_remiss=True),
    "decline": Rule((S.NOT_STARTED, S.DRAFT, S.APPROVED), (R.APPROVER,), open_remiss=True),
    "reopen": Rule(ResponseStatus.FINAL, (R.DRAFTER, R.APPROVER), open_remiss=True),
}
del S, R


def has_roles(membership: Membership | None, action: str) -> bool:
    """Whether the membership holds a role the action needs (whatever the status)."""
    return membership is not None and any(membership.has_role(role) for role in RULES[action].roles)


def allows(action: str, response: Response, membership: Membership | None) -> bool:
    """Whether the table allows ``action`` on ``response`` now (roles and status)."""
    return has_roles(membership, action) and response.status in RULES[action].statuses


# --- Checks shared by the functions below ----------------------------------------------------------


def membership_of(user: User | None, response: Response) -> Membership | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, organisation_id=response.recipient.organisation_id).first()


def _require(user: User, response: Response, *roles: Role) -> Membership:
    membership = membership_of(user, response)
    if membership is None:
        raise WorkflowError(_("Du är inte medlem i organisationen som svarar på remissen."))
    if not any(membership.has_role(role) for role in roles):
        labels = " eller ".join(str(Role(role).label).lower() for role in roles)
        raise WorkflowError(_("Det här får bara en %(roles)s göra.") % {"roles": labels})
    return membership


def _require_status(response: Response, *allowed: str) -> None:
    if response.status not in allowed:
        raise WorkflowError(
            _("Det går inte just nu: yttrandet har status ”%(status)s”.") % {"status": response.get_status_display()}
        )


def _require_open_remiss(response: Response) -> None:
    if not response.recipient.remiss.accepts_answers:
        raise WorkflowError(_("Remissen är inte öppen för svar."))


def _check(action: str, response: Response, by: User) -> Membership:
    """The guards of ``action`` from the table, in order: role, status, open remiss."""
    rule = RULES[action]
    membership = _require(by, response, *rule.roles)
    _require_status(response, *rule.statuses)
    if rule.open_remiss:
        _require_open_remiss(response)
    return membership


def _lock(response: Response) -> Response:
    return (
        Response.objects.select_for_update(of=("self",))
        .select_related("recipient__remiss__ministry", "recipient__organisation")
        .get(pk=response.pk)
    )


def _transition(response: Response, to: str, by: User | None, message: str = "", action: str = "") -> Transition:
    from_status = response.status
    response.status = to
    response.save(update_fields=["status", "updated_at"])
    transition = Transition.objects.create(
        response=response, from_status=from_status, to_status=to, actor=by, message=message[:MAX_MESSAGE]
    )
    audit.record(
        action or f"response.{to}",
        actor=by,
        organisation=response.recipient.organisation,
        obj=response,
        data={"from": from_status, "to": to, "message": message[:500]},
    )
    return transition


def _clean_message(message: str) -> str:
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise WorkflowError(_("Meddelandet är för långt (högst %(max)s tecken).") % {"max": MAX_MESSAGE})
    return message


# --- Deadline rules -----------------------------------------------------------------------------


def deadline_is_late(response: Response, now: dt.datetime | None = None) -> bool:
    """False before the recipient's deadline (extension included); after it, True if the remiss
    accepts late answers, else a ``WorkflowError``."""
    timing = deadlines.submission_timing(response.recipient, now)
    if timing == deadlines.REFUSED:
        deadline = response.recipient.deadline_at
        raise WorkflowError(
            _(
                "Sista svarsdag (%(date)s) har passerat och departementet tar inte emot svar som kommer in för sent. "
                "Kontakta departementet om ni behöver förlängd svarstid."
            )
            % {"date": date_format(timezone.localtime(deadline), "Y-m-d")}
        )
    return timing == deadlines.LATE


def missing_for_submission(response: Response) -> list[str]:
    """What the approver must still record before the answer can be submitted (Swedish)."""
    missing = []
    if not response.decided_by.strip():
        missing.append(_("Beslutsinstans (till exempel Kommunstyrelsen) saknas."))
    if not response.decision_date:
        missing.append(_("Beslutsdatum saknas."))
    # Kommuner and regioner decide in a meeting with minutes; a myndighet's head decides without one.
    if not response.minute_ref.strip() and response.recipient.organisation.kind != OrganisationKind.AGENCY:
        missing.append(_("Paragraf (§) i protokollet saknas."))
    signatories = list(response.signatories.all())
    if not signatories:
        missing.append(_("Minst en undertecknare (namn och titel) saknas."))
    for signatory in signatories:
        if not signatory.name.strip():
            missing.append(_("Namn saknas för undertecknaren med titeln %(title)s.") % {"title": signatory.title})
        elif not signatory.title.strip():
            missing.append(_("Titel saknas för undertecknaren %(name)s.") % {"name": signatory.name})
    return missing


# --- Transitions ----------------------------------------------------------------------------------


@transaction.atomic
def start_draft(*, response: Response, by: User) -> Response:
    response = _lock(response)
    _check("start", response, by)
    _transition(response, ResponseStatus.DRAFT, by, action="response.started")
    return response


@transaction.atomic
def send_for_review(*, response: Response, by: User, message: str = "") -> Response:
    response = _lock(response)
    _check("send_for_review", response, by)
    _transition(response, ResponseStatus.IN_REVIEW, by, _clean_message(message), action="response.sent_for_review")
    notify.review_requested(response, by)
    return response


@transaction.atomic
def request_changes(*, response: Response, by: User, message: str) -> Response:
    response = _lock(response)
    _check("request_changes", response, by)
    message = _clean_message(message)
    if not message:
        raise WorkflowError(_("Skriv vad som behöver ändras."))
    _transition(response, ResponseStatus.CHANGES_REQUESTED, by, message, action="response.changes_requested")
    notify.changes_requested(response, by, message)
    return response


@transaction.atomic
def approve(*, response: Response, by: User, message: str = "") -> Response:
    response = _lock(response)
    _check("approve", response, by)
    _transition(response, ResponseStatus.APPROVED, by, _clean_message(message), action="response.approved")
    notify.approved(response, by)
    return response


@dataclass(frozen=True)
class RenderJob(jobs.Job):
    """The on-commit callback that queues a submission's PDF (``queue_render``)."""

    def __call__(self) -> None:
        queue_render(*self.args)


def queue_render(submission_id: int) -> bool:
    """Send the render task and note when it reached the broker. When the broker is down this fails
    fast (short timeouts, settings.py), logs, and leaves ``queued_at`` empty for the sweep."""
    try:
        jobs.send(RENDER_TASK, submission_id)
    except Exception:  # any broker error: the row is the job, the sweep sends it again
        log.warning("could not queue the PDF of submission %s; the sweep will send it again", submission_id)
        return False
    Submission.objects.filter(pk=submission_id).update(queued_at=timezone.now())
    return True


def enqueue_render(submission_id: int) -> None:
    """Queue the PDF of a submission once the transaction commits."""
    transaction.on_commit(RenderJob(RENDER_TASK, (submission_id,)), robust=True)


def _freeze(
    response: Response, by: User | None, *, declined: bool, now: dt.datetime, enqueue: bool, is_late: bool | None = None
) -> Submission:
    is_late = deadline_is_late(response, now) if is_late is None else is_late
    number = (response.submissions.aggregate(n=Max("number"))["n"] or 0) + 1
    snapshot = build_snapshot(response, number=number, submitted_at=now, is_late=is_late, declined=declined)
    submission = Submission.objects.create(
        response=response,
        number=number,
        snapshot=snapshot,
        submitted_at=now,
        submitted_by=by,
        is_late=is_late,
        declined=declined,
    )
    freeze_attachments(response, submission)
    response.assignments.filter(done_at__isnull=True).update(done_at=now)  # open tasks end with the answer
    if enqueue:  # if the broker is down the row stays pending and the beat sweeper re-queues it
        enqueue_render(submission.pk)
    return submission


@transaction.atomic
def submit_response(
    *, response: Response, by: User, message: str = "", now: dt.datetime | None = None, enqueue: bool = True
) -> Submission:
    """Freeze the approved answer into a new Submission; the PDF and receipt follow in a task."""
    response = _lock(response)
    _check("submit", response, by)
    missing = missing_for_submission(response)
    if missing:
        raise WorkflowError(_("Yttrandet kan inte skickas in ännu:") + " " + " ".join(missing))
    submission = _freeze(response, by, declined=False, now=now or timezone.now(), enqueue=enqueue)
    _transition(response, ResponseStatus.SUBMITTED, by, _clean_message(message), action="response.submitted")
    return submission


@transaction.atomic
def submit_received_document(
    *, response: Response, by: User, received_at: dt.datetime, enqueue: bool = True, source: str = "document"
) -> Submission:
    """Ministry staff confirm the reading of an answer that came as a document (e-mail, post): it
    becomes the sender's submission, dated when it came in (late if after the deadline). Only for a
    sender that has not started an answer in the service, so no draft is ever overwritten."""
    response = _lock(response)
    remiss = response.recipient.remiss
    staff = Membership.objects.filter(user=by, organisation_id=remiss.ministry_id, is_ministry_staff=True).exists()
    if not staff:
        raise WorkflowError(_("Bara departementets handläggare kan registrera svar som kommit in som dokument."))
    if response.status != ResponseStatus.NOT_STARTED:
        raise WorkflowError(
            _("%(org)s har redan ett svar i tjänsten (status ”%(status)s”). Dokumentet registreras inte.")
            % {"org": response.recipient.organisation, "status": response.get_status_display()}
        )
    if not remiss.accepts_answers:
        raise WorkflowError(_("Remissen är inte öppen för svar."))
    late = response.recipient.deadline_passed(received_at)  # registered even if late
    submission = _freeze(response, by, declined=False, now=received_at, enqueue=enqueue, is_late=late)
    submission.snapshot = {**submission.snapshot, "source": source}  # "document" or "public" (Övriga)
    submission.save(update_fields=["snapshot"])
    _transition(response, ResponseStatus.SUBMITTED, by, action="response.document_registered")
    return submission


@transaction.atomic
def decline_response(
    *, response: Response, by: User, reason: str, now: dt.datetime | None = None, enqueue: bool = True
) -> Submission:
    """Avstå från att yttra sig, with a short reason. Also produces a PDF and a receipt."""
    response = _lock(response)
    _check("decline", response, by)
    reason = _clean_message(reason)
    if not reason:
        raise WorkflowError(_("Skriv kort varför organisationen avstår från att yttra sig."))
    if len(reason) > 1000:
        raise WorkflowError(_("Skälet ska vara kort (högst 1 000 tecken)."))
    response.declined_reason = reason
    response.save(update_fields=["declined_reason", "updated_at"])
    submission = _freeze(response, by, declined=True, now=now or timezone.now(), enqueue=enqueue)
    _transition(response, ResponseStatus.DECLINED, by, reason, action="response.declined")
    return submission


@transaction.atomic
def reopen_for_correction(
    *, response: Response, by: User, message: str = "", now: dt.datetime | None = None
) -> Response:
    """Open a submitted (or declined) answer again to submit a corrected version before the deadline.
    Earlier submissions are kept; the newest is the one shown."""
    response = _lock(response)
    _check("reopen", response, by)
    if not deadlines.can_correct(response.recipient, now):
        raise WorkflowError(
            _("Sista svarsdag har passerat. Ett inskickat yttrande kan bara rättas före sista svarsdag.")
        )
    response.declined_reason = ""
    response.save(update_fields=["declined_reason", "updated_at"])
    _transition(response, ResponseStatus.DRAFT, by, _clean_message(message), action="response.reopened")
    return response


ACTIONS = {
    "send_for_review": send_for_review,
    "request_changes": request_changes,
    "approve": approve,
    "reopen": reopen_for_correction,
}


def available_actions(response: Response, membership: Membership | None) -> set[str]:
    """Which buttons to show, from the table (the functions above still check everything)."""
    return {action for action, rule in RULES.items() if rule.button and allows(action, response, membership)}
