"""One error type for a refused action.

A service, the workflow or a reader raises an ``ApplicationError`` (or one of its subclasses) when
it will not do what it was asked; ``str(error)`` is a Swedish sentence for the person who asked.
Views that show a form catch ``ApplicationError`` and put the message on the form, so what the user
typed is kept. Anything a view does not catch is turned into the page's message by
``ApplicationErrorMiddleware``: never a 500 for a refusal.
"""

from __future__ import annotations

from collections.abc import Sequence


class ApplicationError(Exception):
    """A refused action; ``message`` (and ``str(error)``) is Swedish, ready to show."""

    def __init__(self, message: str = "", *, problems: Sequence[str] = ()):
        self.message = str(message)
        self.problems = list(problems)  # several things to fix, each shown on its own line
        super().__init__(self.message)

    def messages(self) -> list[str]:
        return self.problems or [self.message]
