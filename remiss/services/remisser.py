"""Every state change of a remiss itself: create, edit, publish, close and reopen.

Every change is checked and written to the audit log here; the remiss's documents, its structure,
its remisslista and its invitation rounds have modules of their own beside this one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, User
from core import jobs
from core.errors import ApplicationError
from remiss import deadlines
from remiss.models import (
    Publicity,
    Remiss,
    RemissStatus,
    Response,
    Submission,
)

EDITABLE = (RemissStatus.DRAFT, RemissStatus.PUBLISHED)


class RemissError(ApplicationError):
    """A change that is not allowed; ``str(error)`` is shown to the user."""


class RemissIncomplete(RemissError):
    def __init__(self, problems: list[str]):
        super().__init__(_("Remissen kan inte publiceras än: ") + " ".join(problems), problems=problems)


def _enqueue(task_name: str, *args: Any) -> None:
    """Send the Celery task ``remiss.<task_name>`` once the transaction has committed (never a job
    for rolled-back data)."""
    jobs.enqueue(f"remiss.{task_name}", *args)


def _check_editable(remiss: Remiss) -> None:
    if remiss.status not in EDITABLE:
        raise RemissError(_("Remissen är stängd och kan inte längre ändras."))


def _check_deadline_in_future(deadline: dt.date | None, deadline_time: dt.time | None) -> None:
    if deadline and not deadlines.is_in_future(deadline, deadline_time):
        raise RemissError(_("Sista svarsdag måste ligga i framtiden."))


def _record(action: str, *, remiss: Remiss, by: User | None, obj=None, data: dict | None = None) -> None:
    audit.record(
        action, actor=by, organisation=remiss.ministry, obj=obj or remiss, data={"remiss": remiss.pk, **(data or {})}
    )


def _structure_changed(remiss: Remiss, by: User | None, action: str, description: str, obj=None, data=None) -> None:
    """Log a change of sections, proposals or documents; after publishing, also tell the recipients."""
    _record(action, remiss=remiss, by=by, obj=obj, data={"description": description, **(data or {})})
    if remiss.status == RemissStatus.PUBLISHED:
        _enqueue("notify_remiss_changed", remiss.pk, description)


def _renumber(items: Sequence) -> None:
    for index, item in enumerate(items):
        if item.position != index:
            item.position = index
            item.save(update_fields=["position"])


def _move(items: list, item, direction: str) -> bool:
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    return True


def _reference_taken(ministry: Organisation, reference: str, *, exclude: int | None = None) -> bool:
    """Diarienummer are unique per ministry, compared case-insensitively (as the DB constraint does)."""
    others = Remiss.objects.filter(ministry=ministry, reference__iexact=reference.strip())
    return others.exclude(pk=exclude).exists() if exclude else others.exists()


def _reference_error(reference: str) -> RemissError:
    return RemissError(
        _("Diarienumret %(ref)s används redan av en annan remiss från departementet.") % {"ref": reference}
    )


def _audit_value(value: Any) -> Any:
    """A JSON-safe copy of a field value for the audit log."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _locked(remiss: Remiss) -> Remiss:
    """Re-read and lock the remiss row so concurrent changes see one state."""
    return Remiss.objects.select_for_update().select_related("ministry").get(pk=remiss.pk)


@transaction.atomic
def create_remiss(*, ministry: Organisation, by: User | None, **fields: Any) -> Remiss:
    if not ministry.is_ministry:
        raise RemissError(_("Bara ett departement kan skicka ut en remiss."))
    unknown = set(fields) - set(Remiss.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _check_deadline_in_future(fields.get("deadline"), fields.get("deadline_time"))
    if _reference_taken(ministry, fields.get("reference", "")):
        raise _reference_error(fields["reference"])
    try:
        with transaction.atomic():
            remiss = Remiss.objects.create(ministry=ministry, created_by=by, **fields)
    except IntegrityError:
        raise _reference_error(fields.get("reference", "")) from None
    _record("remiss.created", remiss=remiss, by=by)
    return remiss


# Changes after publishing that recipients are told about (besides sections, proposals and documents).
NOTIFIED_FIELDS = ("deadline", "deadline_time", "consequence_questions", "late_policy")


@transaction.atomic
def update_remiss(*, remiss: Remiss, by: User | None, **fields: Any) -> Remiss:
    remiss = _locked(remiss)
    _check_editable(remiss)
    unknown = set(fields) - set(Remiss.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    changed = {name: value for name, value in fields.items() if getattr(remiss, name) != value}
    if not changed:
        return remiss
    if "deadline" in changed or "deadline_time" in changed:
        _check_deadline_in_future(
            fields.get("deadline", remiss.deadline), fields.get("deadline_time", remiss.deadline_time)
        )
        if remiss.status == RemissStatus.PUBLISHED and not fields.get("deadline", remiss.deadline):
            raise RemissError(_("En publicerad remiss måste ha en sista svarsdag."))
    if "reference" in changed and _reference_taken(remiss.ministry, changed["reference"], exclude=remiss.pk):
        raise _reference_error(changed["reference"])
    if changed.get("publicity") == Publicity.AFTER_DEADLINE and _answers_already_public(remiss):
        raise RemissError(
            _(
                "Remissvaren är redan publicerade på webben. Det går inte längre att ändra till att de "
                "blir offentliga först efter sista svarsdag."
            )
        )
    old = {name: _audit_value(getattr(remiss, name)) for name in changed}
    for name, value in changed.items():
        setattr(remiss, name, value)
    try:
        with transaction.atomic():
            remiss.save()
    except IntegrityError:
        raise _reference_error(changed.get("reference", remiss.reference)) from None
    _record(
        "remiss.updated",
        remiss=remiss,
        by=by,
        data={
            "fields": sorted(changed),
            "changes": {name: {"old": old[name], "new": _audit_value(value)} for name, value in changed.items()},
        },
    )
    if remiss.status == RemissStatus.PUBLISHED:
        notices = _change_notices(remiss, set(changed) & set(NOTIFIED_FIELDS))
        if notices:
            _enqueue("notify_remiss_changed", remiss.pk, " ".join(notices))
    return remiss


def _answers_already_public(remiss: Remiss) -> bool:
    """Answers have been shown on the web: the remiss published them at once and some came in."""
    return (
        remiss.status != RemissStatus.DRAFT
        and remiss.publicity == Publicity.IMMEDIATE
        and Submission.objects.filter(response__recipient__remiss=remiss).exists()
    )


def _change_notices(remiss: Remiss, fields: set[str]) -> list[str]:
    """Swedish sentences telling recipients what changed in the remiss's rules."""
    notices = []
    if {"deadline", "deadline_time"} & fields:
        when = date_format(remiss.deadline, "Y-m-d")
        if remiss.deadline_time:
            when += " " + _("kl.") + " " + remiss.deadline_time.strftime("%H:%M")
        notices.append(_("Sista svarsdag har ändrats till %(date)s.") % {"date": when})
    if "consequence_questions" in fields:
        labels = [str(label) for _key, label in remiss.consequence_labels()]
        if labels:
            notices.append(_("Remissinstanserna ombeds nu beskriva: %(questions)s.") % {"questions": ", ".join(labels)})
        else:
            notices.append(_("Remissen ställer inte längre några frågor om konsekvenser."))
    if "late_policy" in fields:
        notices.append(
            _("Regeln för svar efter sista svarsdag har ändrats: %(rule)s.")
            % {"rule": str(remiss.get_late_policy_display()).lower()}
        )
    return notices


def completeness_problems(remiss: Remiss, now: dt.datetime | None = None) -> list[str]:
    """What is missing before the remiss can be published, in Swedish."""
    problems = []
    if not remiss.proposals.exists():
        problems.append(_("Lägg till minst ett förslag."))
    if not remiss.recipients.exists():
        problems.append(_("Lägg till minst en remissinstans i remisslistan."))
    if not remiss.deadline:
        problems.append(_("Ange sista svarsdag."))
    elif remiss.deadline_passed(now):
        problems.append(_("Sista svarsdag har redan passerat; ange en dag i framtiden."))
    if not remiss.title.strip():
        problems.append(_("Ange en rubrik."))
    return problems


@transaction.atomic
def publish_remiss(*, remiss: Remiss, by: User | None) -> Remiss:
    """Publish a draft: check completeness, create a response per recipient and send invitations."""
    remiss = _locked(remiss)
    if remiss.status != RemissStatus.DRAFT:
        raise RemissError(_("Remissen är redan publicerad."))
    problems = completeness_problems(remiss)
    if problems:
        raise RemissIncomplete(problems)
    remiss.status = RemissStatus.PUBLISHED
    remiss.published_at = timezone.now()
    remiss.save(update_fields=["status", "published_at", "updated_at"])
    for recipient in remiss.recipients.all():
        Response.objects.get_or_create(recipient=recipient)
    _record("remiss.published", remiss=remiss, by=by, data={"recipients": remiss.recipients.count()})
    _enqueue("send_invitations", remiss.pk)
    return remiss


@transaction.atomic
def close_remiss(*, remiss: Remiss, by: User | None = None) -> Remiss:
    remiss = _locked(remiss)
    if remiss.status != RemissStatus.PUBLISHED:
        return remiss
    remiss.status = RemissStatus.CLOSED
    remiss.closed_at = timezone.now()
    remiss.save(update_fields=["status", "closed_at", "updated_at"])
    _record("remiss.closed", remiss=remiss, by=by, data={"automatic": by is None})
    return remiss


@transaction.atomic
def reopen_remiss(*, remiss: Remiss, by: User | None, deadline: dt.date) -> Remiss:
    """Open a remiss again with a new deadline in the future (published or closed, e.g. the demo remiss
    when its deadline has passed). Recipients are told about the new deadline."""
    remiss = _locked(remiss)
    if not remiss.accepts_answers:
        raise RemissError(_("Bara en publicerad eller stängd remiss kan öppnas igen."))
    _check_deadline_in_future(deadline, remiss.deadline_time)
    old = {"deadline": _audit_value(remiss.deadline), "status": remiss.status}
    remiss.deadline, remiss.status, remiss.closed_at = deadline, RemissStatus.PUBLISHED, None
    remiss.save(update_fields=["deadline", "status", "closed_at", "updated_at"])
    _record("remiss.reopened", remiss=remiss, by=by, data={"old": old, "deadline": deadline.isoformat()})
    _enqueue("notify_remiss_changed", remiss.pk, " ".join(_change_notices(remiss, {"deadline"})))
    return remiss


def close_expired_remisser(*, now: dt.datetime | None = None) -> list[int]:
    """Close every published remiss whose deadline (and every extension) has passed."""
    now = now or timezone.now()
    closed = []
    candidates = Remiss.objects.filter(status=RemissStatus.PUBLISHED, deadline__lte=timezone.localdate(now))
    for remiss in candidates:
        latest = deadlines.last_deadline(remiss)
        if latest and now > latest:
            close_remiss(remiss=remiss)
            closed.append(remiss.pk)
    return closed


MAX_INVITATION_ATTEMPTS = 3
