"""Autosave of a text larger than the server takes: a clear Swedish message, the text kept (field and
localStorage), and no endless retry."""

import pytest

from tests import factories as f
from tests.factories import PASSWORD
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_autosave_of_an_oversized_text_says_so_and_keeps_it(live_server, page, drafter, org):
    response = f.response_with_proposals(org, title="Stora texters betänkande")
    login(page, live_server, drafter.email, PASSWORD)
    page.clock.install()  # the page's timers run as usual, and the test can jump ahead
    page.goto(f"{live_server.url}/yttranden/{response.pk}/")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" and "/spara/" in r.url else None)
    text = "å" * 1_000_000  # 2 MB as text, 6 MB once form-encoded: over DATA_UPLOAD_MAX_MEMORY_SIZE
    summary = page.get_by_role("textbox", name="Sammanfattning")
    summary.fill(text)
    state = page.locator("[data-field=summary] .save-state")
    state.filter(has_text="för stor för att sparas").wait_for(timeout=20_000)
    assert "ingen kontakt" not in state.inner_text()
    assert "finns kvar i fältet och i webbläsaren" in state.inner_text()
    page.clock.fast_forward(11_000)  # longer than the retry interval after a lost connection
    page.wait_for_timeout(500)  # a retry would be on its way by now
    assert len(posts) == 1
    assert summary.input_value() == text
    stored = page.evaluate(f"localStorage.getItem('remiss-draft-{response.pk}')")
    assert text[:1000] in stored
