"""Themes per proposal: running the engine over the answers and storing what it finds.

``run_themes`` themes every proposal of a remiss from the newest submission of each response
(``selectors.themes.engine_answers``). Staff-confirmed themes go in as ``existing``: the engine
never reshuffles them, only places new answers in them; every unconfirmed theme is replaced.
``request_run`` queues the Celery task ``remiss.find_themes``. The staff operations on themes are
in ``remiss.services.theme_edits``.
"""

from __future__ import annotations

import datetime as dt
import time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from core import jobs
from core.errors import ApplicationError
from remiss.models import Proposal, Remiss, Theme, ThemeAnalysis, ThemeMember, ThemeRunStatus
from remiss.selectors import themes as theme_reads
from remiss.themes import Answer, ExistingTheme, Quote, find_themes
from remiss.themes import Proposal as EngineProposal

TASK = "remiss.find_themes"
STALE_AFTER = dt.timedelta(minutes=10)  # twice the task's hard time limit


class ThemeRunError(ApplicationError, ValueError):
    """``str(error)`` is a Swedish message."""


def _existing(themes: list[Theme]) -> list[ExistingTheme]:
    return [
        ExistingTheme(
            label=theme.label,
            answers=[m.response_id for m in theme.members.all()],
            quotes=[Quote(m.response_id, q) for m in theme.members.all() for q in (m.quotes or [])],
            key=str(theme.pk),
        )
        for theme in themes
    ]


def _engine_proposal(remiss: Remiss, proposal: Proposal) -> EngineProposal:
    return EngineProposal(
        title=proposal.text[:200],
        text=proposal.text,
        section=proposal.section.number,
        remiss_title=remiss.title,
        remiss_reference=remiss.reference,
    )


def theme_proposal(*, remiss: Remiss, proposal: Proposal, answers: list[theme_reads.ThemedAnswer]) -> int:
    """Theme one proposal; returns how many themes it has afterwards."""
    confirmed = list(Theme.objects.filter(proposal=proposal, confirmed=True).prefetch_related("members"))
    engine_answers = [
        Answer(id=a.response_id, text=a.text, organisation=a.organisation, kind=a.kind, stance=a.stance or "no_view")
        for a in answers
        if a.text.strip()
    ]
    found = find_themes(_engine_proposal(remiss, proposal), engine_answers, existing=_existing(confirmed))
    Theme.objects.filter(proposal=proposal, confirmed=False).delete()
    by_pk = {str(t.pk): t for t in confirmed}
    position = len(confirmed)
    new_members: list[ThemeMember] = []
    for result in found:
        quotes: dict[int, list[str]] = {}
        for quote in result.quotes:
            quotes.setdefault(int(quote.answer), []).append(quote.text)
        theme = by_pk.get(result.key) if result.confirmed else None
        if theme is None:
            theme = Theme.objects.create(
                remiss=remiss,
                proposal=proposal,
                label=result.label[:300],
                position=position,
                polarity=result.polarity,
                key_quote=result.key_quote.text if result.key_quote else "",
            )
            position += 1
            present = {}
        else:
            present = {m.response_id: m for m in theme.members.all()}
        for answer_id in result.answers:
            response_id = int(answer_id)
            member = present.get(response_id)
            if member is None:
                new_members.append(
                    ThemeMember(theme=theme, response_id=response_id, quotes=quotes.get(response_id, []))
                )
            elif quotes.get(response_id):
                merged = list(dict.fromkeys([*(member.quotes or []), *quotes[response_id]]))
                if merged != member.quotes:
                    member.quotes = merged
                    member.save(update_fields=["quotes"])
    ThemeMember.objects.bulk_create(new_members)
    return position


@transaction.atomic
def run_themes(*, remiss: Remiss, by: User | None = None) -> dict[str, float]:
    """Theme every proposal of ``remiss``; returns counts and the time it took."""
    started = time.monotonic()
    analysis, _created = ThemeAnalysis.objects.select_for_update().get_or_create(remiss=remiss)
    answers = theme_reads.engine_answers(remiss)
    total = 0
    for proposal in Proposal.objects.filter(remiss=remiss).select_related("section"):
        total += theme_proposal(remiss=remiss, proposal=proposal, answers=answers.get(proposal.pk, []))
    analysis.status = ThemeRunStatus.DONE
    analysis.finished_at = analysis.changed_at = timezone.now()
    analysis.seconds = round(time.monotonic() - started, 2)
    analysis.error = ""
    analysis.save()
    audit.record("themes.found", actor=by, organisation=remiss.ministry, obj=remiss, data={"themes": total})
    return {"themes": total, "seconds": analysis.seconds}


@transaction.atomic
def request_run(*, remiss: Remiss, by: User) -> ThemeAnalysis:
    """Queue a theme run ("Hitta teman"). Refused while a run holds the remiss's row (``run_themes``
    locks it; the click answers at once instead of waiting) or one was queued less than
    ``STALE_AFTER`` ago; after that a lost task may be queued again."""
    ThemeAnalysis.objects.get_or_create(remiss=remiss)
    analysis = ThemeAnalysis.objects.select_for_update(skip_locked=True).filter(remiss=remiss).first()
    busy = analysis is None or (
        analysis.status in (ThemeRunStatus.QUEUED, ThemeRunStatus.RUNNING)
        and analysis.queued_at is not None
        and analysis.queued_at > timezone.now() - STALE_AFTER
    )
    if busy:
        raise ThemeRunError(_("Teman söks redan. Vänta tills sökningen är klar."))
    if not any(theme_reads.engine_answers(remiss).values()):
        raise ThemeRunError(_("Det finns inga inskickade svar att hitta teman i ännu."))
    analysis.status = ThemeRunStatus.QUEUED
    analysis.queued_at = timezone.now()
    analysis.error = ""
    analysis.save()
    audit.record("themes.requested", actor=by, organisation=remiss.ministry, obj=remiss)
    jobs.enqueue(TASK, remiss.pk, by.pk)
    return analysis


def mark_running(*, remiss_id: int) -> None:
    ThemeAnalysis.objects.filter(remiss_id=remiss_id).update(status=ThemeRunStatus.RUNNING)


def mark_failed(*, remiss_id: int, error: str) -> None:
    ThemeAnalysis.objects.filter(remiss_id=remiss_id).update(
        status=ThemeRunStatus.FAILED, error=error[:500], finished_at=timezone.now()
    )
