"""`city-profiles curation [--check] [--sources DIR] [--target DIR]` (also
`python -m desktop.curation ...`, which desktop/curation/__main__.py hands here).

Rebuilds resources/data from the raw files in resources/sources, or with --check verifies every
raw file against resources/sources/manifest.json and compares a fresh rebuild with --target.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.core.paths import bundled_data_dir, sources_dir


def add_curation_parser(commands: Any) -> None:
    """`curation` and its options, under the program's subcommands."""
    _add_arguments(commands.add_parser(
        "curation", help="rebuild (or --check) the bundled data from resources/sources"))


def main(argv: list[str] | None = None) -> int:
    """`python -m desktop.curation`: the same command on its own."""
    parser = argparse.ArgumentParser(prog="python -m desktop.curation", description=__doc__)
    _add_arguments(parser)
    return run_curation(parser.parse_args(argv))


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sources",
        "--external",  # the option's name while the raw files lived in ../shared/data/external
        dest="sources",
        type=Path,
        default=sources_dir(),
        help="folder of raw source files with their manifest.json (default: resources/sources)",
    )
    parser.add_argument("--target", type=Path, default=bundled_data_dir())
    parser.add_argument(
        "--check",
        action="store_true",
        help="verify the raw files, rebuild in a temporary folder and compare with --target",
    )


def run_curation(args: argparse.Namespace) -> int:
    """Rebuild, or check; 2 with one line when the sources cannot be read at all."""
    from desktop.curation.build import CurationError, write_bundle

    try:
        if args.check:
            return _check(args.sources, args.target)
        dataset = write_bundle(args.sources, args.target)
    except CurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(dataset):,} values for {len(dataset.cities):,} places to {args.target}")
    return 0


def _check(sources: Path, target: Path) -> int:
    """0 when every raw file matches the manifest and a rebuild equals `target`, 1 when not;
    CurationError when the folder cannot be checked at all (no folder, no readable manifest)."""
    from desktop.curation.build import CurationError, differences
    from desktop.curation.manifest import folder_problems

    if not sources.is_dir():
        raise CurationError(f"no raw sources folder at {sources}")
    problems = folder_problems(sources)
    if problems:  # a rebuild from files that are not the recorded ones would prove nothing
        for problem in problems:
            print(f"source file: {problem}")
        return 1
    changed = differences(sources, target)
    if changed:
        print(f"bundled data in {target} differs from a rebuild: {', '.join(changed)}")
        return 1
    print(f"raw sources in {sources} match manifest.json; "
          f"bundled data in {target} matches a fresh rebuild")
    return 0


if __name__ == "__main__":
    sys.exit(main())
