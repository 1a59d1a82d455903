#!/usr/bin/env bash
# Transferred size of the commune home and of the activity form on a 360-px phone (Chromium via Playwright), first
# visit (empty cache) and repeat visit. Starts the application on the embedded PostgreSQL like the browser tests do.
# Usage: bench/page-weight/run.sh        (prints lines starting with "page-weight:")
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q verify -Dit.test=PageWeightBench -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dspring.main.banner-mode=off 2>&1 | grep '^page-weight' || {
  echo "page-weight: the benchmark did not run; see target/failsafe-reports/" >&2; exit 1; }
