"""`hotseat rules`: list the rules, or explain one, in Chinese or English, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from hotseat.i18n import ui_lang
from hotseat.rules import RULES, Rulebook, RulebookError, get_rule


@click.command("rules")
@click.argument("rule", required=False, metavar="[CODE_OR_NAME]")
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), help="Language (default: from the locale)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--rulebook",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A rulebook file: show its severities, weights and options.",
)
def command(rule: str | None, lang: str | None, fmt: str, rulebook: Path | None) -> None:
    """List every rule, or explain one (e.g. `hotseat rules AP001`, `hotseat rules arguing`)."""
    words = ui_lang(lang)
    try:
        book = Rulebook.load(rulebook) if rulebook else Rulebook.default()
    except RulebookError as exc:
        raise click.ClickException(f"the rulebook has problems:\n{exc}") from None
    if rule is not None:
        try:
            doc = get_rule(rule).doc(words)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from None
        if fmt == "json":
            click.echo(json.dumps(doc.to_json(book), ensure_ascii=False, indent=2))
        else:
            click.echo(doc.render(book), nl=False)
        return
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "area": r.area.value,
            "severity": book.severity(r.code),
            "status": r.status,
            "needs_scenario": r.needs_scenario,
            "enabled": book.is_enabled(r.code),
            "title": r.doc(words).title,
        }
        for r in RULES
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r.name) for r in RULES)
    for row in rows:
        severity = row["severity"] if row["enabled"] else "off"
        click.echo(
            f"{row['code']}  {row['name']:<{width}}  {row['area']}  {severity:<7}  "
            f"{row['status']:<6}  {row['title']}"
        )
