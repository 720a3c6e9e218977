"""`python -m desktop.curation [--check]`: the `curation` command (desktop/commands/curation.py),
kept under this name because the data's provenance notes and the README use it. The one
import from a higher layer in the package; pyproject's import-linter contract names it."""

import sys

from desktop.commands.curation import main

if __name__ == "__main__":
    sys.exit(main())
