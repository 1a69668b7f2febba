"""``python -m sitrep`` runs the command line."""

from sitrep.faces.cli.main import main

main()
