"""`python -m hotseat` runs the command line."""

from hotseat.cli import main

main()
