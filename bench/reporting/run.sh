#!/usr/bin/env bash
# Issue-7 benchmark: a scratch app (port 18103, its own embedded database under target/bench-reporting), 3,321
# approved commune reports under one test province, then bench/reporting/ReportingBench.java prints the figures.
# Usage: bench/reporting/run.sh   (builds the jar when missing; stops the app it started at the end)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(ls target/xhht-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -B -DskipTests package; jar=$(ls target/xhht-*.jar | grep -v original | head -1); fi
port=${PORT:-18103}
dbport=${DB_PORT:-54343}
dir=target/bench-reporting
rm -rf "$dir"; mkdir -p "$dir"
java -jar "$jar" --server.port=$port --xhht.embedded-db.dir=$dir/pg --xhht.embedded-db.port=$dbport > $dir/app.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  sleep 0.5; kill -0 $pid 2>/dev/null || { echo "app died, see $dir/app.log"; exit 1; }
done
echo "generating data…"
t0=$(date +%s.%N)
psql -q -h localhost -p $dbport -U postgres -d postgres -f bench/reporting/reports.sql
printf 'data generated in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
java bench/reporting/ReportingBench.java "http://localhost:$port" "${BOARD_REQUESTS:-100}"
