"""Server-rendered pages: one Jinja2 environment over the web shell's templates and every
capability's (``<capability>/<file>.html``), translated per request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape
from jinja2.ext import i18n as _i18n_ext
from markupsafe import Markup
from pydantic import ValidationError

from ncbnet.core.capability import Capability
from ncbnet.core.errors import N_, Invalid, NcbnetError
from ncbnet.core.i18n import LANGUAGE_NAMES, Catalogues, direction
from ncbnet.core.members import country_name
from ncbnet.core.permissions import ROLE_LABELS, Role
from ncbnet.core.settings import LANGUAGES
from ncbnet.web.deps import LANG_COOKIE, csrf_token, request_language, resolve_caller

WEB_DIR = Path(__file__).parent


def build_environment(capabilities: Sequence[Capability]) -> Environment:
    prefixed = {
        cap.name: FileSystemLoader(cap.templates_dir) for cap in capabilities if cap.templates_dir
    }
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(WEB_DIR / "templates"), PrefixLoader(prefixed)]),
        autoescape=select_autoescape(["html"]),
        extensions=[_i18n_ext],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # {% trans %} blocks then call gettext(msg, **vars) themselves, escaping the variables.
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    return env


def _newstyle(translate: Callable[[str], str]) -> Callable[..., str]:
    def gettext(message: str, **variables: Any) -> str:
        text = Markup(translate(message))
        return str(text % variables) if variables else str(text)

    return gettext


def _newstyle_plural(translate: Callable[[str, str, int], str]) -> Callable[..., str]:
    def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        return str(Markup(translate(singular, plural, n)) % variables)

    return ngettext


def page_context(request: Request) -> dict[str, Any]:
    lang = request_language(request)
    translations = request.app.state.catalogues.get(lang)
    gettext = _newstyle(translations.gettext)
    caller = resolve_caller(request)
    nav = [
        {"label": gettext(item.label), "href": item.href}
        for cap in request.app.state.capabilities
        for item in cap.nav
        if caller is not None and (item.action is None or caller.can(item.action))
    ]
    return {
        "request": request,
        "lang": lang,
        "dir": direction(lang),
        "languages": LANGUAGE_NAMES,
        "_": gettext,
        "gettext": gettext,
        "ngettext": _newstyle_plural(translations.ngettext),
        "caller": caller,
        "full_name": getattr(request.state, "full_name", None),
        "nav": nav,
        "csrf_token": csrf_token(request),
        "country_name": lambda code: country_name(code, lang),
        "fmt_datetime": lambda value: _fmt_datetime(value, lang),
        "fmt_date": lambda value: format_date(value, "medium", locale=lang) if value else "",
        "fmt_number": lambda value: format_decimal(value, locale=lang),
        "path": request.url.path,
        "role_label": lambda role: gettext(ROLE_LABELS[Role(role)]) if role else "",
    }


def _fmt_datetime(value: datetime | date | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "medium", tzinfo=None, locale=lang)
    return format_date(value, "medium", locale=lang)


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    env: Environment = request.app.state.jinja
    full = page_context(request)
    full.update(context or {})
    html = env.get_template(template).render(full)
    response = HTMLResponse(html, status_code=status)
    asked = request.query_params.get("lang")
    if asked in LANGUAGES and asked != request.cookies.get(LANG_COOKIE):
        # A language chosen by link sticks for the following pages (e.g. the login POST).
        response.set_cookie(LANG_COOKIE, asked, samesite="lax", max_age=365 * 24 * 3600)
    return response


def translator(request: Request) -> Catalogues:
    catalogues: Catalogues = request.app.state.catalogues
    return catalogues


def error_text(request: Request, exc: NcbnetError | ValidationError) -> str:
    """An error's message in the reader's language, for showing inside a form."""
    if isinstance(exc, ValidationError):
        exc = validation_error(exc)
    translations = request.app.state.catalogues.get(request_language(request))
    return exc.translated(translations.gettext)


def validation_error(exc: ValidationError) -> Invalid:
    """The first problem of a pydantic validation, as a translatable error for forms."""
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err["loc"]) or "form"
    return Invalid(N_("%(field)s: %(problem)s"), field=field, problem=err["msg"])
