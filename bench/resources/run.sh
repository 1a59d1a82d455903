#!/usr/bin/env bash
# Issue-17 figure (budgets): the budget summary of a province with 3,321 centres × 50 lines (166,050 lines, every
# stage, source and category), timed through BudgetSummaries as the page and the API call it. Scratch embedded
# database under target/bench-resources (cleaned on each run); nothing else is touched. Prints the figures.
# Usage: bench/resources/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-resources-cp.txt -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/bench-resources-cp.txt)" bench/resources/ResourcesBench.java 2>&1 | grep -E '^(data|summary|centres|totals)|Exception|Error'
