#!/usr/bin/env bash
# Rewrites Tests/BudgetCalcTests/Golden/ from the built binary's current output.
# Run after an intended change of output, then review the diff with 'git diff'.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_CALC_REFRESH_GOLDEN=1 swift test --filter GoldenTests
git --no-pager diff --stat -- Tests/BudgetCalcTests/Golden
