"""Every error leaves as RFC 9457 problem+json (API) or a translated page (web); never a trace."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ncbnet.core.errors import N_, NcbnetError
from ncbnet.web.deps import request_language
from ncbnet.web.render import render

log = logging.getLogger("ncbnet")
PROBLEM = "application/problem+json"
UNEXPECTED = N_("an unexpected error occurred; it was logged")


def _translate(request: Request, message: str) -> str:
    """Only the catalogue lookup: building a whole page context here would resolve the caller
    and the menu a second time on every error."""
    try:
        language = request_language(request)
        return str(request.app.state.catalogues.get(language).gettext(message))
    except Exception:  # translating must never turn an error page into a second error
        return message


def _wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/notices/", "/healthz")):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def problem(status: int, title: str, detail: str, request: Request, **extra: Any) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def _page(request: Request, status: int, title: str, message: str) -> Response:
    try:
        return render(
            request,
            "error.html",
            {"status": status, "title": title, "message": message},
            status=status,
        )
    except Exception:  # the error page itself must never fail into a trace
        log.exception("error page failed")
        return Response(f"{status} {title}", status_code=status, media_type="text/plain")


def _describe(error: dict[str, Any]) -> str:
    """'body.role: Input should be ...'; a JSON syntax error names where the parser stopped."""
    loc = error["loc"]
    if error["type"] == "json_invalid":
        where = loc[-1] if len(loc) > 1 else "?"
        return f"body is not valid JSON (at character {where}): {error['msg']}"
    return f"{'.'.join(loc) if loc else 'request'}: {error['msg']}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NcbnetError)
    async def _ncbnet(request: Request, exc: NcbnetError) -> Response:
        if _wants_json(request):
            return problem(exc.status, exc.title, exc.detail, request)
        if exc.status == 401:
            target = quote(
                request.url.path + (f"?{request.url.query}" if request.url.query else "")
            )
            return RedirectResponse(f"/login?next={target}", status_code=303)
        return _page(
            request,
            exc.status,
            _translate(request, exc.title),
            exc.translated(lambda message: _translate(request, message)),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {
                "loc": [str(p) for p in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
            for err in exc.errors()
        ]
        malformed = any(e["type"] == "json_invalid" for e in errors)
        status = 400 if malformed else 422
        detail = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in errors)[
            :2000
        ]
        if _wants_json(request):
            title = "Malformed request body" if malformed else "Invalid input"
            return problem(status, title, detail, request, errors=errors)
        return _page(request, status, _translate(request, N_("Invalid input")), detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        title = {404: N_("Not found"), 405: N_("Method not allowed")}.get(
            exc.status_code, N_("Error")
        )
        if _wants_json(request):
            return problem(exc.status_code, title, str(exc.detail), request)
        return _page(
            request,
            exc.status_code,
            _translate(request, title),
            _translate(
                request,
                N_("There is nothing at this address.")
                if exc.status_code == 404
                else str(exc.detail),
            ),
        )

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> Response:
        # The database refused a value the validators let through (a NUL character, a number
        # beyond the column's range): the client's input, so a 4xx, and nothing was stored.
        message = N_("a value is not acceptable (e.g. a NUL character or a number out of range)")
        if _wants_json(request):
            return problem(422, "Invalid input", message, request)
        return _page(
            request, 422, _translate(request, N_("Invalid input")), _translate(request, message)
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _wants_json(request):
            return problem(
                500, "Internal error", "an unexpected error occurred; it was logged", request
            )
        return _page(
            request, 500, _translate(request, N_("Internal error")), _translate(request, UNEXPECTED)
        )
