#!/usr/bin/env bash
# Proves fast path == full breakdown, line by line, on seeded random plans in release mode.
# Usage: Benchmarks/check-fast-path.sh [PLANS]   (default 1,000,000; exit 1 on any mismatch)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product budget-bench  # as run-benchmarks.sh builds, so neither relinks the other's
.build/release/budget-bench check --plans "${1:-1000000}"
