"""Password hashes: Argon2id with the measured parameters; older hashes are rehashed at sign-in."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, make_password
from django.test import Client

from tests import factories as f

pytestmark = pytest.mark.django_db

NEW = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def deployed_hashers(settings):
    settings.PASSWORD_HASHERS = settings.DEPLOYED_PASSWORD_HASHERS
    assert "argon2" in settings.PASSWORD_HASHERS[0].lower()


def sign_in(user, password: str) -> int:
    return Client().post("/konto/logga-in/", {"username": user.email, "password": password}).status_code


def test_new_passwords_are_hashed_with_argon2id(deployed_hashers):
    assert make_password("ett-långt-lösenord-1").startswith(NEW)


@pytest.mark.parametrize(
    "old_hash",
    [
        lambda pw: make_password(pw, hasher="pbkdf2_sha256"),
        lambda pw: Argon2PasswordHasher().encode(pw, Argon2PasswordHasher().salt()),  # Django's heavier default
    ],
    ids=["pbkdf2", "argon2-django-default"],
)
def test_an_old_hash_is_replaced_at_the_next_sign_in(deployed_hashers, old_hash):
    user = f.UserFactory()
    user.password = old_hash("gammalt-lösenord-42")
    user.save(update_fields=["password"])
    assert not user.password.startswith(NEW)
    assert sign_in(user, "fel-lösenord") == 200
    user.refresh_from_db()
    assert not user.password.startswith(NEW)  # a wrong password changes nothing
    assert sign_in(user, "gammalt-lösenord-42") == 302
    user.refresh_from_db()
    assert user.password.startswith(NEW) and user.check_password("gammalt-lösenord-42")
