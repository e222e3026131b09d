"""`hotseat schema`: print the scenario JSON Schema for editors and other tools."""

from __future__ import annotations

import click

from hotseat.scenario.schema import schema_json


@click.command("schema")
def command() -> None:
    """Print the JSON Schema of scenario files (version 1).

    The same text is committed as schema/scenario-v1.schema.json; point an
    editor at it with a first line such as
    `# yaml-language-server: $schema=../../schema/scenario-v1.schema.json`.
    """
    click.echo(schema_json(), nl=False)
