"""Every URL that is not explicitly public requires sign-in (the list must not be empty)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories as f

PUBLIC = [
    r"^$",
    r"^tillganglighet/",
    r"^konto/logga-in/",
    r"^konto/logga-ut/",
    r"^konto/aterstall-losenord/",
    r"^konto/inbjudan/",  # a personal, single-use invitation link is its own credential
    r"^remisser/",  # the public remiss pages
    r"^sok/",  # public search (opendata)
    r"^api/v1/",  # the open-data API (read-only)
    r"^yttranden/kvittens/",  # anyone may check a receipt
    r"^admin/",  # Django admin has its own sign-in
    r"^static/",
]


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def concrete(route: str, ids: dict[str, int | str]) -> str:
    """The route with every parameter filled from ``ids``: ``pk`` by what the route's prefix names."""
    owner = "remiss"
    if "sammanstallningar/<int:pk>" in route:
        owner = "compilation"
    elif route.startswith("yttranden/uppgifter/"):
        owner = "assignment"
    elif route.startswith("yttranden/"):
        owner = "response"
    attachment = "submission_attachment" if "inskickat/" in route else "attachment"

    def fill(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        key = {"pk": owner, "attachment_pk": attachment}.get(name, name.removesuffix("_pk"))
        return str(ids[key])

    return "/" + re.sub(r"<([^>]+)>", fill, route).lstrip("^").rstrip("$")


@pytest.fixture
def world(db, ministry, org, staff):
    """One real object behind every parameter, so a view that forgot its sign-in check would answer
    200 here (with made-up ids it would answer 404 and the test could not tell)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from remiss.models import Assignment, Attachment, Compilation, Document, PublicAnswer, Revision, Theme
    from remiss.models.received import ReceivedDocument
    from remiss.models.responses import SubmissionAttachment

    remiss = f.PublishedRemissFactory(ministry=ministry)
    section = f.SectionFactory(remiss=remiss)
    proposal = f.ProposalFactory(section=section)
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    submission = f.make_submission(recipient)
    response = submission.response
    member = f.MembershipFactory(organisation=org, is_drafter=True).user
    attachment = Attachment.objects.create(response=response, title="Bilaga", original_name="b.pdf", size=1)
    attachment.file.save("b.pdf", ContentFile(f.tiny_pdf()))
    frozen = SubmissionAttachment.objects.create(submission=submission, title="Bilaga", original_name="b.pdf", size=1)
    document = Document.objects.create(remiss=remiss, title="Betänkandet", original_name="b.pdf", size=1)
    received = ReceivedDocument(
        response=f.ResponseFactory(recipient=f.RecipientFactory(remiss=remiss)),
        original_name="svar.txt",
        size=15,
        sha256="0" * 64,
        kind="txt",
        text="Vi tillstyrker.",
        received_on=timezone.localdate(),
    )
    received.file.save("svar.txt", ContentFile(b"Vi tillstyrker."))
    return {
        "remiss": remiss.pk,
        "section": section.pk,
        "proposal": proposal.pk,
        "recipient": recipient.pk,
        "doc": document.pk,
        "received": received.pk,
        "response": response.pk,
        "submission": submission.pk,
        "number": submission.number,
        "attachment": attachment.pk,
        "submission_attachment": frozen.pk,
        "revision": Revision.objects.create(response=response, field="summary", text="x", version=1).pk,
        "assignment": Assignment.objects.create(
            response=response, proposal=proposal, assignee=member, assigned_by=member
        ).pk,
        "compilation": Compilation.objects.create(remiss=remiss, created_by=staff, params={}).pk,
        "fmt": "pdf",
        "action": "approve",
        "answer": PublicAnswer.objects.create(
            remiss=remiss, sender_kind="person", name="Anna", email="a@example.se", status="pending"
        ).pk,
        "decision": "publicera",
        "theme": Theme.objects.create(remiss=remiss, proposal=proposal, label="Finansieringen är oklar").pk,
    }


def private_routes() -> list[str]:
    routes = sorted(set(walk(get_resolver().url_patterns)))
    return [r for r in routes if not any(re.match(pub, r) for pub in PUBLIC)]


def test_the_list_of_private_urls_is_not_empty():
    routes = private_routes()
    assert len(routes) >= 40, routes
    for expected in (
        "konto/profil/",
        "departement/remisser/",
        "yttranden/",
        "departement/remisser/<int:remiss_pk>/sammanstallningar/",
    ):
        assert expected in routes, expected


@pytest.mark.parametrize("route", private_routes())
def test_private_url_requires_sign_in(client, route, world):
    url = concrete(route, world)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in (302, 401, 405), (url, response.status_code)
        if response.status_code == 302:
            assert "/konto/logga-in/" in response["Location"], (url, response["Location"])
        assert response.status_code != 200
