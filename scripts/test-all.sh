#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, then type-checks and runs unit, integration
# and browser tests. With TEST_DATABASE_URL set, every database test also runs against that PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== installing npm packages"
# npm ci rejects the lock file npm 11 itself writes here (it omits other platforms' optional rollup binaries),
# so install respects the lock file instead of requiring it to be complete.
npm install --no-audit --no-fund --loglevel=error

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Debian chromium and fonts-noto-cjk for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "The browser tests need Chromium at $CHROMIUM and the Noto CJK fonts." >&2
    echo "Install them with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

echo "== type check"
npx tsc --noEmit -p .

echo "== content check"
npx tsx scripts/check-content.ts

mkdir -p .test-results
status=0
echo "== unit and integration tests${TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
npx vitest run --reporter=default --reporter=json --outputFile=.test-results/unit.json || status=$?
echo "== browser tests (Chromium, axe-core)"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile=.test-results/e2e.json || status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of [".test-results/unit.json", ".test-results/e2e.json"]) {
    if (!fs.existsSync(f)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    // A file that fails before any test runs (an error in beforeAll, an import that throws) fails no single test:
    // count it once, so the summary never reads "0 failed" for a red run.
    failed += r.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed")).length;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
'
exit $status
