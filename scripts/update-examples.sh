#!/usr/bin/env bash
# Regenerates examples/*.expected from the current engine (read the diff before committing).
set -euo pipefail
cd "$(dirname "$0")/.."
for script in examples/*.kss; do
  node bin/kubesim.mjs run "$script" > "${script%.kss}.expected"
  echo "updated ${script%.kss}.expected"
done
