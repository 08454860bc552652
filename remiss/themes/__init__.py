"""Themes per proposal: the recurring arguments in the answers to one proposal, found offline.

Pure Python (scikit-learn, snowballstemmer); no Django, so a Celery task, a management command
and the tests call the same code::

    from remiss.themes import find_themes
    themes = find_themes(proposal, answers, existing=confirmed_themes)
"""

from .assemble import polarity
from .compose import compose_text
from .contract import run_contract
from .engine import DEFAULT_SETTINGS, Settings, find_themes
from .model import Answer, AnswerId, ExistingTheme, Polarity, Proposal, Quote, Theme

__all__ = [
    "DEFAULT_SETTINGS",
    "Answer",
    "AnswerId",
    "ExistingTheme",
    "Polarity",
    "Proposal",
    "Quote",
    "Settings",
    "Theme",
    "compose_text",
    "find_themes",
    "polarity",
    "run_contract",
]
