import Dispatch
import Foundation
import PHBCodec
import PHBEngine
import _PHBTestSupport

/// Library timings: nanoseconds per budget for the fast path and the full
/// breakdown, per calculator, on one core and on all cores.
struct LibraryBenchmark {
    let budgets: Int
    let repeats: Int
    let seed: UInt64
    /// Run only the timings whose label contains this.
    let only: String?
    /// How many distinct plans the pool repeats: with few, the branch predictor learns their every branch.
    let distinct: Int
    /// Whether each repeat of a plan gets new hours and amounts: its shape (lines, providers, bands,
    /// periods, deployments) repeats, its values do not.
    let newValues: Bool

    func run() throws -> [Timing] {
        let policy = try ExamplePolicy.policy()
        guard let date = CalendarDate(iso: "2026-06-01") else { return [] }
        // One context per core, as a service that computes on several threads is advised to make (README.md,
        // "Use the library"): a context shared by every thread costs each result's reference counts on its
        // shared values, which the cores then take turns at (the last timing below measures that).
        let contexts = try (0..<ProcessInfo.activeCores).map { _ in try CalculationContext(asAt: date, policy: policy) }
        let parameters = contexts.map(BottomUpParameters.init)
        guard let fast = FastBottomUpParameters(parameters[0]) else { throw BenchError("the example policy has no fast form") }
        // A pool of distinct plans, cycled: enough to defeat the caches' luck, small enough to build quickly.
        // Each plan of the pool is its own copy, so its memory does not depend on `distinct`.
        let pool = (0..<min(budgets, 20_000)).map { i in
            let plan = RandomPlans.plan(seed: seed, index: i % distinct)
            return newValues ? Self.revalued(plan, seed: UInt64(i)) : plan
        }
        // Each core's own hold of the pool's plans (their lines shared with the pool's), that a plan is moved out of
        // to be costed where the caller holds it, as a batch holds the plan it has read (``HeldPlans``).
        let held = contexts.map { _ in HeldPlans(pool) }
        // The fast form is built once per plan (a recalculation then costs it under two snapshots).
        let fastPool = pool.compactMap(FastBottomUpPlan.init)
        // The same plans in columns, a thousand at a time (laid out once, as a batch lays out each chunk's people).
        let columns = stride(from: 0, to: fastPool.count, by: 1_000).map {
            let plans = fastPool[$0..<min($0 + 1_000, fastPool.count)]
            return (plans: plans, columns: FastBottomUpColumns(plans))
        }
        let slow = max(1, budgets / 50)
        // Each timing's body costs calls `range` (of `items` in all) on a core, so it runs on one core and split over all of them.
        var work: [Work] = [
            ("bottom-up, fast path", budgets, { calls, _ in blackHole(Self.costed(fastPool, calls: calls, fast)) }),
            ("bottom-up, fast path in columns", budgets, { calls, _ in blackHole(Self.costed(columns, calls: calls, fast)) }),
            ("bottom-up, fast form built from the plan", budgets, { calls, core in
                var count = 0
                for i in calls where held[core].with(i, { FastBottomUpPlan($0) }) != nil { count += 1 }
                blackHole(count)
            }),
        ]
        /// The first-year totals of the pool's plans `calls`, held by `plans`, by the full breakdown under
        /// `parameters`, summed.
        @Sendable func breakdowns(_ calls: Range<Int>, _ plans: HeldPlans, _ parameters: BottomUpParameters, explains: Bool) {
            var sum: Int64 = 0
            for i in calls {
                sum &+= plans.with(i) { (try? $0.calculate(with: parameters, explains: explains))?.totals.firstYear.pence ?? 0 }
            }
            blackHole(sum)
        }
        for explains in [false, true] {
            work.append(("bottom-up, full breakdown, " + (explains ? "with explanation" : "figures only"), slow, { calls, core in
                breakdowns(calls, held[core], parameters[core], explains: explains)
            }))
        }
        /// The same explained breakdowns, each of their lines then read whole, as a renderer reads them: what a
        /// result's lines cost to make from their records, on top of the breakdown.
        @Sendable func breakdownsRead(_ calls: Range<Int>, _ plans: HeldPlans, _ parameters: BottomUpParameters) {
            var sum = 0
            for i in calls {
                guard let result = plans.with(i, { try? $0.calculate(with: parameters, explains: true) }) else { continue }
                for line in result.lines {
                    sum &+= line.key.utf8.count &+ line.description.utf8.count &+ line.parameters.count
                        &+ (line.deployment?.utf8.count ?? 0) &+ (line.formula == nil ? 0 : 1) &+ (line.quantity == nil ? 0 : 1)
                        &+ (line.unitRate == nil ? 0 : 1)
                }
            }
            blackHole(sum)
        }
        work.append(("bottom-up, full breakdown, with explanation and every line read", slow, { calls, core in
            breakdownsRead(calls, held[core], parameters[core])
        }))
        let ras: [any BudgetCalculation] = (0..<100).map { RASAssessment(points: Rational(20 + $0)) }
        let clusters: [any BudgetCalculation] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
            .map { MentalHealthClusterAllocation(cluster: $0) }
        for (name, calculations) in [("RAS", ras), ("mental health cluster", clusters)] {
            work.append(("\(name), full breakdown with explanation", slow, { calls, core in
                var sum: Int64 = 0
                for i in calls {
                    sum &+= (try? calculations[i % calculations.count].calculate(in: contexts[core]))?.totals.annual.pence ?? 0
                }
                blackHole(sum)
            }))
        }
        var timings = timeOnEachCoreCount(work)
        // The cost of sharing: every core's breakdowns under one context.
        timings += timeOnEachCoreCount([("bottom-up, full breakdown, with explanation, one context shared by every core", slow,
                                         { calls, core in breakdowns(calls, held[core], parameters[0], explains: true) })],
                                       oneCore: false)
        // Every other calculator on the cases of its fixtures (the example policy's, those that compute), loaded
        // only now, so that their allocations leave the heap of the timings above as it was.
        // Each core's own cases, with their own contexts.
        let fixtureCases = try contexts.map { _ in try Self.fixtureCases() }
        var fixtureWork: [Work] = []
        for (n, (name, cases)) in fixtureCases[0].enumerated() {
            let what = cases.count == 1 ? "its fixture case" : "its \(cases.count) fixture cases"
            fixtureWork.append(("\(name), full breakdown with explanation (\(what))", slow, { calls, core in
                let cases = fixtureCases[core][n].cases
                var sum: Int64 = 0
                for i in calls {
                    let (calculation, context) = cases[i % cases.count]
                    sum &+= (try? calculation.calculate(in: context))?.totals.annual.pence ?? 0
                }
                blackHole(sum)
            }))
        }
        timings += timeOnEachCoreCount(fixtureWork)
        return timings
    }

    /// A timing's work: its body costs the calls of a range on a core (numbered from 0), with that core's own values.
    typealias Work = (label: String, items: Int, body: @Sendable (_ calls: Range<Int>, _ core: Int) -> Void)

    /// Times each piece of work on one core (unless `oneCore` is false) and split over all of them, keeping the
    /// timings `only` selects.
    func timeOnEachCoreCount(_ work: [Work], oneCore: Bool = true) -> [Timing] {
        let cores = ProcessInfo.activeCores
        let timed = work.flatMap { label, items, body in
            let onAll = ("\(label), \(cores) cores", items, {
                let chunk = (items + cores - 1) / cores
                DispatchQueue.concurrentPerform(iterations: cores) { c in body((c * chunk)..<min(items, (c + 1) * chunk), c) }
            })
            return (oneCore ? [("\(label), 1 core", items, { body(0..<items, 0) }), onAll] : [onAll])
                as [(label: String, items: Int, body: () -> Void)]
        }
        return timed.filter { only.map($0.label.contains) ?? true }.map {
            time($0.label, items: $0.items, repeats: repeats, $0.body)
        }
    }
}

extension LibraryBenchmark {
    /// The first-year totals of the pool's plans `calls.count` times over, cycling from plan `calls.lowerBound`,
    /// by the fast path, summed.
    ///
    /// Each plan is costed where the caller holds it, as a batch costs the plan it has read: it is moved
    /// out of the pool and back by swaps. A plan copied out of an array for each call would retain and
    /// release its line arrays, four atomic counts each way: a cost of copying, not of the fast path.
    static func costed(_ plans: [FastBottomUpPlan], calls: Range<Int>, _ fast: FastBottomUpParameters) -> Int64 {
        guard var held = plans.first else { return 0 }
        var pool = plans  // shares the pool's storage until the first swap makes it this thread's own
        var sum: Int64 = 0
        for i in calls {
            swap(&held, &pool[i % pool.count])  // held is now plan i mod n (the pool turns by one each round)
            sum &+= held.totals(fast)?.firstYear.pence ?? 0
        }
        return sum
    }

    /// The first-year totals of at least `calls.count` plans by the fast path in columns, group after group from
    /// the group of plan `calls.lowerBound`, summed; each plan the columns leave unsettled is costed alone, as a
    /// batch does.
    static func costed(_ groups: [(plans: ArraySlice<FastBottomUpPlan>, columns: FastBottomUpColumns)], calls: Range<Int>,
                       _ fast: FastBottomUpParameters) -> Int64 {
        guard let size = groups.first?.plans.count, size > 0 else { return 0 }
        var sum: Int64 = 0, done = 0, g = calls.lowerBound / size
        while done < calls.count {
            let group = groups[g % groups.count]
            for (plan, totals) in zip(group.plans, group.columns.settledTotals(fast)) {
                sum &+= (totals ?? plan.totals(fast))?.firstYear.pence ?? 0
            }
            done += group.plans.count
            g += 1
        }
        return sum
    }

    /// The calculations of `Fixtures/top-down` and `Fixtures/finance` (from the folder this runs in) under the
    /// example policy that compute, with their contexts, by calculator; RAS and clusters, timed above on
    /// their own workloads, left out.
    static func fixtureCases() throws -> [(name: String, cases: [(any BudgetCalculation, CalculationContext)])] {
        let policy = try ExamplePolicy.policy()
        var byName: [String: [(any BudgetCalculation, CalculationContext)]] = [:]
        for folder in ["Fixtures/top-down", "Fixtures/finance"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                guard let text = try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8),
                      let budgetCase = try? BudgetCase.decode(text, file: file), budgetCase.policy == .example,
                      !["ras", "mentalHealthCluster"].contains(budgetCase.calculation.calculatorName),
                      let context = try? CalculationContext(asAt: budgetCase.asAt, policy: policy, overrides: budgetCase.overrides),
                      (try? budgetCase.calculation.calculate(in: context)) != nil
                else { continue }
                byName[budgetCase.calculation.calculatorName, default: []].append((budgetCase.calculation, context))
            }
        }
        return byName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `plan` with new hours for its care lines and new amounts for its weekly, four-weekly and monthly
    /// items (its annual items keep theirs: some are built on a half penny).
    static func revalued(_ plan: BottomUpPlan, seed: UInt64) -> BottomUpPlan {
        var plan = plan
        var g = SeededGenerator(seed: seed &+ 0x9E37_79B9)
        for i in plan.care.indices { plan.care[i].hoursPerWeek = Rational(Int128(g.int(1...240)), over: 4) }
        for i in plan.otherItems.indices where plan.otherItems[i].period != .annual {
            plan.otherItems[i].amount = Rational(Int128(g.int(1...40_000)), over: 100)
        }
        return plan
    }
}

/// A core's own hold of a pool of plans, that each plan is moved out of to be costed and moved back into: the plan
/// is then held where the caller holds it, as a batch holds the plan it has read.
///
/// A plan read from an array (or through an unsafe pointer) for a call is copied: its line lists retained and then
/// released, atomic counts on memory the plan has not yet brought into the cache, each waited on alone. A cost of
/// reading a pool, not of the breakdown (the fast path's timings swap each plan out of the pool for the same reason).
/// Each core has its own, as two cores cost the same plans at once; the plans' lines are the pool's, shared.
final class HeldPlans: @unchecked Sendable {
    private let plans: UnsafeMutablePointer<BottomUpPlan>
    private let count: Int

    init(_ pool: [BottomUpPlan]) {
        count = pool.count
        plans = .allocate(capacity: max(1, pool.count))
        plans.initialize(from: pool, count: pool.count)
    }

    deinit {
        plans.deinitialize(count: count)
        plans.deallocate()
    }

    /// `body` of plan `i` mod the pool's size, moved out for the call and back after it.
    func with<Result>(_ i: Int, _ body: (borrowing BottomUpPlan) -> Result) -> Result {
        let place = plans + i % count
        let plan = place.move()
        defer { place.initialize(to: plan) }
        return body(plan)
    }
}

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ProcessInfo {
    /// The cores this process may use.
    static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
