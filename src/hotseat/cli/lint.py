"""`hotseat lint`: check scenario files and print every problem as file:line:col: CODE message."""

from __future__ import annotations

import json
from pathlib import Path

import click

from hotseat.scenario.library import builtin_dir
from hotseat.scenario.lint import LintResult, lint_paths


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line a problem and a summary; json: a list of problem objects.",
)
def command(paths: tuple[Path, ...], fmt: str) -> None:
    """Check scenario files (files or folders of *.yaml / *.yml).

    With no PATH, checks the built-in scenarios. Exits 1 when any error is
    found; warnings alone exit 0.
    """
    from hotseat.rules import RULES

    known = {r.code for r in RULES} | {r.name for r in RULES}
    result = lint_paths(list(paths) or [builtin_dir()], known_codes=known)
    if fmt == "json":
        click.echo(json.dumps([d.to_json() for d in result.diagnostics], ensure_ascii=False))
    else:
        for d in result.diagnostics:
            click.echo(str(d))
        click.echo(_summary(result))
    if not result.files:
        click.echo("warning: no scenario files found", err=True)
    raise SystemExit(1 if result.errors else 0)


def _summary(result: LintResult) -> str:
    files = f"{len(result.files)} file{'s' if len(result.files) != 1 else ''}"
    if not result.diagnostics:
        return f"{files} checked: no problems."
    bad = len({d.path for d in result.diagnostics})
    return (
        f"{files} checked: {_count(result.errors, 'error')}, "
        f"{_count(result.warnings, 'warning')} in {bad} file{'s' if bad != 1 else ''}."
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
