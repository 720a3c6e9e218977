"""`python -m desktop.curation [--check] [--external DIR] [--target DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.curation.build import CurationError, differences, write_bundle
from desktop.paths import bundled_data_dir, shared_external_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.curation", description=__doc__)
    parser.add_argument("--external", type=Path, default=shared_external_dir())
    parser.add_argument("--target", type=Path, default=bundled_data_dir())
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in a temporary folder and compare with --target",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            changed = differences(args.external, args.target)
            if changed:
                print(f"bundled data differs from a rebuild: {', '.join(changed)}")
                return 1
            print("bundled data matches a fresh rebuild")
            return 0
        dataset = write_bundle(args.external, args.target)
    except CurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(dataset):,} values for {len(dataset.cities):,} places to {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
