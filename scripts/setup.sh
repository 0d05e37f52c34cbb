#!/usr/bin/env bash
# Installs whatever this project needs on a Debian 12 machine and caches dependency
# builds under .deps/ (ignored by git). Idempotent: a second run only checks.
#
# Sources, as ../shared/TOOLCHAIN.md records them: Debian binary packages (bookworm),
# two Debian *source* packages (imgui from trixie, libsdl2 from bookworm), and
# playwright-core from the npm registry (pinned in tests/browser/package-lock.json).
#
#   bash scripts/setup.sh           # everything
#   bash scripts/setup.sh native    # only what the native builds need (Debian packages, the
#                                   # imgui sources, the header-only libraries); scripts/test.sh
#                                   # runs the rest (SDL2 for WebAssembly, npm) in the background
set -euo pipefail
PART=${1:-all}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS="$ROOT/.deps"
mkdir -p "$DEPS"
export DEBIAN_FRONTEND=noninteractive

IMGUI_VERSION=1.90.1+ds-1
SDL2_VERSION=2.26.5+dfsg-1

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian binary packages -----------------------------------------------------------
PKGS=(build-essential cmake ninja-build python3 dpkg-dev xz-utils ca-certificates
      emscripten doctest-dev nlohmann-json3-dev libglm-dev clang-14 libclang-rt-14-dev clang-format-14
      fonts-dejavu-core fonttools chromium python3-jsonschema python3-icalendar poppler-utils)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine image may ship its own node+npm; Debian's npm conflicts with it. Install
# Debian's only where npm is missing (a plain Debian 12 machine).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Debian source packages: Dear ImGui and SDL2 ----------------------------------------
SRC="$DEPS/src"
mkdir -p "$SRC"
fetch_source() { # name version glob
  local name=$1 version=$2
  if ! ls "$SRC"/${name}_*.orig.tar.* >/dev/null 2>&1; then
    local list=/etc/apt/sources.list.d/microfab-deb-src.sources
    if [ ! -f "$list" ]; then
      # Same archive and key as the machine's own Debian entry; only deb-src is added.
      local uris signed
      uris=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/debian.sources | head -n1)
      signed=$(sed -n 's/^Signed-By:[[:space:]]*//p' /etc/apt/sources.list.d/debian.sources | head -n1)
      printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: %s\n' \
        "$uris" "$signed" | as_root tee "$list" >/dev/null
      as_root apt-get update -qq
    fi
    log "downloading source package $name=$version"
    (cd "$SRC" && apt-get source --download-only "$name=$version")
  fi
}
fetch_source imgui "$IMGUI_VERSION"
fetch_source libsdl2 "$SDL2_VERSION"

if [ ! -f "$DEPS/imgui/imgui.h" ]; then
  rm -rf "$DEPS/imgui" && mkdir -p "$DEPS/imgui"
  tar -xf "$SRC"/imgui_*.orig.tar.* -C "$DEPS/imgui" --strip-components=1
fi

# --- Header-only libraries, each in a folder of its own for emcc -----------------------
# emcc must never see /usr/include itself (it would pull glibc headers).
HDR="$DEPS/include"
if [ ! -d "$HDR/nlohmann" ] || [ ! -d "$HDR/glm" ] || [ ! -d "$HDR/doctest" ]; then
  mkdir -p "$HDR"
  rm -rf "$HDR/nlohmann" "$HDR/glm" "$HDR/doctest"
  cp -r /usr/include/nlohmann "$HDR/nlohmann"
  cp -r /usr/include/glm "$HDR/glm"
  cp -r /usr/include/doctest "$HDR/doctest"
fi

if [ "$PART" = native ]; then
  log "native dependencies ready"
  exit 0
fi

# --- SDL2 built for WebAssembly (once; 3–4 min on 2 cores, most of it SDL's CMake configure,
# which runs emcc a few hundred times one after another) --------------------------------
export NODE_PATH=/usr/share/nodejs
if [ ! -f "$DEPS/sdl2-wasm/lib/libSDL2.a" ]; then
  log "building SDL2 for WebAssembly"
  rm -rf "$DEPS/sdl2-src" "$DEPS/sdl2-build"
  mkdir -p "$DEPS/sdl2-src"
  tar -xf "$SRC"/libsdl2_*.orig.tar.* -C "$DEPS/sdl2-src" --strip-components=1
  emcmake cmake -S "$DEPS/sdl2-src" -B "$DEPS/sdl2-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$DEPS/sdl2-wasm" >/dev/null
  cmake --build "$DEPS/sdl2-build" -j"$(nproc)" >/dev/null
  cmake --install "$DEPS/sdl2-build" >/dev/null
  rm -rf "$DEPS/sdl2-src" "$DEPS/sdl2-build"
fi

# --- npm: playwright-core (drives Debian's Chromium; downloads no browser) and mermaid
# (the standard parser the Mermaid export is read back with) ------------------------------
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/browser/node_modules/mermaid" ]; then
  log "installing the browser tests' packages from the npm registry"
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "dependencies ready"
