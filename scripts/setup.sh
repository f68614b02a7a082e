#!/usr/bin/env bash
# Create .venv and install the project into it. Idempotent: does nothing when already up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "Installing into .venv (first time: a few minutes)..." >&2
  pipq() { .venv/bin/python -m pip install -q --disable-pip-version-check "$@" 2> >(grep -v "^WARNING: Location" >&2); }
  pipq --upgrade pip
  # torch first and pinned: pip takes the local CPU wheel; an unpinned torch pulls a CUDA build.
  pipq torch==2.13.0
  pipq -e ".[test]"
  .venv/bin/python -c "import index, assistant, sentence_transformers, chromadb" >/dev/null
  echo "$stamp" > .venv/.setup-stamp
fi
