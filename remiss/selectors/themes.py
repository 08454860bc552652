"""Reads for the theme workspace, the theme run and the published analysis.

The answers themed are those of the newest submission of each response (its frozen snapshot, as
the sammanställning reads it); declined answers and answers the ministry withholds from the web are
left out. ``engine_answers`` gives them per proposal; the workspace reads pair the stored themes
with the organisations' names, stances and quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from remiss.models import Proposal, Remiss, SpecialBody, Submission, Theme, ThemeAnalysis
from remiss.themes import compose_text

from .submissions import newest_submissions


@dataclass(frozen=True)
class ThemedAnswer:
    """One body's answer to one proposal, as the theme engine reads it."""

    response_id: int
    organisation_id: int
    organisation: str
    kind: str
    stance: str
    stance_label: str
    text: str
    redacted: bool = False


@dataclass(frozen=True)
class MemberRow:
    member_id: int
    response_id: int
    organisation: str
    organisation_id: int
    kind: str
    stance: str
    stance_label: str
    quotes: tuple[str, ...]
    special: bool


@dataclass(frozen=True)
class ThemeRow:
    id: int
    label: str
    confirmed: bool
    key: bool
    polarity: str
    polarity_label: str
    key_quote: str
    members: tuple[MemberRow, ...]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class ProposalThemes:
    proposal: Proposal
    themes: tuple[ThemeRow, ...]
    unthemed: tuple[ThemedAnswer, ...] = field(default=())

    @property
    def confirmed_count(self) -> int:
        return sum(1 for t in self.themes if t.confirmed)


def _usable(submission: Submission) -> bool:
    if submission.declined:
        return False
    try:
        return not submission.publication.withheld
    except Submission.publication.RelatedObjectDoesNotExist:
        return True


def _redacted(submission: Submission) -> bool:
    try:
        return submission.publication.is_redacted
    except Submission.publication.RelatedObjectDoesNotExist:
        return False


def engine_answers(remiss: Remiss, proposal: Proposal | None = None) -> dict[int, list[ThemedAnswer]]:
    """Per proposal id (only ``proposal``'s when given), the answers to theme: the comment plus the
    paragraphs of the general views that name the proposal."""
    proposals = Proposal.objects.filter(remiss=remiss)
    if proposal is not None:
        proposals = proposals.filter(pk=proposal.pk)
    result: dict[int, list[ThemedAnswer]] = {p.pk: [] for p in proposals}
    subs = newest_submissions(remiss, "publication", "response__recipient__organisation")
    for response_id, submission in sorted(subs.items()):
        if not _usable(submission):
            continue
        org = submission.response.recipient.organisation
        snapshot = submission.snapshot
        general = snapshot.get("general_comments") or ""
        for answer in snapshot.get("answers", []):
            if answer.get("proposal_id") not in result:
                continue
            # General views name a proposal by its section's number ("7.1.1") or title.
            number = answer.get("section_number", "")
            names = [number if "." in number else "", answer.get("section_title", "")]
            text = compose_text(answer.get("comment") or "", general, [n for n in names if len(n) > 3])
            result[answer["proposal_id"]].append(
                ThemedAnswer(
                    response_id=response_id,
                    organisation_id=org.pk,
                    organisation=org.name,
                    kind=org.kind,
                    stance=answer.get("stance") or "",
                    stance_label=answer.get("stance_label") or "",
                    text=text,
                    redacted=_redacted(submission),
                )
            )
    return result


def special_ids(remiss: Remiss) -> set[int]:
    return set(SpecialBody.objects.filter(remiss=remiss).values_list("organisation_id", flat=True))


def analysis(remiss: Remiss) -> ThemeAnalysis | None:
    return ThemeAnalysis.objects.filter(remiss=remiss).first()


def is_published(remiss: Remiss) -> bool:
    return ThemeAnalysis.objects.filter(remiss=remiss, published_at__isnull=False).exists()


def _rows(themes, answers: dict[int, ThemedAnswer], special: set[int]) -> list[ThemeRow]:
    rows = []
    for theme in themes:
        members = []
        for member in theme.members.all():
            answer = answers.get(member.response_id)
            if answer is None:  # the body withdrew or is withheld since the run
                continue
            members.append(
                MemberRow(
                    member_id=member.pk,
                    response_id=member.response_id,
                    organisation=answer.organisation,
                    organisation_id=answer.organisation_id,
                    kind=answer.kind,
                    stance=answer.stance,
                    stance_label=answer.stance_label,
                    quotes=tuple(member.quotes or []),
                    special=answer.organisation_id in special,
                )
            )
        members.sort(key=lambda m: (not m.special, m.organisation.casefold()))
        rows.append(
            ThemeRow(
                id=theme.pk,
                label=theme.label,
                confirmed=theme.confirmed,
                key=theme.key,
                polarity=theme.polarity,
                polarity_label=str(theme.get_polarity_display()),
                key_quote=theme.key_quote,
                members=tuple(members),
            )
        )
    return rows


def remiss_themes(
    remiss: Remiss,
    *,
    confirmed_only: bool = False,
    proposal: Proposal | None = None,
    answers: dict[int, list[ThemedAnswer]] | None = None,
) -> list[ProposalThemes]:
    """Every proposal of the remiss (or only ``proposal``) with its themes (members with stance and
    quotes) and the answers with text that are in no theme. ``answers``: ``engine_answers`` already
    read by the caller."""
    if answers is None:
        answers = engine_answers(remiss, proposal)
    special = special_ids(remiss)
    qs = Theme.objects.filter(remiss=remiss).prefetch_related("members")
    if confirmed_only:
        qs = qs.filter(confirmed=True)
    if proposal is not None:
        qs = qs.filter(proposal=proposal)
    by_proposal: dict[int, list[Theme]] = {}
    for theme in qs:
        by_proposal.setdefault(theme.proposal_id, []).append(theme)
    result = []
    for item in Proposal.objects.filter(remiss=remiss, pk__in=answers).select_related("section"):
        mine = {a.response_id: a for a in answers.get(item.pk, [])}
        rows = _rows(by_proposal.get(item.pk, []), mine, special)
        themed = {m.response_id for row in rows for m in row.members}
        unthemed = tuple(a for a in mine.values() if a.response_id not in themed and a.text.strip())
        result.append(ProposalThemes(proposal=item, themes=tuple(rows), unthemed=unthemed))
    return result


def proposal_themes(remiss: Remiss, proposal: Proposal) -> ProposalThemes:
    return remiss_themes(remiss, proposal=proposal)[0]


def ministry_comments(remiss: Remiss) -> dict[int, str]:
    """Departementets kommentar per proposal id (from the staff's edit of the drafted text)."""
    from remiss.models import DraftEdit

    return {e.proposal_id: e.comment for e in DraftEdit.objects.filter(proposal__remiss=remiss).exclude(comment="")}


@dataclass(frozen=True)
class PublicProposal:
    proposal: Proposal
    themes: tuple[ThemeRow, ...]
    comment: str


def public_analysis(remiss: Remiss) -> list[PublicProposal]:
    """The published analysis: per proposal its confirmed themes and the ministry's comment. Quotes
    from answers published only as a redacted copy are left out (their text is not public)."""
    answers = engine_answers(remiss)  # the snapshots are read once, for both uses
    redacted = {a.response_id for items in answers.values() for a in items if a.redacted}
    comments = ministry_comments(remiss)
    result = []
    for item in remiss_themes(remiss, confirmed_only=True, answers=answers):
        themes = tuple(
            ThemeRow(
                **{
                    **theme.__dict__,
                    "members": tuple(
                        MemberRow(**{**m.__dict__, "quotes": () if m.response_id in redacted else m.quotes})
                        for m in theme.members
                    ),
                    "key_quote": ""
                    if any(m.response_id in redacted and theme.key_quote in m.quotes for m in theme.members)
                    else theme.key_quote,
                }
            )
            for theme in item.themes
        )
        if themes or item.proposal.pk in comments:
            result.append(
                PublicProposal(proposal=item.proposal, themes=themes, comment=comments.get(item.proposal.pk, ""))
            )
    return result


def compilation_themes(remiss: Remiss) -> dict[int, list[dict]]:
    """Per proposal id, the themes a sammanställning uses, as plain data: the confirmed ones, or every
    theme of the proposal when none is confirmed yet."""
    qs = (
        Theme.objects.filter(remiss=remiss)
        .prefetch_related("members__response__recipient__organisation")
        .order_by("proposal_id", "position", "id")
    )
    by_proposal: dict[int, list[Theme]] = {}
    for theme in qs:
        by_proposal.setdefault(theme.proposal_id, []).append(theme)
    result = {}
    for proposal_id, themes in by_proposal.items():
        chosen = [t for t in themes if t.confirmed] or themes
        result[proposal_id] = [
            {
                "label": t.label,
                "key": t.key,
                "confirmed": t.confirmed,
                "key_quote": t.key_quote,
                "members": [
                    {
                        "organisation": m.response.recipient.organisation.name,
                        "organisation_id": m.response.recipient.organisation_id,
                        "kind": m.response.recipient.organisation.kind,
                        "quotes": list(m.quotes or []),
                    }
                    for m in t.members.all()
                ],
            }
            for t in chosen
        ]
    return result
