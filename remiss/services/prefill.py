"""Respondents upload their own Word/PDF draft: the reader suggests a stance (and the passage it rests
on) per proposal; the user confirms per proposal which suggestions go into the draft. Nothing already
in the draft is replaced unless the user ticks that proposal (``drafting.save_changes`` writes it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from accounts.models import User
from remiss import permissions, workflow
from remiss.models import Answer, Proposal, Response, Stance
from remiss.reading import ReadingError, extract_text
from remiss.services import document_reading, documents, drafting
from remiss.services.errors import ResponseError
from remiss.uploads import safe_filename


@dataclass
class Suggestion:
    proposal: Proposal
    current_stance: str
    current_comment: str
    version: int
    stance: str  # "" where the reader asks instead of suggesting, or the draft does not address it
    evidence: str
    confidence: float
    comment: str = ""  # the draft's full text on the proposal
    ask: bool = False  # the draft addresses it but the reader is unsure: the user takes the stance
    addressed: bool = False

    @property
    def draft_has_text(self) -> bool:
        return bool(self.current_stance or self.current_comment.strip())

    @property
    def preselected(self) -> bool:
        """Only where the draft is empty and the reader found something: never over the user's text."""
        return bool(self.stance or self.comment.strip()) and not self.draft_has_text

    @property
    def stance_label(self) -> str:
        return _stance_label(self.stance, _("Inget förslag"))

    @property
    def current_stance_label(self) -> str:
        """The draft's stance as the user sees it in the form ("Tillstyrker"), "" when unanswered."""
        return _stance_label(self.current_stance, "")


@dataclass
class TextSuggestion:
    """The summary or general views read from the draft, beside what the answer already holds."""

    key: str  # "summary" | "general_comments" (``drafting.save_changes``' text keys)
    label: str
    current: str
    text: str

    @property
    def preselected(self) -> bool:
        return bool(self.text.strip()) and not self.current.strip()


@dataclass
class DraftReading:
    suggestions: list[Suggestion]
    texts: list[TextSuggestion]
    response_version: int


def _stance_label(stance: str, missing: str) -> str:
    return str(dict(Stance.choices).get(stance, missing))


def read_draft(*, response: Response, by: User, upload) -> DraftReading:
    """Read the uploaded draft (size and content checked as for any document answer): per proposal
    the draft's full text and a stance only where the reader is sure and the draft addresses it; the
    summary and general views. Nothing is stored."""
    if not permissions.can_edit(response, workflow.membership_of(by, response)):
        raise ResponseError(_("Yttrandet kan inte ändras nu."))
    name = safe_filename(upload.name or "", fallback="utkast")
    if not name.lower().endswith((".pdf", ".docx")):
        raise ResponseError(_("Ladda upp en PDF eller ett Word-dokument (.docx)."))
    try:
        data = documents.check_upload_size(upload)
        text = extract_text(data, name).text
    except (documents.DocumentAnswerError, ReadingError) as error:
        raise ResponseError(str(error)) from None
    reading = document_reading.reading_for(text, response.recipient.remiss)
    answers = {a.proposal_id: a for a in Answer.objects.filter(response=response)}
    suggestions = []
    for proposal in response.recipient.remiss.proposals.select_related("section"):
        answer = answers.get(proposal.pk)
        read = reading["proposals"].get(str(proposal.pk)) or {}
        suggestions.append(
            Suggestion(
                proposal=proposal,
                current_stance=answer.stance if answer else "",
                current_comment=answer.comment if answer else "",
                version=answer.version if answer else 0,
                stance=document_reading.suggested_stance(read),
                evidence=read.get("evidence") or "",
                confidence=float(read.get("confidence") or 0),
                comment=read.get("comment") or "",
                ask=bool(read.get("ask")),
                addressed=bool(read.get("addressed")),
            )
        )
    texts = [
        TextSuggestion("summary", _("Sammanfattning"), response.summary, reading.get("summary", "")),
        TextSuggestion(
            "general_comments", _("Generella synpunkter"), response.general_comments, reading.get("general_views", "")
        ),
    ]
    return DraftReading(suggestions, [t for t in texts if t.text.strip()], response.version)


def apply_suggestions(
    *,
    response: Response,
    by: User,
    chosen: dict[int, tuple[str, str, int]],
    texts: dict[str, str] | None = None,
    response_version: int | None = None,
):
    """Write what the user ticked: {proposal_id: (stance, comment, version loaded)} and the summary
    or general views ({"summary"|"general_comments": text}). A colleague's change since then is
    merged or returned as a conflict, as in the form."""
    texts = {key: value for key, value in (texts or {}).items() if key in ("summary", "general_comments")}
    return drafting.save_changes(
        response=response, by=by, answers=chosen, texts=texts, response_version=response_version
    )
