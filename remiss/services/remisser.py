"""Every state change of a remiss, its documents, structure and remisslista.

Each function takes keyword-only arguments, runs in one transaction, checks the current state and
raises ``RemissError`` (a Swedish message for the user) when the change is not allowed. Views and
tasks call these; nothing else assigns ``Remiss.status``.

After publishing, structure changes are written to the audit log and the recipients are told by
e-mail (a Celery task enqueued on commit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import AuditEvent, Organisation, User
from core import jobs
from core.errors import ApplicationError
from remiss import deadlines
from remiss.importers import ImportedRemiss, ImportedSection
from remiss.models import (
    Answer,
    Document,
    InvitationStatus,
    Proposal,
    ProposalKind,
    Publicity,
    Recipient,
    Remiss,
    RemissStatus,
    Response,
    ResponseStatus,
    Section,
    Submission,
)
from remiss.uploads import validate_pdf

EDITABLE = (RemissStatus.DRAFT, RemissStatus.PUBLISHED)
REMINDER_DAYS = (14, 3)


class RemissError(ApplicationError):
    """A change that is not allowed; ``str(error)`` is shown to the user."""


class RemissIncomplete(RemissError):
    def __init__(self, problems: list[str]):
        super().__init__(_("Remissen kan inte publiceras än: ") + " ".join(problems), problems=problems)


# --- helpers ------------------------------------------------------------------------------------


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


# --- the remiss itself --------------------------------------------------------------------------


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


# --- documents ----------------------------------------------------------------------------------


@transaction.atomic
def add_document(*, remiss: Remiss, by: User | None, title: str, upload) -> Document:
    remiss = _locked(remiss)
    _check_editable(remiss)
    try:
        validate_pdf(upload)
    except ValidationError as error:
        raise RemissError(" ".join(error.messages)) from None
    position = (remiss.documents.aggregate(p=Max("position"))["p"] or 0) + 1
    document = Document(
        remiss=remiss,
        title=title.strip() or upload.name,
        original_name=upload.name[:255],
        size=upload.size,
        position=position,
    )
    document.file.save("upload.pdf", upload, save=False)
    document.save()
    _structure_changed(
        remiss,
        by,
        "remiss.document_added",
        _("Dokumentet ”%(title)s” har lagts till.") % {"title": document.title},
        obj=document,
    )
    return document


@transaction.atomic
def delete_document(*, document: Document, by: User | None) -> None:
    remiss = _locked(document.remiss)
    _check_editable(remiss)
    title = document.title
    field = document.file
    document.delete()
    transaction.on_commit(lambda: field.storage.delete(field.name))
    _structure_changed(
        remiss, by, "remiss.document_deleted", _("Dokumentet ”%(title)s” har tagits bort.") % {"title": title}
    )


# --- sections and proposals -----------------------------------------------------------------------


def _has_answers(proposals) -> bool:
    return Answer.objects.filter(proposal__in=proposals).exclude(stance="", comment="").exists()


@transaction.atomic
def add_section(*, remiss: Remiss, by: User | None, number: str, title: str, approximate: bool = False) -> Section:
    remiss = _locked(remiss)
    _check_editable(remiss)
    position = (remiss.sections.aggregate(p=Max("position"))["p"] or 0) + 1
    section = Section.objects.create(
        remiss=remiss, number=number.strip(), title=title.strip(), approximate=approximate, position=position
    )
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss,
        by,
        "remiss.section_added",
        _("Avsnittet %(section)s har lagts till.") % {"section": section},
        obj=section,
    )
    return section


@transaction.atomic
def update_section(*, section: Section, by: User | None, number: str, title: str) -> Section:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    section.number, section.title = number.strip(), title.strip()
    section.save(update_fields=["number", "title"])
    _structure_changed(
        remiss,
        by,
        "remiss.section_updated",
        _("Avsnittet %(section)s har ändrats.") % {"section": section},
        obj=section,
    )
    return section


@transaction.atomic
def delete_section(*, section: Section, by: User | None) -> None:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    if remiss.status == RemissStatus.PUBLISHED and _has_answers(section.proposals.all()):
        raise RemissError(_("Avsnittet innehåller förslag som redan har besvarats och kan inte tas bort."))
    label = str(section)
    section.delete()
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss, by, "remiss.section_deleted", _("Avsnittet %(section)s har tagits bort.") % {"section": label}
    )


@transaction.atomic
def move_section(*, section: Section, by: User | None, direction: str) -> None:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    if _move(list(remiss.sections.all()), section, direction):
        _structure_changed(
            remiss, by, "remiss.section_moved", _("Ordningen mellan avsnitten har ändrats."), obj=section
        )


def _check_kind(kind: str) -> None:
    if kind not in ProposalKind.values:
        raise RemissError(_("Okänd typ av förslag."))


@transaction.atomic
def add_proposal(*, section: Section, by: User | None, kind: str, text: str) -> Proposal:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    _check_kind(kind)
    position = (section.proposals.aggregate(p=Max("position"))["p"] or 0) + 1
    proposal = Proposal.objects.create(remiss=remiss, section=section, kind=kind, text=text.strip(), position=position)
    _renumber(list(section.proposals.all()))
    proposal.refresh_from_db()
    _structure_changed(
        remiss,
        by,
        "remiss.proposal_added",
        _("Förslag %(label)s har lagts till.") % {"label": proposal.label},
        obj=proposal,
    )
    return proposal


@transaction.atomic
def update_proposal(*, proposal: Proposal, by: User | None, section: Section, kind: str, text: str) -> Proposal:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    _check_kind(kind)
    if section.remiss_id != remiss.pk:
        raise RemissError(_("Avsnittet hör inte till remissen."))
    old_section = proposal.section
    proposal.kind, proposal.text = kind, text.strip()
    if section.pk != old_section.pk:
        proposal.section = section
        proposal.position = (section.proposals.aggregate(p=Max("position"))["p"] or 0) + 1
    proposal.save()
    _renumber(list(old_section.proposals.all()))
    _renumber(list(section.proposals.all()))
    proposal.refresh_from_db()
    _structure_changed(
        remiss,
        by,
        "remiss.proposal_updated",
        _("Förslag %(label)s har ändrats.") % {"label": proposal.label},
        obj=proposal,
    )
    return proposal


@transaction.atomic
def delete_proposal(*, proposal: Proposal, by: User | None) -> None:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    if remiss.status == RemissStatus.PUBLISHED and _has_answers([proposal]):
        raise RemissError(
            _("Förslaget har redan besvarats av minst en remissinstans och kan inte tas bort. Ändra texten i stället.")
        )
    label, section = proposal.label, proposal.section
    proposal.delete()
    _renumber(list(section.proposals.all()))
    _structure_changed(
        remiss, by, "remiss.proposal_deleted", _("Förslag %(label)s har tagits bort.") % {"label": label}
    )


@transaction.atomic
def move_proposal(*, proposal: Proposal, by: User | None, direction: str) -> None:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    if _move(list(proposal.section.proposals.all()), proposal, direction):
        _structure_changed(
            remiss, by, "remiss.proposal_moved", _("Ordningen mellan förslagen har ändrats."), obj=proposal
        )


@transaction.atomic
def import_sections(
    *, remiss: Remiss, by: User | None, sections: Iterable[ImportedSection], replace: bool = False, source: str = ""
) -> int:
    """Append (or, for a draft, replace) sections and their proposals; returns the number of proposals."""
    remiss = _locked(remiss)
    _check_editable(remiss)
    sections = list(sections)
    if replace:
        if remiss.status != RemissStatus.DRAFT:
            raise RemissError(_("Avsnitt och förslag kan bara ersättas medan remissen är ett utkast."))
        remiss.sections.all().delete()
    position = (remiss.sections.aggregate(p=Max("position"))["p"] or 0) + 1
    count = 0
    for offset, imported in enumerate(sections):
        section = Section.objects.create(
            remiss=remiss,
            number=imported.number,
            title=imported.title,
            approximate=imported.approximate,
            position=position + offset,
        )
        Proposal.objects.bulk_create(
            Proposal(remiss=remiss, section=section, kind=item.kind, text=item.text, position=index)
            for index, item in enumerate(imported.items)
        )
        count += len(imported.items)
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss,
        by,
        "remiss.structure_imported",
        _("%(sections)d avsnitt med %(proposals)d förslag har lagts till.")
        % {"sections": len(sections), "proposals": count},
        data={"replace": replace, "source": source[:200]},
    )
    return count


@transaction.atomic
def create_remiss_from_import(
    *, ministry: Organisation, by: User | None, imported: ImportedRemiss, **fields: Any
) -> Remiss:
    remiss = create_remiss(
        ministry=ministry, by=by, title=imported.title, reference=imported.reference, reports=imported.reports, **fields
    )
    import_sections(remiss=remiss, by=by, sections=imported.sections, source="json")
    return remiss


# --- the remisslista ---------------------------------------------------------------------------------


@transaction.atomic
def add_recipients(*, remiss: Remiss, by: User | None, organisations: Iterable[Organisation]) -> int:
    """Add organisations (skipping those already on the list); after publishing also create their
    responses and invite them. Returns the number added."""
    remiss = _locked(remiss)
    _check_editable(remiss)
    existing = set(remiss.recipients.values_list("organisation_id", flat=True))
    added = []
    for organisation in organisations:
        if organisation.pk in existing or organisation.is_ministry or not organisation.is_active:
            continue
        existing.add(organisation.pk)
        added.append(Recipient.objects.create(remiss=remiss, organisation=organisation))
    if not added:
        return 0
    if remiss.status == RemissStatus.PUBLISHED:
        for recipient in added:
            Response.objects.get_or_create(recipient=recipient)
        _enqueue("send_invitations", remiss.pk)
    _record(
        "remiss.recipients_added",
        remiss=remiss,
        by=by,
        data={"organisations": [r.organisation_id for r in added][:500], "count": len(added)},
    )
    return len(added)


@transaction.atomic
def remove_recipient(*, recipient: Recipient, by: User | None) -> None:
    remiss = _locked(recipient.remiss)
    _check_editable(remiss)
    response = Response.objects.filter(recipient=recipient).first()
    if response and response.status != ResponseStatus.NOT_STARTED:
        raise RemissError(
            _("%(org)s har redan börjat svara och kan inte tas bort från remisslistan.")
            % {"org": recipient.organisation}
        )
    name = str(recipient.organisation)
    organisation_id = recipient.organisation_id
    recipient.delete()
    _record("remiss.recipient_removed", remiss=remiss, by=by, data={"organisation": organisation_id, "name": name})




@transaction.atomic
def extend_deadline(
    *, recipient: Recipient, by: User | None, until: dt.date | None, reason: str, now: dt.datetime | None = None
) -> Recipient:
    """Give one recipient a later deadline (or remove the extension with ``until=None``).

    Also possible after the remiss has closed: the remiss stays closed for everyone else, while this
    recipient may answer until the extension ends (the workflow uses ``Recipient.deadline_at``).
    """
    remiss = _locked(recipient.remiss)
    if remiss.status == RemissStatus.ARCHIVED:  # an archived remiss is done; any other may be extended
        raise RemissError(_("Remissen är arkiverad och kan inte längre ändras."))
    recipient = Recipient.objects.select_for_update().select_related("organisation").get(pk=recipient.pk)
    if until is not None:
        if not remiss.deadline or until <= remiss.deadline:
            raise RemissError(_("Den förlängda svarsdagen måste vara senare än remissens sista svarsdag."))
        if not deadlines.is_in_future(until, remiss.deadline_time, now):
            raise RemissError(_("Den förlängda svarsdagen måste ligga i framtiden."))
        if not reason.strip():
            raise RemissError(_("Ange ett skäl för förlängningen."))
    old = recipient.extended_deadline
    recipient.extended_deadline = until
    recipient.extension_reason = reason.strip() if until else ""
    recipient.save(update_fields=["extended_deadline", "extension_reason"])
    recipient.remiss = remiss
    _record(
        "remiss.deadline_extended",
        remiss=remiss,
        by=by,
        obj=recipient,
        data={
            "organisation": recipient.organisation_id,
            "old": old.isoformat() if old else None,
            "until": until.isoformat() if until else None,
            "reason": recipient.extension_reason,
            "remiss_status": remiss.status,
        },
    )
    if remiss.accepts_answers:
        _enqueue("notify_extension", recipient.pk)
    return recipient


# --- invitations and reminders (called by the tasks) ----------------------------------------------------

MAX_INVITATION_ATTEMPTS = 3


@transaction.atomic
def mark_invited(*, recipient_id: int) -> Recipient | None:
    """Claim a recipient's first invitation: set ``invited_at`` once (the time of the first attempt).
    Returns the locked recipient if it still needs an invitation, else None. The outcome of sending
    is stored by ``record_invitation``."""
    recipient = (
        Recipient.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("remiss", "organisation")
        .filter(pk=recipient_id, invited_at__isnull=True, remiss__status=RemissStatus.PUBLISHED)
        .first()
    )
    if recipient is None:
        return None
    recipient.invited_at = timezone.now()
    recipient.save(update_fields=["invited_at"])
    return recipient


def _retryable_invitations():
    """Recipients of published remisser whose invitation failed, with attempts left."""
    return Recipient.objects.filter(
        remiss__status=RemissStatus.PUBLISHED,
        invitation_status=InvitationStatus.FAILED,
        invitation_attempts__lt=MAX_INVITATION_ATTEMPTS,
    )


@transaction.atomic
def claim_invitation_retry(*, recipient_id: int) -> Recipient | None:
    """Lock a recipient whose invitation failed and may be tried again; None if not (any more)."""
    return (
        _retryable_invitations()
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("remiss", "organisation")
        .filter(pk=recipient_id)
        .first()
    )


def recipients_to_retry() -> list[int]:
    """The ids the sweep queues a retry for."""
    return list(_retryable_invitations().values_list("pk", flat=True))


def record_invitation(*, recipient: Recipient, sent: Sequence[str], failed: Sequence[str], error: str = "") -> None:
    """Store the outcome of one attempt to send the invitation: per address, failed ones kept for a retry."""
    recipient.invitation_attempts += 1
    recipient.invitation_sent_count += len(sent)
    recipient.invitation_failed_addresses = list(failed)
    recipient.invitation_error = error[:500] if failed else ""
    if failed:
        recipient.invitation_status = InvitationStatus.FAILED
    elif recipient.invitation_sent_count:
        recipient.invitation_status = InvitationStatus.SENT
    else:
        recipient.invitation_status = InvitationStatus.NO_RECIPIENTS
    recipient.save(
        update_fields=[
            "invitation_attempts",
            "invitation_sent_count",
            "invitation_failed_addresses",
            "invitation_error",
            "invitation_status",
        ]
    )
    if failed:
        audit.record(
            "recipient.invitation_failed",
            organisation=recipient.remiss.ministry,
            obj=recipient,
            data={
                "remiss": recipient.remiss_id,
                "attempt": recipient.invitation_attempts,
                "failed": len(failed),
                "sent": len(sent),
                "final": recipient.invitation_attempts >= MAX_INVITATION_ATTEMPTS,
            },
            actor_label="system",
        )


def reminder_due(recipient: Recipient, today: dt.date) -> int | None:
    """The reminder (days before the deadline) this recipient should get today, if any."""
    deadline = recipient.effective_deadline
    if not deadline or not recipient.invited_at:
        return None
    days_left = (deadline - today).days
    if days_left < 0:
        return None
    invited = timezone.localdate(recipient.invited_at)
    for days in sorted(REMINDER_DAYS):
        if days_left <= days:
            if (deadline - invited).days <= days or reminder_sent(recipient, days):
                return None
            return days
    return None


def reminder_sent(recipient: Recipient, days: int) -> bool:
    return AuditEvent.objects.filter(
        action="recipient.reminded", object_type="remiss.recipient", object_id=str(recipient.pk), data__days=days
    ).exists()


def recipients_to_remind(today: dt.date) -> list[tuple[Recipient, int]]:
    """Recipients who have neither submitted nor declined and are due a reminder: of published
    remisser, and of closed ones when the recipient has an extension that is still running."""
    running = Q(remiss__status=RemissStatus.PUBLISHED) | Q(
        remiss__status=RemissStatus.CLOSED, extended_deadline__gte=today
    )
    candidates = (
        Recipient.objects.filter(running, invited_at__isnull=False)
        .exclude(response__status__in=ResponseStatus.FINAL)
        .exclude(response__submissions__isnull=False)  # answered once; a correction is under way
        .select_related("remiss__ministry", "organisation")
        .distinct()
    )
    due = []
    for recipient in candidates:
        days = reminder_due(recipient, today)
        if days is not None:
            due.append((recipient, days))
    return due


def record_reminder(*, recipient: Recipient, days: int) -> None:
    audit.record(
        "recipient.reminded",
        organisation=recipient.remiss.ministry,
        obj=recipient,
        data={"days": days, "remiss": recipient.remiss_id},
        actor_label="system",
    )
