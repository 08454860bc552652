"""Any screen: the key pages of every role at 375 px (a phone) never scroll sideways, and axe-core
finds nothing at 375 px or at 1280 px."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from remiss import workflow
from remiss.compilation import data as compilation_data
from remiss.models import Compilation, CompilationStatus, Receipt, Stance
from remiss.services import drafting
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = (
    "Med tillit växer handlingsutrymmet – tillitsbaserad styrning och ledning av välfärdssektorn "
    "(SOU 2018:47) och Styrning för ökad tillit i välfärdssektorn (SOU 2018:48)"
)

# Lists elements wider than the viewport, to say what to fix when the width check fails.
WIDE = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
               && !e.closest('[role=region][tabindex]') && e.getClientRects().length)
  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.fixture
def world(org, ministry, drafter, reviewer, approver, staff):
    """One remiss with a long title, a remisslista, a submitted answer and an answer in review,
    and a finished compilation."""
    remiss = f.PublishedRemissFactory(ministry=ministry, title=LONG_TITLE, reference="Fi2018/02500/SFÖ")
    sections = [f.SectionFactory(remiss=remiss, number=f"7.{i}.1", title="Tillitsbaserad styrning") for i in range(2)]
    proposals = [
        f.ProposalFactory(remiss=remiss, section=sections[i % 2], position=i, text="Regeringen ska stärka styrningen.")
        for i in range(4)
    ]
    ours = f.RecipientFactory(remiss=remiss, organisation=org)
    response = f.ResponseFactory(recipient=ours)
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=1,
        texts={"summary": "Kommunen tillstyrker."},
        answers={proposals[0].pk: (Stance.SUPPORTS, "Bra.", 0)},
    )
    workflow.send_for_review(response=response, by=drafter)
    for name in ("Region Stockholm", "Inspektionen för vård och omsorg", "Sveriges Kommuner och Regioner"):
        recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name))
        submission = f.make_submission(recipient, answers={proposals[0]: (Stance.SUPPORTS, f"{name} tillstyrker.")})
    Receipt.objects.create(submission=submission, sha256="0" * 64, issued_at=timezone.now())
    compilation = Compilation.objects.create(
        remiss=remiss,
        created_by=staff,
        params=compilation_data.normalise_params({}),
        status=CompilationStatus.DONE,
        finished_at=timezone.now(),
    )
    return {"remiss": remiss, "response": response, "submission": submission, "compilation": compilation}


def pages_of_every_role(world, drafter, approver, staff):
    remiss, response, submission = world["remiss"], world["response"], world["submission"]
    return [
        (None, reverse("public:list")),
        (None, reverse("public:detail", args=[remiss.pk])),
        (None, reverse("public:answer_receipt", args=[remiss.pk, submission.pk])),
        (drafter, reverse("respondent:inbox")),
        (drafter, reverse("respondent:form", args=[response.pk])),
        (drafter, reverse("respondent:review", args=[response.pk])),
        (approver, reverse("respondent:review", args=[response.pk])),  # the decision
        (staff, reverse("ministry:list")),
        (staff, reverse("ministry:detail", args=[remiss.pk])),
        (staff, reverse("ministry:progress", args=[remiss.pk])),
        (staff, reverse("ministry:recipients", args=[remiss.pk])),
        (staff, reverse("compilation:list", args=[remiss.pk])),
        (staff, reverse("compilation:detail", args=[remiss.pk, world["compilation"].pk])),
    ]


def visit_all(browser, live_server, world, drafter, approver, staff, width):
    """(url, problem) for each page that scrolls sideways or has axe violations at ``width``."""
    problems = []
    contexts = {}
    try:
        for user, url in pages_of_every_role(world, drafter, approver, staff):
            if user not in contexts:
                context = browser.new_context(
                    locale="sv-SE", timezone_id="Europe/Stockholm", viewport={"width": width, "height": 800}
                )
                p = context.new_page()
                p.set_default_timeout(15_000)
                if user is not None:
                    login(p, live_server, user.email, PASSWORD)
                contexts[user] = (context, p)
            p = contexts[user][1]
            p.goto(live_server.url + url)
            p.wait_for_load_state()
            scroll = p.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                problems.append((url, f"scrollWidth {scroll} > {width}", p.evaluate(WIDE)))
            violations = axe_violations(p)
            if violations:
                problems.append((url, "axe", violations))
    finally:
        for context, _p in contexts.values():
            context.close()
    return problems


def test_key_pages_of_every_role_fit_a_phone_without_sideways_scrolling(
    browser, live_server, world, drafter, approver, staff
):
    problems = visit_all(browser, live_server, world, drafter, approver, staff, 375)
    assert problems == [], "\n".join(map(str, problems))


def test_key_pages_of_every_role_pass_axe_on_a_wide_screen(browser, live_server, world, drafter, approver, staff):
    problems = visit_all(browser, live_server, world, drafter, approver, staff, 1280)
    assert problems == [], "\n".join(map(str, problems))


def test_header_collapses_into_a_menu_and_the_table_of_contents_folds_on_a_phone(browser, live_server, world, drafter):
    context = browser.new_context(
        locale="sv-SE", timezone_id="Europe/Stockholm", viewport={"width": 375, "height": 800}
    )
    p = context.new_page()
    login(p, live_server, drafter.email, PASSWORD)
    p.goto(live_server.url + reverse("respondent:form", args=[world["response"].pk]))
    menu = p.locator("details.site-menu")
    assert not menu.evaluate("d => d.open")
    assert not p.get_by_role("link", name="Mina uppgifter").is_visible()
    menu.locator("summary").click()
    assert p.get_by_role("link", name="Mina uppgifter").is_visible()
    toc = p.locator("details.toc-fold")
    assert not toc.evaluate("d => d.open")
    toc.locator("summary").click()
    assert p.get_by_role("link", name="Sammanfattning").first.is_visible()
    context.close()
