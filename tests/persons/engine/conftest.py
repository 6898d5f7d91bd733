"""Shows the engine's measured figures (dev-slice recall, scale timings) after the run."""

from __future__ import annotations

from typing import Any

REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORT:
        terminalreporter.section("name matching engine")
        for line in REPORT:
            terminalreporter.write_line(line)
