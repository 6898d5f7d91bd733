"""The README stays true: every setting and every command is in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from ncbnet.cli import app
from ncbnet.core.settings import Settings

README = (Path(__file__).parent.parent / "README.md").read_text()


def _commands(command: Any, path: list[str]) -> Iterator[str]:
    if hasattr(command, "list_commands"):  # a group, whichever click Typer bundles
        ctx = type(command).context_class(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from _commands(sub, [*path, name])
    else:
        yield " ".join(path)


def test_every_setting_is_documented() -> None:
    documented = set(re.findall(r"`(NCBNET_[A-Z_]+)`", README))
    declared = {f"NCBNET_{name.upper()}" for name in Settings.model_fields}
    assert declared <= documented, declared - documented


def test_command_reference_matches_the_cli() -> None:
    section = README.split("## Command reference", 1)[1].split("## ", 1)[0]
    listed = set(re.findall(r"^(ncbnet [a-z-]+(?: [a-z-]+)?)", section, re.M))
    actual = set(_commands(typer.main.get_command(app), ["ncbnet"]))
    assert actual == listed, f"missing: {actual - listed}, stale: {listed - actual}"


def test_the_two_commands_come_first() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.strip().splitlines()] == [
        ["make", "demo"],
        ["make", "test"],
    ]
