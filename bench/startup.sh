#!/usr/bin/env bash
# Measures the time from the run command to a healthy app (cold: empty data directory, so PostgreSQL initdb,
# Flyway and the national unit load run; warm: the same directory again), and prints the unit-load time.
# Usage: bench/startup.sh   (builds the jar first if needed; uses a scratch data dir under target/)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/xhht-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -B -DskipTests package; jar=$(ls target/xhht-*.jar | grep -v original | head -1); fi
dir=target/bench-data
port=${PORT:-18080}

measure() {
  local label=$1; shift
  local log="target/bench-$(echo "$label" | tr -c 'a-z0-9\n' '-').log"
  local t0=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "app died, see $log"; exit 1; }
  done
  local t1=$(date +%s.%N)
  printf '%-34s %6.1f s to healthy\n' "$label" "$(echo "$t1 - $t0" | bc)"
  grep -o 'Successfully applied [0-9]* migrations.*' "$log" | sed 's/^/    flyway (incl. national unit load): /' || true
  # stop the whole process group (./mvnw forks a JVM)
  pkill -P $pid 2>/dev/null || true; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  while curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.2; done
}

rm -rf "$dir"
measure "cold start (java -jar, empty db)" java -jar "$jar" --server.port=$port --xhht.embedded-db.dir=$dir/pg
measure "warm start (java -jar)" java -jar "$jar" --server.port=$port --xhht.embedded-db.dir=$dir/pg
rm -rf "$dir"
measure "cold start (./mvnw spring-boot:run)" ./mvnw -q -o spring-boot:run -Dspring-boot.run.arguments="--server.port=$port --xhht.embedded-db.dir=$dir/pg"
measure "warm start (./mvnw spring-boot:run)" ./mvnw -q -o spring-boot:run -Dspring-boot.run.arguments="--server.port=$port --xhht.embedded-db.dir=$dir/pg"
