"""The theme workspace: running the engine over the newest submissions, the staff operations on
themes (each one row change and one audit event), and the "Teman" pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from core.jobs import Job
from remiss.models import Publication, SpecialBody, Theme, ThemeAnalysis, ThemeMember, ThemeRunStatus
from remiss.services import theme_edits, themes
from tests import factories as f
from tests.theme_fixtures import themed_remiss

FINANCING = "Det är en ny obligatorisk uppgift"


@pytest.fixture
def setup(ministry):
    remiss, proposal, recipients = themed_remiss(ministry)
    themes.run_themes(remiss=remiss)
    return remiss, proposal, recipients


def theme_of(proposal, organisation: str) -> Theme:
    return Theme.objects.filter(
        proposal=proposal, members__response__recipient__organisation__name=organisation
    ).first()


def members(theme: Theme) -> set[str]:
    return {
        m.response.recipient.organisation.name
        for m in theme.members.select_related("response__recipient__organisation")
    }


# --- the run ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_run_themes_the_newest_submission_without_declined_or_withheld_answers(ministry):
    remiss, proposal, recipients = themed_remiss(ministry)
    # Statskontoret sends a second version without the financing argument.
    f.make_submission(
        recipients["Statskontoret"], number=2, answers={proposal: ("supports", "Myndigheten tillstyrker.")}
    )
    f.make_submission(recipients["Västerås stad"], number=2, declined=True)
    Publication.objects.create(submission=recipients["Umeå kommun"].response.submissions.get(), withheld=True)
    themes.run_themes(remiss=remiss)

    themed = set().union(*(members(t) for t in Theme.objects.filter(proposal=proposal)))
    assert "Statskontoret" not in themed and "Västerås stad" not in themed and "Umeå kommun" not in themed
    assert "Uppsala kommun" in themed and "Sveriges Kommuner och Regioner" in themed
    financing = theme_of(proposal, "Uppsala kommun")
    uppsala = financing.members.get(response=recipients["Uppsala kommun"].response)
    assert uppsala.quotes and all(
        q in recipients["Uppsala kommun"].response.submissions.get().snapshot["answers"][0]["comment"]
        for q in uppsala.quotes
    )
    analysis = ThemeAnalysis.objects.get(remiss=remiss)
    assert analysis.status == ThemeRunStatus.DONE and analysis.seconds < 30
    assert AuditEvent.objects.filter(action="themes.found", object_id=str(remiss.pk)).exists()


@pytest.mark.django_db
def test_confirmed_theme_survives_a_rerun_and_takes_new_answers(setup, staff):
    remiss, proposal, recipients = setup
    financing = theme_of(proposal, "Uppsala kommun")
    theme_edits.rename(theme=financing, label="Finansieringen är oklar", by=staff)
    theme_edits.set_confirmed(theme=financing, confirmed=True, by=staff)
    before_unconfirmed = set(Theme.objects.filter(proposal=proposal, confirmed=False).values_list("pk", flat=True))
    newcomer = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Malmö stad"))
    f.make_submission(
        newcomer,
        answers={
            proposal: (
                "partly",
                "Staden anser att förslaget är ett nytt obligatoriskt åtagande och enligt finansieringsprincipen "
                "måste staten fullt ut ersätta kommunernas kostnader för lovskolan.",
            )
        },
    )
    themes.run_themes(remiss=remiss)

    financing.refresh_from_db()
    assert financing.label == "Finansieringen är oklar" and financing.confirmed
    assert "Malmö stad" in members(financing) and "Uppsala kommun" in members(financing)
    after = set(Theme.objects.filter(proposal=proposal, confirmed=False).values_list("pk", flat=True))
    assert after and not (after & before_unconfirmed)  # unconfirmed themes were replaced


@pytest.mark.django_db
def test_find_themes_button_queues_the_task_and_the_task_runs_the_service(
    ministry, staff, client_for, django_capture_on_commit_callbacks
):
    remiss, proposal, _r = themed_remiss(ministry, limit=10)
    client = client_for(staff)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("ministry:themes_run", args=[remiss.pk]), follow=True)
    assert "Teman söks nu" in response.content.decode()
    jobs = [c for c in callbacks if isinstance(c, Job)]
    assert [(j.name, j.args) for j in jobs] == [("remiss.find_themes", (remiss.pk, staff.pk))]
    assert ThemeAnalysis.objects.get(remiss=remiss).status == ThemeRunStatus.QUEUED
    # A second click while it waits is refused with a message.
    response = client.post(reverse("ministry:themes_run", args=[remiss.pk]), follow=True)
    assert "Teman söks redan" in response.content.decode()

    from remiss.tasks.themes import find_themes

    result = find_themes(remiss.pk, staff.pk)
    assert result["themes"] >= 1 and ThemeAnalysis.objects.get(remiss=remiss).status == ThemeRunStatus.DONE
    assert Theme.objects.filter(proposal=proposal).exists()


@pytest.mark.django_db
def test_find_themes_without_answers_is_refused(ministry, staff, client_for):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    response = client_for(staff).post(reverse("ministry:themes_run", args=[remiss.pk]), follow=True)
    assert "inga inskickade svar" in response.content.decode()
    assert not ThemeAnalysis.objects.filter(remiss=remiss, status=ThemeRunStatus.QUEUED).exists()


# --- pages and operations --------------------------------------------------------------------------


def edit_url(remiss, theme, action):
    return reverse("ministry:theme_edit", args=[remiss.pk, theme.pk, action])


@pytest.mark.django_db
def test_overview_and_proposal_pages_show_themes_quotes_and_stances(setup, staff, client_for):
    remiss, proposal, _r = setup
    client = client_for(staff)
    page = client.get(reverse("ministry:themes", args=[remiss.pk])).content.decode()
    assert "Teman per förslag" in page and reverse("ministry:theme_proposal", args=[remiss.pk, proposal.pk]) in page
    assert "Hitta teman" in page and "Särskilt berörda remissinstanser" in page
    page = client.get(reverse("ministry:theme_proposal", args=[remiss.pk, proposal.pk])).content.decode()
    financing = theme_of(proposal, "Uppsala kommun")
    assert financing.label in page and "<strong>Uppsala kommun</strong> – Tillstyrker delvis" in page
    quote = financing.members.first().quotes[0]
    assert f"”{quote}”" in page
    assert f'for="label-{financing.pk}"' in page  # every field has a label


@pytest.mark.django_db
def test_rename_keeps_what_was_typed_on_bad_input_and_escapes_labels(setup, staff, client_for):
    remiss, proposal, _r = setup
    theme = theme_of(proposal, "Uppsala kommun")
    client = client_for(staff)
    response = client.post(edit_url(remiss, theme, "byt-namn"), {"label": "x" * 301})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Rubriken är för lång" in page and "x" * 301 in page and "error-summary" in page
    response = client.post(edit_url(remiss, theme, "byt-namn"), {"label": "  "})
    assert response.status_code == 400 and "Skriv en rubrik för temat." in response.content.decode()

    response = client.post(edit_url(remiss, theme, "byt-namn"), {"label": "Staten <b>måste</b> betala"})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.label == "Staten <b>måste</b> betala" and theme.updated_by == staff
    event = AuditEvent.objects.get(action="theme.renamed")
    assert event.actor == staff and event.data["new"] == theme.label
    page = client.get(response["Location"]).content.decode()
    assert "Staten &lt;b&gt;måste&lt;/b&gt; betala" in page and "<b>måste</b>" not in page


@pytest.mark.django_db
def test_merge_split_move_and_remove(setup, staff, client_for):
    remiss, proposal, recipients = setup
    client = client_for(staff)
    financing = theme_of(proposal, "Uppsala kommun")
    pupils = theme_of(proposal, "Barnombudsmannen")
    count = Theme.objects.filter(proposal=proposal).count()

    # Split Statskontoret and Linköping off into a new theme.
    chosen = [recipients[n].response.pk for n in ("Statskontoret", "Linköpings kommun")]
    response = client.post(
        edit_url(remiss, financing, "dela"), {"responses": chosen, "label": "Ersättningen räcker inte"}
    )
    assert response.status_code == 302
    new = Theme.objects.get(label="Ersättningen räcker inte")
    assert members(new) == {"Statskontoret", "Linköpings kommun"} and "Statskontoret" not in members(financing)
    assert AuditEvent.objects.filter(action="theme.split", object_id=str(new.pk)).exists()
    # Splitting without choosing anyone keeps the typed label.
    response = client.post(edit_url(remiss, financing, "dela"), {"label": "Något nytt"})
    assert response.status_code == 400
    assert "Välj minst ett svar" in response.content.decode() and 'value="Något nytt"' in response.content.decode()

    # Merge it back.
    response = client.post(edit_url(remiss, new, "sla-ihop"), {"into": financing.pk})
    assert response.status_code == 302 and not Theme.objects.filter(pk=new.pk).exists()
    assert {"Statskontoret", "Linköpings kommun"} <= members(financing)
    assert Theme.objects.filter(proposal=proposal).count() == count
    assert AuditEvent.objects.filter(action="theme.merged").count() == 1
    # Merging into a theme of another proposal is refused.
    stranger = Theme.objects.create(remiss=remiss, proposal=f.ProposalFactory(section=proposal.section), label="Annat")
    response = client.post(edit_url(remiss, financing, "sla-ihop"), {"into": stranger.pk})
    assert response.status_code == 400 and "Välj ett annat tema" in response.content.decode()

    # Move Uppsala to the pupils' theme, then remove it from there.
    member = financing.members.get(response=recipients["Uppsala kommun"].response)
    response = client.post(edit_url(remiss, financing, "flytta"), {"member": member.pk, "to": pupils.pk})
    assert response.status_code == 302 and "Uppsala kommun" in members(pupils)
    assert "Uppsala kommun" not in members(financing)
    member = pupils.members.get(response=recipients["Uppsala kommun"].response)
    response = client.post(edit_url(remiss, pupils, "flytta"), {"member": member.pk, "to": "ingen"})
    assert response.status_code == 302 and "Uppsala kommun" not in members(pupils)
    assert AuditEvent.objects.filter(action="theme.member_moved").count() == 1
    assert AuditEvent.objects.filter(action="theme.member_removed").count() == 1
    response = client.post(edit_url(remiss, pupils, "flytta"), {"member": "abc", "to": "ingen"})
    assert response.status_code == 400 and "finns inte längre" in response.content.decode()


@pytest.mark.django_db
def test_key_confirm_and_unknown_action(setup, staff, client_for):
    remiss, proposal, _r = setup
    client = client_for(staff)
    theme = theme_of(proposal, "Uppsala kommun")
    assert client.post(edit_url(remiss, theme, "nyckel"), {"key": "1"}).status_code == 302
    assert client.post(edit_url(remiss, theme, "bekrafta"), {"confirmed": "1"}).status_code == 302
    theme.refresh_from_db()
    assert theme.key and theme.confirmed
    assert AuditEvent.objects.filter(action="theme.key_marked").exists()
    assert AuditEvent.objects.filter(action="theme.confirmed", actor=staff).exists()
    page = client.get(reverse("ministry:theme_proposal", args=[remiss.pk, proposal.pk])).content.decode()
    assert "Bekräftat" in page and "Viktigt tema" in page
    assert client.post(edit_url(remiss, theme, "bekrafta"), {"confirmed": "0"}).status_code == 302
    theme.refresh_from_db()
    assert not theme.confirmed
    assert client.post(edit_url(remiss, theme, "ta-bort-allt")).status_code == 404
    assert client.get(edit_url(remiss, theme, "nyckel")).status_code == 405


@pytest.mark.django_db
def test_special_bodies(setup, staff, client_for, other_org):
    remiss, _proposal, recipients = setup
    client = client_for(staff)
    url = reverse("ministry:themes_special", args=[remiss.pk])
    organisation = recipients["Skolinspektionen"].organisation
    page = client.post(url, {"organisation": organisation.pk, "special": "1"}, follow=True).content.decode()
    assert "Skolinspektionen är markerad som särskilt berörd." in page
    assert SpecialBody.objects.filter(remiss=remiss, organisation=organisation).count() == 1
    client.post(url, {"organisation": organisation.pk, "special": "1"})  # twice: still one row, one event
    assert SpecialBody.objects.filter(remiss=remiss).count() == 1
    assert AuditEvent.objects.filter(action="themes.special_marked").count() == 1
    page = client.post(url, {"organisation": other_org.pk, "special": "1"}, follow=True).content.decode()
    assert "finns inte på remisslistan" in page
    page = client.post(url, {"organisation": "x"}, follow=True).content.decode()
    assert "Välj en remissinstans" in page
    client.post(url, {"organisation": organisation.pk, "special": "0"})
    assert not SpecialBody.objects.filter(remiss=remiss).exists()
    assert AuditEvent.objects.filter(action="themes.special_unmarked").count() == 1


@pytest.mark.django_db
def test_other_ministry_cannot_touch_a_theme(setup, other_staff, client_for):
    remiss, proposal, _r = setup
    theme = theme_of(proposal, "Uppsala kommun")
    response = client_for(other_staff).post(edit_url(remiss, theme, "byt-namn"), {"label": "Kapat"})
    assert response.status_code == 404
    theme.refresh_from_db()
    assert theme.label != "Kapat" and not ThemeMember.objects.filter(theme__label="Kapat").exists()


# --- demo ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_themes_are_found_confirmed_and_loaded_once():
    from remiss.demo import themes as demo_themes
    from remiss.demo.answers import REMISS_REFERENCE
    from remiss.demo.remisser import MINISTRY

    ministry = f.MinistryFactory(name=MINISTRY)
    staff = f.MembershipFactory(
        organisation=ministry, user=f.UserFactory(email="departement@demo.remiss.se"), is_ministry_staff=True
    ).user
    remiss, proposal, recipients = themed_remiss(ministry)
    remiss.reference = REMISS_REFERENCE
    remiss.save()
    statskontoret = recipients["Statskontoret"].organisation

    lines = demo_themes.load()
    assert lines[0].startswith("Demoteman: ") and "bekräftade" in lines[0]
    confirmed = Theme.objects.filter(proposal=proposal, confirmed=True)
    assert confirmed.exists() and all(t.members.count() >= 3 for t in confirmed)
    assert confirmed.filter(key=True).count() == 1
    assert SpecialBody.objects.filter(remiss=remiss, organisation=statskontoret).exists()
    assert AuditEvent.objects.filter(action="theme.confirmed", actor=staff).exists()
    assert demo_themes.load() == ["Demoteman finns redan."]


@pytest.mark.django_db
def test_out_of_range_and_foreign_ids_are_refused_without_an_error(setup, staff, client_for):
    remiss, proposal, _r = setup
    client = client_for(staff)
    theme = theme_of(proposal, "Uppsala kommun")
    huge = "9" * 30
    for action, data in (
        ("sla-ihop", {"into": huge}),
        ("flytta", {"member": huge, "to": huge}),
        ("dela", {"responses": [huge], "label": "Nytt"}),
    ):
        assert client.post(edit_url(remiss, theme, action), data).status_code == 400, action
    assert client.get(reverse("ministry:theme_proposal", args=[remiss.pk, int(huge)])).status_code == 404
    assert client.post(reverse("ministry:theme_edit", args=[remiss.pk, int(huge), "nyckel"])).status_code == 404
    response = client.post(reverse("ministry:themes_special", args=[remiss.pk]), {"organisation": huge}, follow=True)
    assert response.status_code == 200 and "Välj en remissinstans" in response.content.decode()


@pytest.mark.django_db
def test_a_run_queued_long_ago_may_be_queued_again(ministry, staff):
    import datetime as dt

    from django.utils import timezone

    remiss, _proposal, _r = themed_remiss(ministry, limit=4)
    themes.request_run(remiss=remiss, by=staff)
    with pytest.raises(themes.ThemeRunError):
        themes.request_run(remiss=remiss, by=staff)
    ThemeAnalysis.objects.filter(remiss=remiss).update(queued_at=timezone.now() - dt.timedelta(minutes=11))
    assert themes.request_run(remiss=remiss, by=staff).status == ThemeRunStatus.QUEUED
    assert AuditEvent.objects.filter(action="themes.requested").count() == 2


@pytest.mark.django_db
def test_overview_lists_the_special_bodies_and_offers_the_others(setup, staff, client_for):
    remiss, _proposal, recipients = setup
    SpecialBody.objects.create(remiss=remiss, organisation=recipients["Skolverket"].organisation)
    page = client_for(staff).get(reverse("ministry:themes", args=[remiss.pk])).content.decode()
    special, offered = page.split('id="special-organisation"')
    assert "<strong>Skolverket</strong>" in special and ">Skolverket</option>" not in offered
    assert ">Uppsala kommun</option>" in offered and 'for="special-organisation"' in special
