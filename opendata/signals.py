"""Keep the search index (and cached downloads) current after the domain's own writes commit.

The domain modules stay unaware of the open-data views: these receivers react to saves of a
remiss, a proposal, a rendered submission and the ministry's publication choice.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from remiss.models import Proposal, Publication, Remiss, Response, Submission, SubmissionStatus

from .search import index
from .search.ddl import ensure_text_index
from .services import downloads


def _later(func, *args) -> None:
    transaction.on_commit(lambda: func(*args))


def _answer_changed(response_id: int) -> None:
    index.reindex_response(response_id)
    remiss_id = Response.objects.filter(pk=response_id).values_list("recipient__remiss_id", flat=True).first()
    if remiss_id is not None:
        downloads.invalidate(remiss_id)


@receiver(post_save, sender=Remiss, dispatch_uid="opendata-remiss")
def remiss_saved(sender, instance: Remiss, raw=False, **kwargs):
    if not raw:
        _later(index.reindex_remiss, instance.pk)


@receiver(post_save, sender=Proposal, dispatch_uid="opendata-proposal")
@receiver(post_delete, sender=Proposal, dispatch_uid="opendata-proposal-deleted")
def proposal_changed(sender, instance: Proposal, raw=False, **kwargs):
    if not raw:
        _later(index.reindex_remiss, instance.remiss_id)


@receiver(post_save, sender=Submission, dispatch_uid="opendata-submission")
def submission_saved(sender, instance: Submission, raw=False, **kwargs):
    if not raw and instance.status == SubmissionStatus.DONE:
        _later(_answer_changed, instance.response_id)


@receiver(post_save, sender=Publication, dispatch_uid="opendata-publication")
@receiver(post_delete, sender=Publication, dispatch_uid="opendata-publication-deleted")
def publication_changed(sender, instance: Publication, raw=False, **kwargs):
    response_id = Submission.objects.filter(pk=instance.submission_id).values_list("response_id", flat=True).first()
    if not raw and response_id is not None:
        _later(_answer_changed, response_id)


def text_index_after_migrate(sender, using="default", **kwargs):
    from django.db import connections

    ensure_text_index(connections[using])
