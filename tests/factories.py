"""factory_boy factories for every model tests need. Prefer these over fixtures files."""

import datetime as dt

import factory
from django.utils import timezone

from accounts.models import Membership, Organisation, OrganisationKind, User
from remiss import models as m

PASSWORD = "korrekt-hast-batteri-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.se")
    full_name = factory.Faker("name", locale="sv_SE")
    title = "Utredare"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Exempels kommun {n}")
    kind = OrganisationKind.MUNICIPALITY
    code = factory.Sequence(lambda n: f"{9000 + n:04d}")
    county = "Stockholms län"


class MinistryFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Exempeldepartementet {n}")
    kind = OrganisationKind.MINISTRY
    code = ""
    county = ""


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class RemissFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Remiss

    ministry = factory.SubFactory(MinistryFactory)
    title = factory.Sequence(lambda n: f"Betänkandet Exempel {n} (SOU 2026:{n})")
    reference = factory.Sequence(lambda n: f"Fi2026/{n:05d}")
    reports = factory.LazyAttribute(lambda o: [{"id": "SOU 2026:1", "title": o.title, "kind": "betänkande"}])
    missive = "Remissvaren ska ha kommit in senast på sista svarsdagen."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
    consequence_questions = ["economic"]


class PublishedRemissFactory(RemissFactory):
    status = m.RemissStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Section

    remiss = factory.SubFactory(RemissFactory)
    number = factory.Sequence(lambda n: f"7.{n}")
    title = factory.Sequence(lambda n: f"Avsnitt {n}")
    position = factory.Sequence(lambda n: n)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Proposal

    section = factory.SubFactory(SectionFactory)
    remiss = factory.SelfAttribute("section.remiss")
    kind = m.ProposalKind.PROPOSAL
    text = factory.Sequence(lambda n: f"Regeringen ska genomföra åtgärd nummer {n}.")
    position = factory.Sequence(lambda n: n)


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Recipient

    remiss = factory.SubFactory(PublishedRemissFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Response

    recipient = factory.SubFactory(RecipientFactory)
    status = m.ResponseStatus.DRAFT


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Answer

    response = factory.SubFactory(ResponseFactory)
    proposal = factory.SubFactory(ProposalFactory)
    stance = m.Stance.SUPPORTS
    comment = "Vi tillstyrker förslaget."


# --- Submissions with realistic snapshots ---------------------------------------------------------


def write_answer(response, *, answers=None, declined=False) -> None:
    """Give ``response`` the content of a decided answer, as an organisation would before submitting.

    ``answers`` maps a Proposal (or its id) to ``(stance, comment)``; proposals left out are
    "ej besvarad". With ``answers=None`` every proposal gets "tillstyrker" and a short comment.
    """
    organisation = response.recipient.organisation
    given = {getattr(k, "pk", k): v for k, v in (answers or {}).items()}
    for proposal in m.Proposal.objects.filter(remiss_id=response.recipient.remiss_id):
        if answers is None and not declined:
            stance, comment = m.Stance.SUPPORTS, f"{organisation.name} tillstyrker förslaget {proposal.label}."
        else:
            stance, comment = given.get(proposal.pk, ("", ""))
        m.Answer.objects.update_or_create(
            response=response, proposal=proposal, defaults={"stance": str(stance), "comment": comment}
        )
    response.summary = "" if declined else f"{organisation.name} lämnar följande yttrande."
    response.declined_reason = "Vi avstår från att yttra oss." if declined else ""
    response.decided_by, response.decision_date, response.minute_ref = "Kommunstyrelsen", timezone.localdate(), "§ 12"
    response.save()
    response.signatories.all().delete()
    m.Signatory.objects.create(response=response, name="Anna Andersson", title="Ordförande", position=0)


def snapshot_for(response, *, answers=None, number=1, submitted_at=None, is_late=False, declined=False) -> dict:
    """The snapshot ``remiss.snapshot.build_snapshot`` makes of ``response`` once it holds this answer
    (``write_answer``): the same function submitting uses, not a copy of it."""
    from remiss.snapshot import build_snapshot

    write_answer(response, answers=answers, declined=declined)
    return build_snapshot(
        response, number=number, submitted_at=submitted_at or timezone.now(), is_late=is_late, declined=declined
    )


def small_answer_pdf(snapshot: dict) -> bytes:
    """A small per-answer PDF standing in for the one rendered at submission."""
    from django.utils.html import escape
    from weasyprint import HTML

    org = escape(snapshot["organisation"]["name"])
    rows = "".join(
        f"<h2>{escape(a['label'])}</h2><p>{escape(a['stance_label'] or 'Ej besvarad')}: {escape(a['comment'])}</p>"
        for a in snapshot["answers"]
    )
    head = "Avstår från att yttra sig" if snapshot["declined"] else "Yttrande"
    html = f"<html lang='sv'><head><title>{head}</title></head><body><h1>{head} från {org}</h1>{rows}</body></html>"
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # tagged, like the real answer PDFs


def make_submission(
    recipient, *, answers=None, number=1, is_late=False, declined=False, submitted_at=None, pdf=False, status=None
):
    """A DONE Submission of ``recipient``'s response: the response gets the answer (``write_answer``)
    and is frozen by ``remiss.snapshot.build_snapshot``, as submitting does. With ``pdf=True`` also a
    small rendered answer PDF (only for tests that read one: WeasyPrint is the slow part)."""
    from django.core.files.base import ContentFile

    response = m.Response.objects.filter(recipient=recipient).first() or ResponseFactory(recipient=recipient)
    response.status = m.ResponseStatus.DECLINED if declined else m.ResponseStatus.SUBMITTED
    response.save(update_fields=["status"])
    submitted_at = submitted_at or timezone.now()
    snapshot = snapshot_for(
        response, answers=answers, number=number, submitted_at=submitted_at, is_late=is_late, declined=declined
    )
    submission = m.Submission.objects.create(
        response=response,
        number=number,
        snapshot=snapshot,
        submitted_at=submitted_at,
        is_late=is_late,
        declined=declined,
        status=status or m.SubmissionStatus.DONE,
    )
    if pdf:
        submission.pdf.save("answer.pdf", ContentFile(small_answer_pdf(snapshot)), save=False)
        submission.page_count = 1
        submission.save(update_fields=["pdf", "page_count"])
    return submission


# --- Respondent feature: a published remiss with proposals and one recipient's response ----------


def response_with_proposals(organisation, *, proposals: int = 3, sections: int = 2, ministry=None, **remiss_kwargs):
    """A published remiss (of ``ministry`` or a new one) inviting ``organisation``, with ``proposals``
    spread over ``sections``, and that recipient's empty Response (status not started)."""
    remiss = PublishedRemissFactory(**({"ministry": ministry} if ministry else {}), **remiss_kwargs)
    secs = [SectionFactory(remiss=remiss, position=i) for i in range(sections)]
    for i in range(proposals):
        ProposalFactory(remiss=remiss, section=secs[i % sections], position=i)
    recipient = RecipientFactory(remiss=remiss, organisation=organisation)
    return m.Response.objects.create(recipient=recipient)


# --- Real PDF bytes for upload tests (uploads are parsed with pypdf) ----------------------------------


def tiny_pdf(pages: int = 1, *, password: str | None = None) -> bytes:
    """A small, real PDF (blank A4 pages), optionally encrypted with ``password``."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def to_approved(response, drafter, reviewer):
    """Write a summary, send for review and approve: the answer waits for its decision."""
    from remiss import workflow
    from remiss.services import drafting

    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Vi tillstyrker."})
    workflow.send_for_review(response=response, by=drafter)
    workflow.approve(response=response, by=reviewer)
    response.refresh_from_db()
    return response


def decide(
    response,
    approver,
    *,
    signatories=(("Mats Gerdau", "Kommunstyrelsens ordförande"),),
    decided_by="Kommunstyrelsen",
    decision_date=dt.date(2026, 3, 2),
    minute_ref="§ 45",
):
    """Record the decision (beslutsinstans, date, §, signatories) as the approver."""
    from remiss.services import drafting

    return drafting.record_decision(
        response=response,
        by=approver,
        decided_by=decided_by,
        decision_date=decision_date,
        minute_ref=minute_ref,
        signatories=list(signatories),
    )


def remiss_form_data(**overrides) -> dict:
    """What a ministry official types into the remiss form (the ministry views' POST data)."""
    data = {
        "title": "Ett bättre remissförfarande (SOU 2026:10)",
        "reference": "Fi2026/01000",
        "reports": "SOU 2026:10 | Ett bättre remissförfarande | betänkande",
        "missive": "Remissvaren ska ha kommit in senast sista svarsdagen.",
        "deadline": (timezone.localdate() + dt.timedelta(days=40)).isoformat(),
        "deadline_time": "",
        "consequence_questions": ["economic", "children"],
        "late_policy": "accept",
        "publicity": "immediate",
        "document_title": "",
    }
    data.update(overrides)
    return data
