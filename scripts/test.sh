#!/usr/bin/env bash
# Set up everything the tests need (system packages, .venv, editable install with [test]) and
# run the full suite: ruff, then pytest offscreen. Arguments are passed to pytest.
set -euo pipefail
# shellcheck source=scripts/_bootstrap.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/_bootstrap.sh"
bootstrap poppler-utils  # pdftoppm/pdfinfo for checking printed reports

export QT_QPA_PLATFORM=offscreen
export PYQTGRAPH_QT_LIB=PySide6

status=0
lint_paths=()
for d in desktop tests bench; do
    [ -e "$d" ] && lint_paths+=("$d")
done
if [ "${#lint_paths[@]}" -gt 0 ]; then
    .venv/bin/ruff check --quiet "${lint_paths[@]}" || status=1
fi
.venv/bin/python -m pytest "$@" || status=$?
exit "$status"
