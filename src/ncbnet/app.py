"""Builds the FastAPI application from the shared core and the installed capabilities."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ncbnet import __version__
from ncbnet.capabilities import load_capabilities
from ncbnet.core.db import Database
from ncbnet.core.i18n import Catalogues
from ncbnet.core.settings import Settings
from ncbnet.web import pages
from ncbnet.web.errors import install_error_handlers
from ncbnet.web.middleware import BodyLimitMiddleware, CsrfSeedMiddleware
from ncbnet.web.render import build_environment

WEB_DIR = Path(__file__).parent / "web"
CORE_DIR = Path(__file__).parent / "core"


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or Settings()
    capabilities = load_capabilities()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # In-memory engines are built before the first request: /healthz answers once ready.
        for cap in capabilities:
            if cap.startup is not None:
                await run_in_threadpool(cap.startup, app.state.db)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="ncbnet",
        version=__version__,
        summary="Cooperation between National Central Bureaus",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = database or Database(settings.resolved_database_url)
    app.state.capabilities = capabilities
    app.state.jinja = build_environment(capabilities)
    locale_dirs = [WEB_DIR / "locale", CORE_DIR / "locale"]
    locale_dirs += [cap.locale_dir for cap in capabilities if cap.locale_dir]
    app.state.catalogues = Catalogues(locale_dirs)

    install_error_handlers(app)
    app.add_middleware(CsrfSeedMiddleware, secure=settings.cookie_secure)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)

    api = APIRouter(prefix="/api/v1")
    for cap in capabilities:
        if cap.api is not None:
            api.include_router(cap.api)
    app.include_router(api)
    app.include_router(pages.router)
    for cap in capabilities:
        if cap.pages is not None:
            app.include_router(cap.pages)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app
