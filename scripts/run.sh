#!/usr/bin/env bash
# Installs what is missing, builds, and serves the app on http://127.0.0.1:8080 (Ctrl+C
# stops). dist/microfab-planner.html also works on its own, opened from file://.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/build.sh"
PORT=${PORT:-8080}
echo
echo "MicroFab Planner: http://127.0.0.1:$PORT/microfab-planner.html"
echo "(single file, no server needed: $ROOT/dist/microfab-planner.html)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
