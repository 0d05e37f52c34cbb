#!/usr/bin/env bash
# Installs what is missing, then builds the browser app: dist/microfab-planner.html, one
# self-contained file (WebAssembly, font and examples inside) that opens from file://.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target app
ls -l dist/microfab-planner.html
