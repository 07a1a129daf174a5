"""The README's command table and quick start say what the commands and the Makefile do."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from amity.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def table_rows() -> dict[str, str]:
    rows = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `amity (\w+)([^`]*)`", line)
        if m:
            rows[m[1]] = rows.get(m[1], "") + " " + m[2]  # a command may have several rows
    return rows


def options_of(parser: argparse.ArgumentParser) -> set[str]:
    """The parser's options and those of its own subcommands (`amity users add --role`)."""
    found = {o for a in parser._actions for o in a.option_strings}
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            for sub in a.choices.values():
                found |= options_of(sub)
    return found


def test_every_command_has_a_row_and_every_option_in_it_exists() -> None:
    commands = subcommands()
    rows = table_rows()
    assert set(rows) == set(commands)
    for name, usage in rows.items():
        options = options_of(commands[name])
        written = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage))
        assert written <= options, (name, written - options)


def test_quick_start_port_is_the_makefiles() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run PORT=" in readme
    assert re.search(r"^PORT \?= 8000$", makefile, re.M) and "--port $(PORT)" in makefile
