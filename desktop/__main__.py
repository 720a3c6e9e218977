"""`python -m desktop` starts the app (or a headless subcommand)."""

import sys

from desktop.commands.main import main

if __name__ == "__main__":
    sys.exit(main())
