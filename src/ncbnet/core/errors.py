"""One error base carrying its HTTP status; the app maps it to RFC 9457 problem+json.

Messages are English msgids marked with :func:`N_` and take ``%(name)s`` parameters, so the API
returns English while the web UI shows the same message translated.
"""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:  # noqa: N802 - the conventional name for "mark for translation"
    """Marks a string for extraction into the catalogues without translating it here."""
    return message


class NcbnetError(Exception):
    status = 500
    title = N_("Internal error")

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        self.detail = message % params if params else message
        super().__init__(self.detail)

    def translated(self, gettext: Any) -> str:
        text: str = gettext(self.message)
        return text % self.params if self.params else text


class BadRequest(NcbnetError):
    status = 400
    title = N_("Bad request")


class NotAuthenticated(NcbnetError):
    status = 401
    title = N_("Not authenticated")


class Forbidden(NcbnetError):
    status = 403
    title = N_("Forbidden")


class NotFound(NcbnetError):
    status = 404
    title = N_("Not found")


class Conflict(NcbnetError):
    status = 409
    title = N_("Conflict")


class PayloadTooLarge(NcbnetError):
    status = 413
    title = N_("Payload too large")


class Invalid(NcbnetError):
    status = 422
    title = N_("Invalid input")


class Locked(NcbnetError):
    status = 423
    title = N_("Locked")


class TooManyRequests(NcbnetError):
    status = 429
    title = N_("Too many requests")
