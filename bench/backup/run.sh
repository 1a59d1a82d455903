#!/usr/bin/env bash
# Backup benchmark (issue 12): a scratch XHHT on an embedded database (national units + a generated literacy register
# of Cao Bằng, imported through the API by the literacy bench), then the command-line backup of that running database
# and its restore into a new empty database of the same server. Prints time and size of both.
# Usage: bench/backup/run.sh [households]   (default 250000 ≈ 1,000,000 persons)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-18103}
pgport=${PGPORT_BENCH:-18104}
jar=$(ls target/xhht-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  ./mvnw -q -o -B -DskipTests package; jar=$(ls target/xhht-*.jar | grep -v original | head -1)
fi
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
out=target/bench-backup
mkdir -p $out
rm -f $out/backup.zip
log=$out/app.log
java -Xmx512m -jar "$jar" --server.port=$port --xhht.embedded-db.dir=$out/pg --xhht.embedded-db.clean=true \
  --xhht.embedded-db.port=$pgport --spring.servlet.multipart.max-file-size=500MB --spring.servlet.multipart.max-request-size=501MB \
  --server.tomcat.max-swallow-size=-1 --xhht.literacy.import.max-bytes=524288000 --xhht.backup.cron=- > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  sleep 0.5; kill -0 $pid 2>/dev/null || { echo "app died, see $log"; exit 1; }
done
java -cp "target/classes:$pgjar" bench/literacy/LiteracyBench.java "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "${1:-250000}" \
  | grep -E "persons in|XHHT import" || true
url="jdbc:postgresql://localhost:$pgport/postgres"
# the literacy bench's scratch table is not application data
java -cp "$pgjar" bench/backup/Sql.java "$url" "drop table if exists bench_raw" "drop database if exists restored" "create database restored"
persons=$(java -cp "$pgjar" bench/backup/Sql.java "$url" "select count(*) from lit_person")
echo "database: national administrative units + $persons literacy persons (app running, embedded PostgreSQL, fsync on)"
t0=$(date +%s.%N)
java -jar "$jar" backup $out/backup.zip --spring.datasource.url="$url" --spring.datasource.username=postgres
t1=$(date +%s.%N)
java -jar "$jar" restore $out/backup.zip --spring.datasource.url="jdbc:postgresql://localhost:$pgport/restored" --spring.datasource.username=postgres
t2=$(date +%s.%N)
restored=$(java -cp "$pgjar" bench/backup/Sql.java "jdbc:postgresql://localhost:$pgport/restored" "select count(*) from lit_person")
size=$(stat -c %s $out/backup.zip)
dbsize=$(java -cp "$pgjar" bench/backup/Sql.java "$url" "select pg_database_size('postgres')")
printf 'backup (command line, consistent snapshot of the running app): %6.1f s   file %6.1f MB (database on disk %6.1f MB)\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$size / 1048576" | bc -l)" "$(echo "$dbsize / 1048576" | bc -l)"
printf 'restore into an empty database (migrations + COPY + checks):   %6.1f s   persons restored %s of %s\n' \
  "$(echo "$t2 - $t1" | bc)" "$restored" "$persons"
