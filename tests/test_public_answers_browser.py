"""The public "Lämna synpunkter" page in a real Chromium: fill it in, fix an error, send; axe finds nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from remiss.models import PublicAnswer, PublicAnswerStatus
from tests import factories as f
from tests.support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_private_person_leaves_views_and_confirms_them(live_server, page, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    section = f.SectionFactory(remiss=remiss, number="5.1", title="Ett register")
    proposal = f.ProposalFactory(section=section, text="Ett register ska inrättas.")
    page.goto(live_server.url + reverse("public:detail", args=[remiss.pk]))
    page.get_by_role("link", name="Lämna synpunkter").click()
    assert axe_violations(page) == []
    page.get_by_role("radio", name="Privatperson").check()
    page.locator("#id_name").fill("Anna Andersson")
    page.locator("#id_email").fill("inte-en-adress")
    page.locator(f"#id_stance_{proposal.pk}").select_option("supports")
    page.locator("#id_general_comments").fill("Bra förslag.")
    page.get_by_role("button", name="Skicka synpunkter").click()
    summary = page.locator("[data-error-summary]")
    assert "giltig e-postadress" in summary.inner_text()
    assert page.locator("#id_general_comments").input_value() == "Bra förslag."  # nothing lost
    assert axe_violations(page) == []
    page.locator("#id_email").fill("anna@example.se")
    page.get_by_role("button", name="Skicka synpunkter").click()
    page.get_by_role("heading", name="Bekräfta dina synpunkter via e-post").wait_for()
    assert axe_violations(page) == []
    link = next(word for word in mail.outbox[0].body.split() if "/bekrafta/" in word)
    page.goto(live_server.url + link[link.index("/remisser/") :])  # SITE_URL is not the test server
    page.get_by_role("button", name="Bekräfta mina synpunkter").click()
    page.get_by_text("Dina synpunkter är bekräftade").wait_for()
    assert axe_violations(page) == []
    assert PublicAnswer.objects.get().status == PublicAnswerStatus.PENDING
    assert page.csp_errors == []
