#!/usr/bin/env bash
# Builds cloudbox if needed (scripts/setup.sh) and runs it on port 4566 with its state in ./.cloudbox
# and the book's chapter-5 resources loaded.
# Extra arguments go to `cloudbox serve`, e.g. scripts/start.sh --in-memory --log-level debug
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Setup's output goes to stderr so that stdout carries only cloudbox's own lines.
bash scripts/setup.sh >&2
# --book-world: the book's chapter-5 bucket, table, functions and schedule are there from the start.
exec ./build/cloudbox serve --port 4566 --data-dir ./.cloudbox --book-world "$@"
