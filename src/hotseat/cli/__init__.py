"""The `hotseat` command group; with no command it opens the TUI.

Each command lives in its own module and is imported only when invoked, so
`hotseat analyze` never pays for Textual and `hotseat` never pays for Alembic.
"""

from __future__ import annotations

import importlib

import click

# command name -> module under hotseat.cli that defines `command`
COMMANDS: dict[str, str] = {
    "play": "play",
    "analyze": "analyze",
    "lint": "lint",
    "schema": "schema",
    "rules": "rules",
    "score": "score",
    "history": "history",
    "live": "live",
    "report": "report",
    "review": "review",
    "trainee": "trainee",
    "class": "klass",
    "serve": "serve",
    "simulate": "simulate",
    "tui": "tui",
}


# command name -> its line in `hotseat --help`: whole phrases, where click would cut the
# docstring's first sentence at its own length limit or at an "e.g."
SHORT_HELP: dict[str, str] = {
    "play": "Play a scenario with replies from a file; print the scorecard.",
    "analyze": "Label each reply with its moves, as JSON Lines.",
    "lint": "Check scenario files.",
    "schema": "Print the JSON Schema of scenario files.",
    "rules": "List every rule, or explain one.",
    "score": "Score real call transcripts in bulk.",
    "history": "List recorded calls.",
    "report": "Report on one call, one trainee or one class.",
    "trainee": "Add, list or remove trainees.",
    "class": "Create classes, fill their rosters, draw lots, show the board.",
    "serve": "Serve the training app to web browsers.",
    "tui": "Open the training app (the default command).",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use.

    Options given with no command belong to the TUI, the default command:
    `hotseat --lang zh` means `hotseat tui --lang zh`.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        own = {"--help", "--version"}
        if args and args[0].startswith("-") and args[0] not in own:
            args = ["tui", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"hotseat.cli.{module_name}")
        command: click.Command = module.command
        command.short_help = command.short_help or SHORT_HELP.get(cmd_name)
        return command


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(package_name="hotseat")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Train call-center agents on scripted angry customers.

    With no command, opens the training app on the built-in scenarios.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(main.get_command(ctx, "tui") or click.Command("tui"))
