"""Domain errors with stable codes, turned into one JSON shape by the API layer.

Each app lists its codes in its own `errors.py` (an Enum) and raises `ApplicationError`
subclasses from services; `doggy.api.exceptions.exception_handler` renders them as
`{"error": {"code": …, "message": …, "fields": {…}}}`.
"""

from __future__ import annotations

from enum import Enum


class ApplicationError(Exception):
    """A rule of the domain was broken; the caller can fix the request and retry."""

    status_code = 400

    def __init__(
        self,
        code: Enum | str,
        message: str,
        *,
        fields: dict[str, list[str]] | None = None,
        status_code: int | None = None,
    ):
        super().__init__(message)
        self.code = code.value if isinstance(code, Enum) else code
        self.message = message
        self.fields = fields or {}
        if status_code is not None:
            self.status_code = status_code


class NotFoundError(ApplicationError):
    """The object does not exist, or the caller may not know it exists."""

    status_code = 404


class PermissionDeniedError(ApplicationError):
    status_code = 403


class ConflictError(ApplicationError):
    """The request is valid but conflicts with the current state (409)."""

    status_code = 409
