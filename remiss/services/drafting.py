"""Drafting an answer: the form's data, saving text with optimistic versions, history and diffs,
attachments and the decision.

Status changes are in ``remiss.workflow``; this module changes content. Every write checks the
actor's membership and role in the response's organisation, and raises ``ResponseError`` (a
Swedish message) or ``SaveConflict`` (both texts, for the user to choose). The parts of an answer
are named by ``remiss.fieldkeys.FieldKey``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit
from accounts.models import Membership, User
from remiss import fieldkeys, workflow
from remiss.fieldkeys import FieldKey, response_field_keys
from remiss.models import (
    Answer,
    Attachment,
    Proposal,
    Response,
    ResponseStatus,
    Revision,
    Signatory,
    Stance,
)
from remiss.models.responses import MAX_SIGNATORIES, MAX_TEXT_LENGTH, NOT_ANSWERED_LABEL
from remiss.services.errors import ResponseError

VALID_STANCES = {""} | set(Stance.values)
PLAIN_LABELS = {
    fieldkeys.SUMMARY: gettext_lazy("Sammanfattning"),
    fieldkeys.GENERAL: gettext_lazy("Generella synpunkter"),
    fieldkeys.DECISION: gettext_lazy("Beslut och undertecknare"),
}


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
    def field_key(self) -> FieldKey:
        return FieldKey.parse(self.field)

    @property
    def form_name(self) -> str:
        """The field's suffix in the answer form: ``summary``, ``consequence-<key>`` or ``<proposal id>``."""
        return self.field_key.form_name

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


# --- Saving text with optimistic versions -------------------------------------------------------------


def field_label(response: Response, key: str, proposals: dict[int, Proposal] | None = None) -> str:
    """The part's name as the history and error messages show it ("Förslag 7.4.3")."""
    part = FieldKey.parse(key)
    if part is None:
        return key
    if part.kind == fieldkeys.CONSEQUENCE:
        return dict(response.recipient.remiss.consequence_labels()).get(part.arg, key)
    if part.is_answer:
        pid = part.proposal_id
        proposal = (proposals or {}).get(pid) or Proposal.objects.filter(pk=pid).select_related("section").first()
        return (
            _("%(kind)s %(label)s") % {"kind": proposal.get_kind_display(), "label": proposal.label}
            if proposal
            else key
        )
    return str(PLAIN_LABELS[part.kind])


def _check_editor(response: Response, by: User) -> Membership:
    membership = workflow.membership_of(by, response)
    if membership is None:
        raise ResponseError(_("Du är inte medlem i organisationen som svarar på remissen."))
    if not workflow.has_roles(membership, "edit"):
        raise ResponseError(_("Bara handläggare och beslutsfattare kan ändra i yttrandet."))
    if response.status not in workflow.RULES["edit"].statuses:
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
    part = FieldKey.parse(key)
    if part.kind == fieldkeys.CONSEQUENCE:
        return (response.consequences or {}).get(part.arg, "")
    return getattr(response, part.kind)


def _set_response_field(response: Response, key: str, text: str) -> None:
    part = FieldKey.parse(key)
    if part.kind == fieldkeys.CONSEQUENCE:
        response.consequences = {**(response.consequences or {}), part.arg: text}
    else:
        setattr(response, part.kind, text)


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
    """Save changed fields. ``texts``: {"summary"|"general_comments"|"consequence:<key>": text}
    (``FieldKey.key``); ``text_versions``: the version each of those fields was loaded at (see
    ``selectors.answer_form.text_field_versions``; ``response_version``, the response's version when the page was loaded,
    stands in for a field missing there); ``answers``: {proposal_id: (stance, comment, version loaded)}.

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
    revisions: list[Revision] = []
    changed = _save_texts(locked, by, texts, text_versions, response_version, result, revisions)
    if answers:
        _save_answers(locked, by, answers, result, revisions)
        if any(FieldKey.parse(k).is_answer for k in result.saved) and not changed:
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


def _conflict(key: str, mine: tuple[str, str], theirs: tuple[str, str], latest: Revision | None, version: int):
    """A Conflict from (text, stance) pairs and the colleague's latest revision."""
    author = latest.author.get_full_name() if latest and latest.author else ""
    return Conflict(key, mine[0], mine[1], theirs[0], theirs[1], author, latest.created_at if latest else None, version)


def _save_texts(locked, by, texts, text_versions, response_version, result, revisions) -> dict[str, str]:
    """Response-level fields: Response.version numbers their revisions, but each field is checked
    against its own latest revision, never against the other fields' saves. Returns what changed."""
    allowed_keys = set(response_field_keys(locked))
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
                result.conflicts.append(_conflict(key, (text, ""), (current, ""), latest, field_version))
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
    return changed


def _save_answers(locked, by, answers, result, revisions) -> None:
    """Per-proposal answers, each with its own version."""
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
    for pid, (stance, comment, version) in answers.items():
        proposal = proposals.get(pid)
        if proposal is None:
            raise ResponseError(_("Förslaget hör inte till den här remissen."))
        if stance not in VALID_STANCES:
            raise ResponseError(_("Okänt ställningstagande. Välj ett av alternativen."))
        comment = _check_text(comment, _("Kommentaren till förslag %(label)s") % {"label": proposal.label})
        answer = existing.get(pid) or Answer(response=locked, proposal=proposal, version=0)
        merged = _merge_answer(locked, answer, (stance, comment), version, result)
        if merged is None or merged == (answer.stance, answer.comment):
            result.answer_versions[pid] = answer.version
            continue
        answer.stance, answer.comment = merged
        answer.version += 1
        answer.updated_by = by
        answer.save()
        key = FieldKey.answer(pid).key
        revisions.append(
            Revision(response=locked, field=key, stance=merged[0], text=merged[1], version=answer.version, author=by)
        )
        result.answer_versions[pid] = answer.version
        result.saved.append(key)


def _merge_answer(locked, answer, mine: tuple[str, str], version: int | None, result) -> tuple[str, str] | None:
    """The (stance, comment) to write for one answer, or None after recording a conflict."""
    current = (answer.stance, answer.comment)
    if mine == current or version is None or version >= answer.version:
        return mine
    key = FieldKey.answer(answer.proposal_id).key
    base = _base(locked, key, version)
    new_stance, c1 = _merge(mine[0], base.stance if base else "", current[0])
    new_comment, c2 = _merge(mine[1], base.text if base else "", current[1])
    if c1 or c2:
        latest = _latest(locked, key)
        result.conflicts.append(_conflict(key, (mine[1], mine[0]), (current[1], current[0]), latest, answer.version))
        return None
    return new_stance, new_comment


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
    if not workflow.has_roles(membership, "decide"):
        raise ResponseError(_("Bara en beslutsfattare kan registrera beslutet."))
    if len([n for n, _t in signatories if n.strip()]) > MAX_SIGNATORIES:
        raise ResponseError(_("Högst %(max)s undertecknare får plats i yttrandet.") % {"max": MAX_SIGNATORIES})
    response = (
        Response.objects.select_for_update(of=("self",)).select_related("recipient__organisation").get(pk=response.pk)
    )
    if response.status not in workflow.RULES["decide"].statuses:
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
