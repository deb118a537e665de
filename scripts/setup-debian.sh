#!/usr/bin/env bash
# Installs what a fresh Debian machine with Rust lacks to build hotspot: cmake, g++ and the
# sqlite3 program (PROJ is built from source and linked statically), pkg-config.
# With --with-gdal, also GDAL's ogrinfo (one integration test reads the GeoJSON with it).
set -euo pipefail
need=()
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v make >/dev/null || need+=(make)
if [ "${1:-}" = "--with-gdal" ]; then
  command -v ogrinfo >/dev/null || need+=(gdal-bin)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null; then
  # shellcheck disable=SC1091
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  command -v cargo >/dev/null || { echo "setup: Rust is needed (https://rustup.rs)"; exit 1; }
fi
