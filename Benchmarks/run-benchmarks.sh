#!/usr/bin/env bash
# Reproduces the figures in Benchmarks/README.md: library, end to end and memory, release builds.
# Usage: Benchmarks/run-benchmarks.sh [--json]
#   Memory of 10M people needs a 2.4 GB cohort file in the temporary folder (made once, kept).
set -euo pipefail
cd "$(dirname "$0")/.."
# The Swift runtime and Foundation linked in: each budget-calc run starts about 8 ms sooner (no dynamic
# symbol lookups), which the end-to-end figures include.
swift build -c release --static-swift-stdlib
bench=.build/release/budget-bench
echo "## Machine"; echo; echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(swift --version 2>&1 | head -1)"; echo
# 2,000,000 budgets: 40,000 calls for each full breakdown, so that a timing split over the cores is not at the
# mercy of the threads' start (with 20,000, RAS and the cluster allocation showed 1.4 - 1.6x on 2 cores; 1.9 - 2.0x with 40,000).
echo "## Library"; echo; $bench library --budgets 2000000 --repeats 5 "$@"; echo
# The same plans' cost with the branch predictor learning them: what mispredicted branches cost.
echo "## Fast path, branches learned"; echo
for pool in "--distinct 100" "--distinct 100 --new-values"; do
  echo "### $pool"
  for only in "fast path, 1" "fast path in columns, 1"; do $bench library --budgets 1000000 --repeats 5 --only "$only" $pool "$@"; done
  echo
done
echo "## End to end"; echo; $bench end-to-end --people 200000 --repeats 5 "$@"; echo
echo "## Peak memory"; echo; $bench memory --sizes 10000,100000,1000000,10000000 "$@"
# Each target measured again and marked met or missed (exit 1 when one is missed, which ends nothing here).
echo; echo "## Targets"; echo; $bench targets "$@" || [ $? -eq 1 ]
