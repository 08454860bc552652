"""The error the response services raise: ``str(error)`` is a Swedish message for the user."""

from core.errors import ApplicationError


class ResponseError(ApplicationError):
    """A refused change; ``str(error)`` is a Swedish message."""
