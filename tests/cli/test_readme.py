"""The README's commands run as typed (issue 14.8): every command and option it shows exists,
and its first command leaves plain `hotseat` reachable (the venv's, or after activating it)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import COMMANDS, main

README = Path(__file__).resolve().parents[2] / "README.md"


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def shell_lines(markdown: str) -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line.split(">", 1)[0]) for line in lines if line]


def help_of(args: list[str]) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0, (args, result.output)
    return result.output


def test_every_command_and_option_in_using_it_exists() -> None:
    lines = shell_lines(section("Using it"))
    assert len(lines) >= 10
    for words in lines:
        assert words[0] == "hotseat", words
        args = words[1:]
        # options with no command are the default command's, the TUI's
        path = [args[0]] if args and args[0] in COMMANDS else ["tui"] if args else []
        if path and path[0] == "class" and len(args) > 1:
            path.append(args[1])
        usage = help_of(path)
        for option in (a for a in args if a.startswith("--")):
            assert option in usage, (words, option)


def test_the_first_command_names_the_venv_hotseat_and_the_language_switch() -> None:
    setup = section("Two commands")
    first = shell_lines(setup)[0]
    assert first[-1] == ".venv/bin/hotseat"  # runs as typed before anything is activated
    assert ". .venv/bin/activate" in setup  # how the bare `hotseat` below gets on PATH
    assert "--lang zh" in setup
