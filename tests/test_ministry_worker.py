"""Invitations are sent by a real Celery worker when a remiss is published."""

import time

import pytest

from remiss.models import Recipient
from remiss.services.remisser import publish_remiss
from tests import factories as f

pytestmark = [pytest.mark.worker]


def test_publishing_invites_every_recipient_through_the_worker(celery_worker, tmp_path, ministry, staff):
    remiss = f.RemissFactory(ministry=ministry)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    for i in range(3):
        org = f.OrganisationFactory(name=f"Testkommun {i}")
        f.MembershipFactory(organisation=org, user=f.UserFactory(email=f"person{i}@testkommun{i}.se"))
        f.RecipientFactory(remiss=remiss, organisation=org)
    publish_remiss(remiss=remiss, by=staff)  # autocommit: the task is sent on commit

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not Recipient.objects.filter(remiss=remiss, invited_at__isnull=True).exists():
            break
        time.sleep(0.3)
    assert not Recipient.objects.filter(remiss=remiss, invited_at__isnull=True).exists(), (
        tmp_path / "var" / "worker.log"
    ).read_text()[-3000:]
    for _ in range(20):  # the outcome is stored in the same transaction as invited_at
        states = set(Recipient.objects.filter(remiss=remiss).values_list("invitation_status", "invitation_sent_count"))
        if states == {("sent", 1)}:
            break
        time.sleep(0.3)
    assert states == {("sent", 1)}
    mail_dir = tmp_path / "var" / "mail"
    for _ in range(20):  # the file backend writes just after the row is committed
        messages = [p.read_text() for p in mail_dir.glob("*.log")] if mail_dir.exists() else []
        if sum(m.count("\nTo: ") for m in messages) >= 3:
            break
        time.sleep(0.3)
    text = "\n".join(messages)
    for i in range(3):
        assert f"person{i}@testkommun{i}.se" in text
    assert remiss.reference in text
