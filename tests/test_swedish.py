"""Swedish everywhere: dates as ÅÅÅÅ-MM-DD (shown and typed), plurals, labels by proposal kind,
audit events as Swedish phrases in the admin, and no "Uppgifter" beside "Mina uppgifter"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts import audit
from remiss.models import ProposalKind
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(org, ministry):
    return f.response_with_proposals(org, proposals=2, ministry=ministry, deadline=dt.date(2027, 1, 25))


def test_dates_are_shown_as_yyyy_mm_dd(client_for, drafter, response):
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "2027-01-25" in html and "januari" not in html


def test_dates_are_typed_as_yyyy_mm_dd_and_nothing_else(client_for, approver, response):
    url = reverse("respondent:decision", args=[response.pk])
    form = {"decided_by": "Kommunstyrelsen", "sig-TOTAL_FORMS": "0", "sig-INITIAL_FORMS": "0"}
    page = client_for(approver).post(url, {**form, "decision_date": "10/11/2026"})
    assert page.status_code == 400 and "Fyll i ett giltigt datum" in page.content.decode()
    assert client_for(approver).post(url, {**form, "decision_date": "2026-10-11"}).status_code == 302
    response.refresh_from_db()
    assert response.decision_date == dt.date(2026, 10, 11)


def test_comment_labels_name_the_kind_of_item(client_for, drafter, response):
    first, second = response.recipient.remiss.proposals.order_by("position")
    first.kind, second.kind = ProposalKind.ASSESSMENT, ProposalKind.RECOMMENDATION
    first.save()
    second.save()
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert f"Kommentar till bedömning {first.label}" in html
    assert f"Kommentar till rekommendation {second.label}" in html
    assert f"Ställningstagande till bedömning {first.label}" in html


def test_one_day_left_is_singular(client_for, drafter, org, ministry):
    from django.utils import timezone

    f.response_with_proposals(org, ministry=ministry, deadline=timezone.localdate() + dt.timedelta(days=1))
    html = client_for(drafter).get(reverse("respondent:inbox")).content.decode()
    assert "1 dag kvar" in html and "1 dagar" not in html


def test_ministry_tab_for_the_remiss_details_does_not_clash_with_mina_uppgifter(client_for, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    html = client_for(staff).get(reverse("ministry:detail", args=[remiss.pk])).content.decode()
    assert ">Grunduppgifter</a>" in html and ">Uppgifter</a>" not in html


def test_audit_log_in_the_admin_reads_as_swedish_phrases(client_for, org):
    admin_user = f.UserFactory(is_staff=True, is_superuser=True)
    audit.record("response.submitted", organisation=org, actor_label="system")
    audit.record("access.denied", organisation=org, actor_label="system")
    html = client_for(admin_user).get(reverse("admin:accounts_auditevent_changelist")).content.decode()
    assert "Yttrande inskickat" in html and "Åtkomst nekad" in html
    filtered = client_for(admin_user).get(reverse("admin:accounts_auditevent_changelist") + "?action=access.denied")
    text = filtered.content.decode()
    assert "Åtkomst nekad" in text and text.count("Yttrande inskickat") == 1  # only in the filter's list


def visible_text(html: str) -> str:
    import re

    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_django_axes_pages_in_the_admin_are_swedish(client_for):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    admin_user = f.UserFactory(is_staff=True, is_superuser=True)
    attempt = AccessAttempt.objects.create(
        username="a@example.se",
        ip_address="127.0.0.1",
        user_agent="x",
        http_accept="*/*",
        path_info="/konto/logga-in/",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    AccessLog.objects.create(username="a@example.se", ip_address="127.0.0.1", user_agent="x", path_info="/")
    AccessFailureLog.objects.create(username="a@example.se", ip_address="127.0.0.1", user_agent="x", path_info="/")
    client = client_for(admin_user)
    english = [
        "Axes",
        "Access attempt",
        "Access log",
        "Access failure",
        "Attempt Time",
        "IP Address",
        "User Agent",
        "Username",
        "Locked Out",
        "Attempt Remaining",
        "Failed Logins",
        "Meta Data",
        "Form Data",
        "Logout Time",
    ]
    pages = (
        [reverse("admin:index")]
        + [reverse(f"admin:axes_{name}_changelist") for name in ("accessattempt", "accesslog", "accessfailurelog")]
        + [reverse("admin:axes_accessattempt_change", args=[attempt.pk])]
    )
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        text = visible_text(page.content.decode())
        found = [word for word in english if word.lower() in text.lower()]
        assert found == [], (url, [text[max(0, text.lower().index(w.lower()) - 80) :][:160] for w in found])
    text = visible_text(client.get(reverse("admin:axes_accessattempt_changelist")).content.decode())
    assert "Inloggningsspärr" in text and "Inloggningsförsök" in text and "IP-adress" in text
    assert "3 försök kvar" in text and "På tidpunkt" in text
