#!/usr/bin/env bash
# Set everything up, bring the index up to date, then open the assistant.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export HF_HUB_OFFLINE=1
.venv/bin/inspection-assistant index
.venv/bin/inspection-assistant sources
exec .venv/bin/inspection-assistant ui "$@"
