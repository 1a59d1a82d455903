#!/usr/bin/env bash
# Issue-15 figures (oversight): the public list of out-of-school establishments and its diacritic-insensitive search
# over 50,000 establishments (with acts and sanctions), through HTTP without login: p50/p95 per call of
# GET /api/v1/public/establishments?q=… and of the /public/establishments page; then the signed-in registry search
# GET /api/v1/establishments?q=… as a province officer and as the national administrator. Uses a scratch embedded database
# under target/bench-oversight (cleaned on each run) and a random HTTP port; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-oversight-cp.txt -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/bench-oversight-cp.txt)" bench/oversight/OversightBench.java 2>&1 | grep -E '^(seed|public|page|p95|result|plan|load|registry)|Exception|Error'
