"""`python -m plnjournal` runs `pln`."""

from plnjournal.cli.main import main

main()
