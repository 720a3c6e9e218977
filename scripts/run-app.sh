#!/usr/bin/env bash
# Set up everything City Profiles needs (system packages, .venv, editable install) and launch it
# on the bundled data. Arguments are passed to the app, e.g. --focus Shenyang.
set -euo pipefail
# shellcheck source=scripts/_bootstrap.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/_bootstrap.sh"
bootstrap

if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
    cp_log "warning: no DISPLAY or WAYLAND_DISPLAY; for headless use try" \
        "QT_QPA_PLATFORM=offscreen $0 --screenshot out.png"
fi
exec .venv/bin/city-profiles "$@"
