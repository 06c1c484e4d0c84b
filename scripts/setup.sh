#!/usr/bin/env bash
# Installs the system libraries Labbook builds against (Debian/Ubuntu), if they are missing.
# Swift itself must already be installed (https://www.swift.org/install/).
set -euo pipefail
packages=(zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libopenblas-dev pkg-config dataset-fashion-mnist time
          python3-nbformat jupyter-nbconvert)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "${missing[@]}"
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH; install Swift 6 first" >&2; exit 1; }
