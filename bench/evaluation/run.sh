#!/usr/bin/env bash
# Issue-6 figures (evaluation): campaign results over 200 communes x 15 indicators with evidence, the decision
# with its annexed list as .pdf, and working-day arithmetic per call. Uses a scratch embedded database under
# target/bench-eval (cleaned on each run) and a random HTTP port; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-eval-cp.txt -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/bench-eval-cp.txt)" bench/evaluation/EvaluationBench.java 2>&1 | grep -E '^(campaign|compute|render|working-day)|Exception|Error'
