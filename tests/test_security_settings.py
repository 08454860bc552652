"""Production settings, security headers and error pages."""

from pathlib import Path

import pytest

from tests.support import PROD_KEY, manage

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=PROD_KEY,
        ALLOWED_HOSTS="remiss.example.se",
        SITE_URL="https://remiss.example.se",
        REMISS_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="remiss.example.se", REMISS_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_no_variables_at_all_runs_embedded_for_development(tmp_path):
    bare = {"DATABASE_URL": "", "REDIS_URL": "", "REMISS_VAR_DIR": str(tmp_path)}
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL)",
        **bare,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        f"remissdb+sqlite:///{tmp_path}/celery/broker.sqlite3",
    ]
    # A SECRET_KEY without DEBUG is a deployment: production settings.
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)",
        SECRET_KEY=PROD_KEY,
        ALLOWED_HOSTS="remiss.example.se",
        SITE_URL="https://remiss.example.se",
        **bare,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_production_refuses_to_start_without_site_url(tmp_path):
    result = manage(
        "check",
        DEBUG="0",
        SECRET_KEY=PROD_KEY,
        ALLOWED_HOSTS="remiss.example.se",
        SITE_URL="",
        REMISS_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0 and "SITE_URL must be set" in result.stderr


@pytest.mark.parametrize("port,expected", [("", "http://127.0.0.1:8000"), ("8802", "http://127.0.0.1:8802")])
def test_development_site_url_follows_the_port(tmp_path, port, expected):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.SITE_URL)",
        PORT=port,
        SITE_URL="",
        REMISS_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_production_refuses_a_weak_secret_key(tmp_path):
    result = manage("check", DEBUG="0", SECRET_KEY="django-insecure-short", REMISS_VAR_DIR=str(tmp_path))
    assert result.returncode != 0 and "too short or insecure" in result.stderr


def test_migrations_match_the_models(tmp_path):
    result = manage("makemigrations", "--check", "--dry-run", DEBUG="1", REMISS_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_pages_send_csp_without_inline_script_and_deny_framing(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()
    assert ' style="' not in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_gives_swedish_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


@pytest.mark.django_db
def test_forged_post_without_csrf_token_gets_swedish_403(drafter):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(drafter)
    response = c.post("/konto/byt-organisation/", {"organisation": 1})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


@pytest.mark.django_db
def test_accessibility_statement_has_required_parts(client):
    html = client.get("/tillganglighet/").content.decode()
    for part in [
        "delvis förenlig",
        "Kända brister",
        "Hur vi har testat",
        "Rapportera brister",
        "digg.se",
        "2026-11-25",
    ]:
        assert part in html
