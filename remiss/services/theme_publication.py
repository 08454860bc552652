"""Publishing the theme analysis of a remiss ("Vad hände med synpunkterna?").

``publish_analysis`` opens the public page and queues one e-mail per respondent organisation
(``remiss.analysis_published`` → ``send_analysis_mail``, the one place that mails it)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, User
from core import jobs
from core.errors import ApplicationError
from notifications import members
from remiss import permissions
from remiss.models import Remiss, RemissStatus, Theme, ThemeAnalysis

TASK = "remiss.analysis_published"
MAIL_TEMPLATE = "remiss/email/analysis_published.txt"


class PublishAnalysisError(ApplicationError, ValueError):
    """``str(error)`` is a Swedish message."""


@transaction.atomic
def publish_analysis(*, remiss: Remiss, by: User) -> ThemeAnalysis:
    analysis, _created = ThemeAnalysis.objects.select_for_update().get_or_create(remiss=remiss)
    if analysis.published_at:
        raise PublishAnalysisError(_("Analysen är redan publicerad."))
    if remiss.status not in RemissStatus.PUBLIC:
        raise PublishAnalysisError(_("Remissen är inte publicerad."))
    if not permissions.answers_are_public(remiss):
        raise PublishAnalysisError(
            _("Svaren är inte offentliga ännu. Analysen kan publiceras när svaren har blivit offentliga.")
        )
    if not Theme.objects.filter(remiss=remiss, confirmed=True).exists():
        raise PublishAnalysisError(_("Bekräfta minst ett tema innan analysen publiceras."))
    analysis.published_at, analysis.published_by = timezone.now(), by
    analysis.save(update_fields=["published_at", "published_by"])
    audit.record("themes.published", actor=by, organisation=remiss.ministry, obj=remiss)
    jobs.enqueue(TASK, remiss.pk)
    return analysis


def respondent_organisations(remiss: Remiss) -> list[Organisation]:
    """The organisations that sent an answer (or declined) to the remiss."""
    return list(
        Organisation.objects.filter(invitations__remiss=remiss, invitations__response__submissions__isnull=False)
        .distinct()
        .order_by("name")
    )


def send_analysis_mail(*, remiss_id: int) -> int:
    """Tell every respondent organisation where the published analysis is; returns addresses sent."""
    remiss = Remiss.objects.filter(pk=remiss_id, theme_analysis__published_at__isnull=False).first()
    if remiss is None:
        return 0
    url = settings.SITE_URL + reverse("public:analysis", args=[remiss.pk])
    subject = _("Vad hände med synpunkterna? %(title)s") % {"title": remiss.title}
    sent = 0
    for organisation in respondent_organisations(remiss):
        result = members.send_to_members(organisation, subject, MAIL_TEMPLATE, {"remiss": remiss, "url": url})
        sent += len(result.sent)
    return sent
