"""The demo remiss gets some forty answered bodies: form answers, answers registered as documents,
and a joint text adopted by several kommuner. Loading is quick and safe to repeat."""

import time

import pytest

from remiss.demo import answers, more_answers, people, remisser
from remiss.models import ReceivedDocument, Remiss, ResponseStatus, Submission
from remiss.selectors.duplicates import duplicate_groups

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_forty_bodies_answer_some_as_documents_and_a_campaign_is_grouped():
    people.load()
    remisser.load()
    answers.load()
    started = time.monotonic()
    lines = more_answers.load()
    elapsed = time.monotonic() - started
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    answered = sou.recipients.filter(response__status__in=[ResponseStatus.SUBMITTED, ResponseStatus.DECLINED])
    assert answered.count() >= 40, lines
    documents = ReceivedDocument.objects.filter(response__recipient__remiss=sou)
    assert documents.count() >= 8 and all(d.submission_id for d in documents)
    # the registered documents were read: the confirmed stances are the reader's suggestions
    orebro = documents.get(response__recipient__organisation__name="Örebro kommun")
    stances = {a["section_number"]: a["stance"] for a in orebro.submission.snapshot["answers"]}
    assert stances["7.4.2"] == "opposes" and stances["7.1.1"] == "supports"
    # the body's full text per proposal, and its general views
    comments = {a["section_number"]: a["comment"] for a in orebro.submission.snapshot["answers"]}
    assert "Ett tvingande vite ger tydlighet" in comments["7.4.2"]
    assert orebro.submission.snapshot["general_comments"].startswith("Kommunen ser att styrning genom riktade")
    # a blanket "tillstyrker förslagen med de synpunkter som framgår nedan" does not make the
    # proposals it never mentions "tillstyrker delvis"
    vgr = documents.get(response__recipient__organisation__name="Västra Götalandsregionen").submission.snapshot
    partly = {a["section_number"] for a in vgr["answers"] if a["stance"] == "partly"}
    assert partly == {"7.6.2"}
    assert vgr["general_comments"].startswith("Regionen vill framhålla")
    assert vgr["summary"].startswith("Västra Götalandsregionen tillstyrker förslagen")
    assert elapsed < 60
    submissions = Submission.objects.filter(response__recipient__remiss=sou).select_related(
        "response__recipient__organisation"
    )
    groups = duplicate_groups({s.response.recipient.organisation.name: s for s in submissions})
    assert groups and groups[0].size == 6 and "Salems kommun" in groups[0].members
    assert more_answers.load() == ["Fler demosvar finns redan."]


def test_the_demo_has_a_union_and_a_private_person_outside_the_remisslista():
    from remiss.demo import public_answers
    from remiss.models import PublicAnswer, PublicAnswerStatus

    people.load()
    remisser.load()
    public_answers.load()
    answers_ = PublicAnswer.objects.order_by("name")
    assert [a.status for a in answers_] == [PublicAnswerStatus.PUBLISHED] * 2
    names = {a.recipient.organisation.name for a in answers_}
    assert "Fackförbundet Vision" in names
    assert any(n.startswith("Privatperson") for n in names) and "Karin Lundqvist" not in names
    for answer in answers_:
        assert answer.recipient.invited_at is None
        assert Submission.objects.get(response__recipient=answer.recipient).snapshot["source"] == "public"
    assert public_answers.load() == ["Synpunkter från övriga finns redan."]
