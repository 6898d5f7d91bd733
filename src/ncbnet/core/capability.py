"""What a capability hands the platform: its routers, commands, pages, demo data and menu."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer
    from fastapi import APIRouter

    from ncbnet.core.permissions import Action


@dataclass(frozen=True)
class NavItem:
    label: str
    """An English msgid; the layout translates it."""
    href: str
    action: Action | None = None
    """Shown only to callers who may perform this action."""


@dataclass(frozen=True)
class Capability:
    name: str
    package_dir: Path
    api: APIRouter | None = None
    """Mounted under /api/v1."""
    pages: APIRouter | None = None
    """Server-rendered pages, mounted at the root."""
    cli: Mapping[str, typer.Typer] = field(default_factory=dict)
    """Command groups, each mounted as ``ncbnet <group> ...``."""
    demo: Callable[[Any], None] | None = None
    """Called with a DemoContext to seed believable data."""
    demo_after: tuple[str, ...] = ()
    dashboard: Callable[[Any, Any], dict[str, Any] | None] | None = None
    """Called with (session, caller); the dict renders ``<name>/dashboard.html`` at home."""
    startup: Callable[[Any], None] | None = None
    """Called with the app's Database before serving (e.g. to build an in-memory index)."""
    nav: tuple[NavItem, ...] = field(default_factory=tuple)

    @property
    def templates_dir(self) -> Path | None:
        path = self.package_dir / "templates"
        return path if path.is_dir() else None

    @property
    def locale_dir(self) -> Path | None:
        path = self.package_dir / "locale"
        return path if path.is_dir() else None
