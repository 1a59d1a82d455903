#!/usr/bin/env bash
# Literacy benchmark (issue 5): starts XHHT on a scratch embedded database (empty register, -Xmx512m), generates a
# register of ~1,000,000 persons for Tỉnh Cao Bằng, imports it through the API against a raw COPY of the same rows,
# then times the province and commune indicators against a plain GROUP BY. Prints the figures.
# Usage: bench/literacy/run.sh [households]   (default 250000 ≈ 1,000,000 persons)
#        DURABLE=false bench/literacy/run.sh …   the same on a database without fsync (to measure what durability costs)
#        JAR=/tmp/before.jar CLASSES=/tmp/before-classes bench/literacy/run.sh …   an earlier build, for before/after figures
#        (CLASSES: that build's classes, for the register generator; unzip BOOT-INF/classes of the jar)
#        REUSE=true bench/literacy/run.sh …   times the indicators again on the register the last run left (no import)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-18101}
pgport=${PGPORT_BENCH:-18102}
jar=${JAR:-$(ls target/xhht-*.jar 2>/dev/null | grep -v original | head -1 || true)}
classes=${CLASSES:-target/classes}
if [ -z "${JAR:-}" ] && { [ -z "$jar" ] || [ -n "$(find src/main -newer "$jar" -type f | head -1)" ]; }; then
  ./mvnw -q -o -B -DskipTests package; jar=$(ls target/xhht-*.jar | grep -v original | head -1)
fi
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
mkdir -p target/bench-literacy
reuse=${REUSE:-false}
# a fresh register unless reused; the data stay after the run (a clean data directory would be deleted on stop)
[ "$reuse" = true ] || rm -rf target/bench-literacy/pg
log=target/bench-literacy/app.log
java -Xmx512m -jar "$jar" --server.port=$port --xhht.embedded-db.dir=target/bench-literacy/pg --xhht.embedded-db.clean=false \
  --xhht.embedded-db.port=$pgport --spring.servlet.multipart.max-file-size=500MB --spring.servlet.multipart.max-request-size=501MB \
  --server.tomcat.max-swallow-size=-1 --xhht.literacy.import.max-bytes=524288000 \
  --xhht.embedded-db.durable=${DURABLE:-true} > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  sleep 0.5; kill -0 $pid 2>/dev/null || { echo "app died, see $log"; exit 1; }
done
java -cp "$classes:$pgjar" bench/literacy/LiteracyBench.java "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "${1:-250000}" $([ "$reuse" = true ] && echo reuse || true)
