"""The demo-data framework: each capability seeds its part of a believable world.

Deterministic: everything random comes from ``ctx.rng`` seeded once, and capabilities run in
dependency order (``Capability.demo_after``), so the same seed gives the same world.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from ncbnet.core.capability import Capability
from ncbnet.core.db import Database
from ncbnet.core.permissions import Caller, system_caller

DEMO_PASSWORD = "demo"


@dataclass
class DemoContext:
    db: Database
    seed: int = 2026
    scale: int = 1
    """Multiplies record counts, for benchmarks."""
    caller: Caller = field(default_factory=system_caller)
    rng: random.Random = field(init=False)
    logins: list[tuple[str, str]] = field(default_factory=list)
    """(username, description) of demo accounts, printed at start-up."""

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


def demo_order(capabilities: Sequence[Capability]) -> list[Capability]:
    """Capabilities with a demo, each after those it names in ``demo_after``."""
    by_name = {cap.name: cap for cap in capabilities}
    ordered: list[Capability] = []
    visiting: set[str] = set()

    def visit(cap: Capability) -> None:
        if cap in ordered:
            return
        if cap.name in visiting:
            raise RuntimeError(f"demo dependency cycle at {cap.name}")
        visiting.add(cap.name)
        for name in cap.demo_after:
            if name in by_name:
                visit(by_name[name])
        visiting.discard(cap.name)
        ordered.append(cap)

    for cap in capabilities:
        visit(cap)
    return [cap for cap in ordered if cap.demo is not None]


def seed_demo(ctx: DemoContext, capabilities: Sequence[Capability]) -> list[str]:
    """Run every capability's demo seeder; returns the names that ran."""
    ran = []
    for cap in demo_order(capabilities):
        assert cap.demo is not None
        cap.demo(ctx)
        ran.append(cap.name)
    return ran
