import pytest
from django.core.exceptions import PermissionDenied

from accounts import audit
from accounts.models import AuditEvent
from tests import factories as f
from tests.support import verify_second_factor


@pytest.fixture
def admin_client(client, db):
    admin = f.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    verify_second_factor(client, admin)
    return client


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted(drafter):
    event = audit.record("test.happened", actor=drafter, data={"x": 1})
    event.action = "test.rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.happened"


@pytest.mark.django_db
def test_admin_shows_audit_log_read_only(admin_client, drafter):
    event = audit.record("test.happened", actor=drafter)
    listing = admin_client.get("/admin/accounts/auditevent/")
    assert listing.status_code == 200 and "test.happened" in listing.content.decode()
    assert admin_client.get("/admin/accounts/auditevent/add/").status_code == 403
    detail = admin_client.get(f"/admin/accounts/auditevent/{event.pk}/change/")
    assert detail.status_code == 200 and 'name="action"' not in detail.content.decode()
    admin_client.post(f"/admin/accounts/auditevent/{event.pk}/change/", {"action": "x"})
    assert admin_client.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "test.happened"


@pytest.mark.django_db
def test_admin_manages_organisations_users_and_memberships_in_swedish(admin_client, drafter):
    for url, expected in [
        ("/admin/accounts/organisation/?kind__exact=kommun&q=Nacka", "Nacka kommun"),
        ("/admin/accounts/user/?q=" + drafter.email, drafter.email),
        ("/admin/accounts/membership/", "Nacka kommun"),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode()
    assert "Organisationer" in admin_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_admin_requires_staff(client_for, drafter):
    response = client_for(drafter).get("/admin/accounts/auditevent/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_database_refuses_to_change_or_delete_audit_rows_on_postgresql(drafter):
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the database trigger exists on PostgreSQL (production); SQLite relies on the model")
    event = audit.record("test.happened", actor=drafter, data={"x": 1})
    for statement in (
        "UPDATE accounts_auditevent SET action = 'test.rewritten' WHERE id = %s",
        "DELETE FROM accounts_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.happened"
    # Deleting the person keeps the event: only the link is cleared, the label stays.
    email = drafter.email
    drafter.delete()
    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor_id, event.actor_label, event.action) == (None, email, "test.happened")


@pytest.mark.django_db
def test_membership_roles_must_match_the_kind_of_organisation(admin_client, org, ministry):
    user = f.UserFactory()
    response = admin_client.post(
        "/admin/accounts/membership/add/",
        {"user": user.pk, "organisation": org.pk, "is_ministry_staff": "on"},
    )
    assert response.status_code == 200
    assert "Rollen departementstjänsteman finns bara för departement." in response.content.decode()
    response = admin_client.post(
        "/admin/accounts/membership/add/", {"user": user.pk, "organisation": ministry.pk, "is_drafter": "on"}
    )
    assert "Ett departement svarar inte på remisser" in response.content.decode()
    assert not user.memberships.exists()
