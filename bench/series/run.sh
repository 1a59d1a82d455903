#!/usr/bin/env bash
# Time series across the reforms (issue 18): starts XHHT on a scratch embedded database, gives every centre of the
# communes that make up today's Thành phố Hà Nội 100 held activities a year from 2019 (the old communes until
# 30/06/2025, the new ones after), then times GET /api/v1/org-units/{id}/series for 2019–2026 over the province and
# over one ward. Prints p50/p95.
# Usage: bench/series/run.sh [activities per centre and year] [requests]   (defaults 100 and 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-18111}
pgport=${PGPORT_BENCH:-18112}
jar=$(ls target/xhht-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main -newer "$jar" -type f | head -1)" ]; then
  ./mvnw -q -o -B -DskipTests package; jar=$(ls target/xhht-*.jar | grep -v original | head -1)
fi
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
mkdir -p target/bench-series
log=target/bench-series/app.log
java -Xmx512m -jar "$jar" --server.port=$port --xhht.embedded-db.dir=target/bench-series/pg --xhht.embedded-db.clean=true \
  --xhht.embedded-db.port=$pgport > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  sleep 0.5; kill -0 $pid 2>/dev/null || { echo "app died, see $log"; exit 1; }
done
java -cp "target/classes:$pgjar" bench/series/SeriesBench.java "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" \
  "${1:-100}" "${2:-200}"
