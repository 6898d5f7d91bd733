"""The capabilities this build of ncbnet serves. Adding one = a package + one line here."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from ncbnet.core.capability import Capability

INSTALLED = (
    "ncbnet.members",
    "ncbnet.accounts",
    "ncbnet.assembly",
    "ncbnet.auditing",
    "ncbnet.persons",
)


@lru_cache(maxsize=1)
def load_capabilities() -> tuple[Capability, ...]:
    found = []
    for module_name in INSTALLED:
        capability = getattr(import_module(module_name), "capability", None)
        if not isinstance(capability, Capability):
            raise RuntimeError(f"{module_name} does not define `capability = Capability(...)`")
        found.append(capability)
    return tuple(found)


def import_all_models() -> None:
    """Import every table definition, so Base.metadata is complete (migrations, tests)."""
    import ncbnet.core.audit
    import ncbnet.core.changelog
    import ncbnet.core.hits
    import ncbnet.core.identity
    import ncbnet.core.members  # noqa: F401

    for module_name in INSTALLED:
        try:
            import_module(f"{module_name}.models")
        except ModuleNotFoundError as exc:
            if exc.name != f"{module_name}.models":
                raise
