"""Settings for Remiss, read from the environment.

With no variables at all the project runs embedded, for development: DEBUG on, SQLite and a
SQLite-file Celery broker under ``var/``, e-mail written to ``var/mail/``. The variables that exist
are listed in README.md:

DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, REMISS_VAR_DIR, SMTP
settings (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS),
DEFAULT_FROM_EMAIL, SITE_URL (PORT), CSRF_TRUSTED_ORIGINS, SECURE_SSL_REDIRECT, CELERY_TASK_QUEUE,
TRUSTED_PROXY_COUNT, STATIC_ROOT, OTP_TOTP_ISSUER, ANONYMOUS_POST_RATE, RECEIPT_CHECK_RATE,
SIGNIN_FAILURE_RATE.

Production is ``DEBUG=0`` or a ``SECRET_KEY`` without ``DEBUG``: then a real ``SECRET_KEY`` is
required (the app refuses to start without one), cookies are secure and HSTS is sent.
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.schedule import BEAT_SCHEDULE

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


TESTING = "PYTEST_VERSION" in os.environ or "pytest" in Path(sys.argv[0]).name
# Setting SECRET_KEY means a deployment; with neither variable the project runs as a development checkout.
DEBUG = env_bool("DEBUG", default=not env("SECRET_KEY"))
PRODUCTION = not DEBUG and not TESTING

VAR_DIR = Path(env("REMISS_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# --- Secret key: required in production, generated once per checkout otherwise ---
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (production). "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()
elif PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY is too short or insecure for production (50+ characters).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address in e-mails. Development: the local server on PORT (as `PORT=8802 make run` starts it).
# Production: required, like SECRET_KEY; links to a guessed address would reach no one.
SITE_URL = env("SITE_URL").rstrip("/")
if not SITE_URL:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SITE_URL must be set when DEBUG is off (production): the public address used in e-mails, "
            "e.g. SITE_URL=https://remiss.example.se"
        )
    SITE_URL = f"http://127.0.0.1:{env('PORT') or '8000'}"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "notifications",
    "remiss",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "opendata.api.http.ApiHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.TooLargeFormPostMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.ApplicationErrorMiddleware",  # a refusal no view caught: a message, not a 500
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.ActiveOrganisationMiddleware",
    "accounts.mfa.MFARequiredMiddleware",
    "accounts.throttle.AnonymousPostRateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.active_organisation",
            ],
        },
    }
]

# --- Database: SQLite under var/ unless DATABASE_URL is set ---
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'remiss.sqlite3'}",  # empty means unset
        conn_max_age=0 if TESTING else 60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
# Each pytest run gets its own test database, so parallel runs on one server do not collide.
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", f"test_remiss_{os.getpid()}")}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.throttle.ClientLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Argon2id with parameters measured here (benchmarks/hashers.py, docs/benchmarks.md): ~22 ms of CPU
# per sign-in instead of PBKDF2's ~350 ms. Older hashes are rehashed at the next sign-in.
PASSWORD_HASHERS = [
    "accounts.hashers.RemissArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
DEPLOYED_PASSWORD_HASHERS = PASSWORD_HASHERS  # what runs outside the tests (tests/test_passwords.py)
if TESTING:
    # Tests never measure hashing: a full hash per factory user made the suite several times slower.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Second factor (accounts/mfa.py): TOTP apps and recovery codes through django-otp ---
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Remiss")
# Wrong codes in a row double the wait before the next try: 1 s, 2 s, 4 s, ... (per device).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# --- Sessions: idle limit (refreshed by real activity) and absolute limit ---
SESSION_COOKIE_AGE = int(env("SESSION_IDLE_SECONDS", str(60 * 60 * 2)))
SESSION_ABSOLUTE_SECONDS = int(env("SESSION_ABSOLUTE_SECONDS", str(60 * 60 * 10)))
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Login throttling (django-axes) ---
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# One spelling per account: "Anna@X.se" and "anna@x.se" share their failure count.
AXES_USERNAME_CALLABLE = "accounts.net.login_username"
AXES_CLIENT_IP_CALLABLE = "accounts.net.client_ip"
# Number of reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Password reset requests: at most this many per client address and per e-mail address an hour.
PASSWORD_RESET_RATE = int(env("PASSWORD_RESET_RATE", "5"))
AXES_VERBOSE = False
# Per-client budgets (accounts/throttle.py), "COUNT/PERIOD" with s, m, h or d:
# every POST from a client that is not signed in (sign-in, password reset, receipt check, public forms),
ANONYMOUS_POST_RATE = env("ANONYMOUS_POST_RATE", "300/10m")
# the public receipt check on its own,
RECEIPT_CHECK_RATE = env("RECEIPT_CHECK_RATE", "20/10m")
# and failed sign-ins from one client address, whichever accounts they tried (axes counts per account).
SIGNIN_FAILURE_RATE = env("SIGNIN_FAILURE_RATE", "30/15m")
# Requests to the open-data API /api/v1/ per client address (any method, signed in or not).
OPENDATA_API_RATE = env("OPENDATA_API_RATE", "120/m")
RATE_LIMIT_NAMESPACE = ""  # tests give each test its own counters

# --- Internationalisation ---
# Every visible text goes through gettext. To add English: write locale/en, add ("en", ...) here and
# django.middleware.locale.LocaleMiddleware after SessionMiddleware. Until then every page is Swedish
# and says so (lang="sv"), whatever language the browser asks for.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
FORMAT_MODULE_PATH = ["config.formats"]  # dates shown and typed as ÅÅÅÅ-MM-DD
USE_I18N = True
USE_TZ = True

# --- Static and media files ---
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Built by collectstatic from the code, so it lives with the code (and in the image), not with the data.
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
try:
    STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on every start when it is missing
except OSError:
    pass
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/_media/"  # never routed: media is only streamed by permission-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if (DEBUG or TESTING)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "remiss.uploads.ReadableFileNameHandler",  # a file name in an unknown encoding: a message, not "missing"
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
REMISS_MAX_UPLOAD_BYTES = int(env("REMISS_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))

# --- E-mail: files under var/mail unless an SMTP host is configured ---
if env("EMAIL_HOST") or PRODUCTION:  # production always sends real mail (localhost:25 unless configured)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST", "localhost"),
                "port": int(env("EMAIL_PORT", "587" if env("EMAIL_HOST") else "25")),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", bool(env("EMAIL_HOST"))),
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Remiss <noreply@remiss.example.se>")

# --- Cache and Celery: Redis when REDIS_URL is set, embedded otherwise ---
# Tests use the real Redis when the test runner found one (TEST_REDIS_URL, set by scripts/test.sh).
REDIS_URL = env("REDIS_URL") or (env("TEST_REDIS_URL") if TESTING else "")
# Must exceed the longest task's hard time limit, or Redis delivers a running task a second time
# (tests/test_worker.py checks every registered task against it).
REDIS_VISIBILITY_TIMEOUT = 4 * 3600
# Redis down must not hold a web request: short socket timeouts everywhere and one quick retry when
# publishing. A submission whose enqueue failed stays a pending row that the per-minute sweep sends
# again once the broker is back.
REDIS_TIMEOUTS = {"socket_connect_timeout": 2, "socket_timeout": 5}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_TIMEOUTS,
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": REDIS_VISIBILITY_TIMEOUT, **REDIS_TIMEOUTS}
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUTS["socket_connect_timeout"]
    CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUTS["socket_timeout"]
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 1, "interval_start": 0}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "remiss_cache"}}
    # kombu's SQLAlchemy transport on a SQLite file, mended in config/broker.py: a message is one
    # row, written and taken in a transaction, so a reader never sees half a message (ADR 0001).
    (VAR_DIR / "celery").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = f"remissdb+sqlite:///{VAR_DIR / 'celery' / 'broker.sqlite3'}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {"connect_args": {"timeout": 30}}  # SQLite busy wait, seconds
    CELERY_RESULT_BACKEND = f"db+sqlite:///{VAR_DIR / 'celery' / 'results.sqlite3'}"
    CELERY_DATABASE_ENGINE_OPTIONS = {"connect_args": {"timeout": 30}}
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_QUEUE", f"remiss-test-{os.getpid()}" if TESTING else "remiss")
# The sweeps have a queue of their own and a worker of their own (scripts/run.sh, docker-compose),
# so they never wait behind the renders they are there to rescue.
REMISS_SWEEP_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-sweep"
CELERY_TASK_ROUTES = {
    name: {"queue": REMISS_SWEEP_QUEUE}
    for name in ("remiss.sweep_submissions", "remiss.compilation.sweep", "remiss.invitation_sweep")
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# One answer PDF's render (remiss.render_submission). A 22-page answer renders in 0.7 s and a large
# one with attachments in seconds (docs/benchmarks.md); the limits leave room for a CPU shared with
# a rush. A render whose worker died is sent again 15 s past the hard limit by the sweep, which
# runs every 30 s: within two minutes.
REMISS_RENDER_SOFT_TIME_LIMIT = 45
REMISS_RENDER_TIME_LIMIT = 60
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 5 * 60
CELERY_TASK_TIME_LIMIT = 6 * 60
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# WeasyPrint frees memory only when the process exits.
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 800_000  # KiB
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE

# --- Forms ---
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Security headers ---
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
CSRF_FAILURE_VIEW = "accounts.views.signin.csrf_failure"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "pikepdf": {"level": "WARNING"},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
