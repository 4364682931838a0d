#!/usr/bin/env bash
# `npm test`: type check, lint, unit and integration tests, a production build, then
# end-to-end tests in Debian's Chromium. Installs Chromium with apt-get when it is
# missing and we are root; otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "==> Installing Chromium from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing. Install it with: sudo apt-get install -y chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium binary), then run npm test again." >&2
    exit 1
  fi
fi

# Varnish with xkey (varnish-modules) for e2e/public/varnish.spec.ts, which is skipped without it.
has_varnish() { [ -x /usr/sbin/varnishd ] && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; }
if ! has_varnish; then
  if [ "$(id -u)" = "0" ]; then
    echo "==> Installing Varnish and varnish-modules (xkey) from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null
    # Only the binary is wanted: the test starts its own varnishd; the packaged service stays off.
    systemctl disable --now varnish >/dev/null 2>&1 || true
  else
    echo "Varnish is missing: e2e/public/varnish.spec.ts will be skipped." >&2
    echo "Install it with: sudo apt-get install -y varnish varnish-modules" >&2
  fi
fi

# PostgreSQL 15 (Debian's postgresql) for the second Vitest pass and e2e/multi/two-instances.spec.ts.
# The tests start and stop clusters of their own (lib/test/pg-cluster.ts); the packaged service stays off.
has_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || [ -n "${PG_BIN:-}" ]; }
if ! has_postgres; then
  if [ "$(id -u)" = "0" ]; then
    echo "==> Installing PostgreSQL from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    systemctl disable --now postgresql >/dev/null 2>&1 || true
  else
    echo "PostgreSQL is missing: the PostgreSQL test pass and the two-instance test will be skipped." >&2
    echo "Install it with: sudo apt-get install -y postgresql" >&2
  fi
fi

step() { echo; echo "==> $*"; }
start=$(date +%s)

step "Prisma clients (SQLite, and PostgreSQL from its generated twin schema)"
npx prisma generate >/dev/null
npx tsx scripts/postgres-twin.ts --check
npx tsx scripts/postgres-twin.ts --generate >/dev/null

step "Dependency floors and npm audit"
npx tsx scripts/check-dependencies.ts

step "Type check"
npx tsc --noEmit

step "Lint and formatting"
npx eslint --max-warnings 0 .
npx prettier --check . >/dev/null || { npx prettier --check .; echo "Run npm run format to fix." >&2; exit 1; }

step "Unit and integration tests (Vitest, real SQLite, real migrations)"
npx vitest run

if has_postgres; then
  step "Unit and integration tests again on PostgreSQL (a throwaway cluster, the PostgreSQL migrations)"
  DATELINE_TEST_DATABASE=postgres npx vitest run
fi
step "Photos in an S3-compatible bucket (s3rver from npm, started and stopped here): the media tests again"
npx tsx scripts/with-test-bucket.ts -- npx vitest run lib/media

step "Production build"
# Against an empty database, as on a fresh clone: nothing may be prerendered from data at build time.
build_db="$(mktemp -d)/build.db"
# With a WordPress export already in the import folder, as on a server that has run imports: the
# build's file traces must not take it in (e2e/public/build-output.spec.ts checks them).
decoy="data/imports/build-trace-check"
trap 'rm -rf "$(dirname "$build_db")" "$decoy"' EXIT
mkdir -p "$decoy/uploads/2024/05" && printf '<rss/>' > "$decoy/export.xml" && printf 'zip' > "$decoy/uploads.zip"
printf 'jpg' > "$decoy/uploads/2024/05/photo.jpg" && : > "$decoy/uploads.done"
DATABASE_URL="file:$build_db" npm run build
rm -rf "$(dirname "$build_db")" "$decoy"
trap - EXIT

step "End-to-end tests (Playwright, Chromium)"
npx playwright test

if has_postgres; then
  step "The journey from the desk to the reader again on PostgreSQL, photos in an S3-compatible bucket (Playwright)"
  DATELINE_E2E_ENGINE=postgresql npx tsx scripts/with-test-bucket.ts --postgres -- npx playwright test
fi

echo
echo "All checks passed in $(( $(date +%s) - start ))s."
