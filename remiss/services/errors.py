"""The error the response services raise: ``str(error)`` is a Swedish message for the user."""


class ResponseError(Exception):
    """A refused change; ``str(error)`` is a Swedish message."""
