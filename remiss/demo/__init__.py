"""Demo data for `make run`, loaded from the data files in ``data/``. Every step is idempotent."""

from pathlib import Path

from django.conf import settings

DATA_DIR = Path(settings.BASE_DIR) / "data"
DEMO_PASSWORD = "remiss-demo-2026"
# The demo users whose role requires a second factor share this authenticator key (base32, as an app
# wants it). Like the password it is public: demo data only.
DEMO_TOTP_SECRET = "KJSW22LTOMWWIZLNN4WTEMBSGYWXI33UOA"


def load() -> list[str]:
    """Load everything; return log lines. Steps run in order and each may be re-run safely."""
    from remiss import notify

    from . import answers, more_answers, people, public_answers, remisser, themes

    lines: list[str] = []
    with notify.paused():  # the demo replays history: nobody is told about it by e-mail
        lines += people.load()
        lines += remisser.load()
        lines += answers.load()
        lines += more_answers.load()
        lines += public_answers.load()
        lines += themes.load()
    return lines
