"""Celery tasks, one module per concern. Tasks are thin: take ids, re-fetch, call a service."""

from .compilations import *  # noqa: F401,F403
from .invitations import *  # noqa: F401,F403
from .notify import *  # noqa: F401,F403
from .submissions import *  # noqa: F401,F403
from .system import *  # noqa: F401,F403
from .themes import *  # noqa: F401,F403
