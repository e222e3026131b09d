"""`hotseat --help` as a newcomer reads it first (issue 14.8): every command in a whole phrase."""

from __future__ import annotations

from click.testing import CliRunner

from hotseat.cli import COMMANDS, main


def test_the_command_list_is_never_cut_mid_phrase() -> None:
    out = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    listed = out.split("Commands:", 1)[1].strip().splitlines()
    assert [line.split()[0] for line in listed] == sorted(COMMANDS)
    for line in listed:
        assert not line.rstrip().endswith(("...", "(e.g.", ",")), line
        assert line.rstrip().endswith("."), line
