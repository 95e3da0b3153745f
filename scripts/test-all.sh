#!/usr/bin/env bash
# Every test kubesim has, in the order a failure is cheapest to find:
# type check, engine unit tests, production build, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports  # not test-results/: Playwright empties that folder

bash scripts/ensure-chromium.sh

echo "== type check"
npx tsc -b

echo "== unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

echo "== production build"
npx vite build

echo "== end-to-end tests (Playwright, Debian Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json

node scripts/summarize-tests.mjs reports/vitest.json reports/playwright.json
