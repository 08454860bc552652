import pytest
from django.core.exceptions import PermissionDenied

from accounts import audit
from accounts.models import AuditEvent
from tests import factories as f


@pytest.fixture
def admin_client(client, db):
    admin = f.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
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
