/// The first try's steps (``BoundedAmount``) written to select rather than branch: each
/// operation gives the same value and bound, and makes `failed` negative where the first try
/// would stop for a bound that does not settle a penny or a decision. No sum or product is
/// checked for overflow: within ``ColumnLimits`` none can overflow (docs/fast-path.md, "Columns").
enum ColumnStep {
    /// 1 when `condition` holds, else 0.
    @inline(__always) static func bit(_ condition: Bool) -> Int64 { condition ? 1 : 0 }

    /// `amount` when `condition` holds, else zero.
    @inline(__always)
    static func select(_ condition: Bool, _ amount: BoundedAmount) -> BoundedAmount {
        let mask: Int64 = condition ? -1 : 0
        return BoundedAmount(value: amount.value & mask, bound: amount.bound & mask)
    }

    @inline(__always) static func select(_ condition: Bool, _ pence: Int64) -> Int64 { condition ? pence : 0 }

    // Sums and products wrap rather than trap, and are not checked: the limits of ``ColumnLimits`` keep every one
    // of them within 64 bits for a plan they admit (docs/fast-path.md, "Columns"), and a plan whose pay exceeds them
    // is costed alone whatever its figures came to.

    @inline(__always) static func add(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }

    @inline(__always)
    static func add(_ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        BoundedAmount(value: a.value &+ b.value, bound: a.bound &+ b.bound)
    }

    @inline(__always)
    static func subtract(_ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        BoundedAmount(value: a.value &- b.value, bound: a.bound &+ b.bound)
    }

    /// `a × k` for a whole number k ≥ 0.
    @inline(__always)
    static func times(_ a: BoundedAmount, _ k: Int64) -> BoundedAmount {
        BoundedAmount(value: a.value &* k, bound: a.bound &* k)
    }

    /// `⌊a × n ÷ d⌋` with the bound ``BoundedAmount/times(_:)-(Multiplier)`` gives it: a whole product when the
    /// divisor is one, else one division, or two when the numerator is large (`a = q·d + r`: `q·n + ⌊r·n ÷ d⌋`,
    /// as ``ExactDivisor/scale(_:by:)`` does, so that 52.1429 weeks multiplies a large amount too); each way is the
    /// same for every amount `m` multiplies.
    @inline(__always)
    static func times(_ a: BoundedAmount, _ m: ColumnMultiplier) -> BoundedAmount {
        let carried = a.bound &* m.ceiling
        if m.divisor.isOne { return BoundedAmount(value: a.value &* m.numerator, bound: carried) }
        if m.splits {
            let (q, r) = m.divisor.divide(UInt64(bitPattern: a.value))
            let (q2, r2) = m.divisor.divide(r &* UInt64(m.numerator))  // r < d ≤ 2³¹ and n ≤ 2³¹
            return BoundedAmount(value: Int64(bitPattern: q) &* m.numerator &+ Int64(bitPattern: q2),
                                 bound: carried &+ bit(r2 != 0))
        }
        let (q, r) = m.divisor.divide(UInt64(bitPattern: a.value &* m.numerator))
        return BoundedAmount(value: Int64(bitPattern: q), bound: carried &+ bit(r != 0))
    }

    /// `a × h ÷ 100` for `h` hundredths of an hour or a night (at most 1,680,000: 168 hours at 100 staff), as
    /// ``BoundedAmount/times(_:)-(Multiplier)`` gives it for ``Multiplier/init(hundredths:)`` (`ceiling` is ⌈h ÷ 100⌉).
    @inline(__always)
    static func times(_ a: BoundedAmount, hundredths h: UInt32, ceiling: UInt16) -> BoundedAmount {
        let whole = UInt64(bitPattern: a.value &* Int64(h))
        let q = whole / 100, r = whole &- q &* 100
        return BoundedAmount(value: Int64(bitPattern: q), bound: a.bound &* Int64(ceiling) &+ bit(r != 0))
    }

    /// `a` when `condition` holds, else `b`: by masks, so that the compiler keeps no branch.
    @inline(__always)
    static func choose(_ condition: Bool, _ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        let mask = 0 &- bit(condition)
        return BoundedAmount(value: (a.value & mask) | (b.value & ~mask), bound: (a.bound & mask) | (b.bound & ~mask))
    }

    /// Whether `a` is above `threshold`; sets `failed` (the answer is then `false`) when the bounds do not settle it.
    @inline(__always)
    static func isAbove(_ a: BoundedAmount, _ threshold: BoundedAmount, _ failed: inout Int64) -> Bool {
        let d = subtract(a, threshold)
        let above = bit(d.value &- d.bound > 0), notAbove = bit(d.value &+ d.bound <= 0)
        failed |= 0 &- ((above | notAbove) ^ 1)
        return above != 0
    }

    /// Below zero unless an amount (at least zero) is settled to be above zero.
    @inline(__always)
    static func settledAboveZero(_ a: BoundedAmount) -> Int64 { a.value &- a.bound &- 1 }

    /// Below zero unless an amount (at least zero) is settled to be zero or above zero, as
    /// ``BoundedAmount/isZero`` must settle it: exactly zero, or its whole interval above zero.
    @inline(__always)
    static func settledZeroOrAbove(_ a: BoundedAmount) -> Int64 {
        0 &- (bit(a.value &- a.bound <= 0) & bit(a.value | a.bound != 0))
    }

    /// ``BoundedAmount/atLeast(_:)`` with a floor of exactly zero (the only floor the steps use), selected.
    @inline(__always)
    static func atLeastZero(_ a: BoundedAmount) -> BoundedAmount {
        let low = a.value &- a.bound, high = a.value &+ a.bound
        return choose(high <= 0, .zero, choose(low >= 0, a, BoundedAmount(value: max(a.value, 0), bound: a.bound)))
    }

    /// ``BoundedAmount/atMost(_:)``, selected.
    @inline(__always)
    static func atMost(_ a: BoundedAmount, _ ceiling: BoundedAmount) -> BoundedAmount {
        let low = a.value &- a.bound, high = a.value &+ a.bound
        let ceilingLow = ceiling.value &- ceiling.bound, ceilingHigh = ceiling.value &+ ceiling.bound
        let either = BoundedAmount(value: min(a.value, ceiling.value), bound: max(a.bound, ceiling.bound))
        return choose(low >= ceilingHigh, ceiling, choose(high <= ceilingLow, a, either))
    }

    /// `a × part ÷ whole` (``BoundedAmount/proportion(_:of:)``): a division only for a plan whose PA pay is
    /// held partly by a third party, which is rare, so its branch is as good as never mispredicted.
    @inline(__always)
    static func proportion(_ a: BoundedAmount, _ part: BoundedAmount, of whole: BoundedAmount,
                           _ failed: inout Int64) -> BoundedAmount {
        if bit(part.value != 0) & bit(part.value != whole.value) != 0 {
            let share = a.proportion(part, of: whole)
            failed |= share.bound
            return share
        }
        failed |= 0 &- (part.bound | whole.bound)
        return select(part.value != 0, a)
    }

    /// The pence of `a` by the rule `R` when its bound settles them, else `failed` is set: the answer of
    /// ``BoundedAmount/roundedPence(_:)``, from one division.
    ///
    /// Every rule rounds `x ≥ 0` to `⌊(x + h) ÷ 1p⌋` (`h` half a penny, or none to round down), a tie to
    /// even then taking one off an odd penny. With `t = (a − e) + h = q pennies and r`, every amount of
    /// `[a − e, a + e]` (the exact one among them) rounds to the same penny when `r + 2e` stays below a
    /// penny, for then no amount of the interval reaches the next boundary; and a tie to even is settled
    /// only when exact (`e = 0`), as an interval starting on a tie holds amounts that round the other way.
    @inline(__always)
    static func pence<R: PenceRounding>(_ a: BoundedAmount, _: R.Type, _ failed: inout Int64) -> Int64 {
        let unit = BoundedAmount.unitsPerPenny
        let low = a.value &- a.bound
        let t = UInt64(bitPattern: low) &+ R.offset
        let q = t / UInt64(unit), r = Int64(bitPattern: t &- q &* UInt64(unit))
        let tie = bit(r == 0) & R.tiesToEven
        // Each term is negative when the penny is not settled: an interval below zero, one that reaches the next
        // penny's boundary (bounds stay far below 2⁶², ``ColumnLimits``), or an inexact tie.
        failed |= low | (unit &- 1 &- r &- (a.bound << 1)) | (0 &- (tie & bit(a.bound != 0)))
        return Int64(bitPattern: q) &- (tie & Int64(bitPattern: q) & 1)
    }

    /// A line whose natural period is the week: its weekly and annual (× weeks) pence.
    @_transparent
    static func weeklyLine<R: PenceRounding>(_ weekly: BoundedAmount, _ values: ColumnParameters, _ rule: R.Type,
                                             _ s: inout ColumnSums, _ failed: inout Int64) {
        s.weekly = add(s.weekly, pence(weekly, rule, &failed))
        s.annual = add(s.annual, pence(times(weekly, values.weeks), rule, &failed))
    }

    /// A line whose natural period is the year: its annual and weekly (÷ weeks) pence; returns the weekly amount.
    @_transparent
    static func annualLine<R: PenceRounding>(_ annual: BoundedAmount, _ values: ColumnParameters, _ rule: R.Type,
                                             _ s: inout ColumnSums, _ failed: inout Int64) -> BoundedAmount {
        let weekly = times(annual, values.perWeek)
        s.weekly = add(s.weekly, pence(weekly, rule, &failed))
        s.annual = add(s.annual, pence(annual, rule, &failed))
        return weekly
    }

    /// PA on-costs (docs/rules.md §3), their figures into `s`: returns their recurring weekly sum.
    @_transparent
    static func onCosts<R: PenceRounding>(_ rule: R.Type, pay: BoundedAmount, bankHolidays: BoundedAmount,
                                          plan: FastBottomUpColumns.PlanColumn, parts: UnsafeBufferPointer<ColumnMultiplier>,
                                          byPAs: UnsafeBufferPointer<PAFigures>, _ values: ColumnParameters,
                                          _ s: inout ColumnSums, _ failed: inout Int64) -> BoundedAmount {
        // The figures that depend on the number of PAs only, worked out with the snapshot for up to a few PAs.
        let k = plan.personalAssistants
        let known = k >= 1 && k <= Int64(byPAs.count)
        failed |= 0 &- bit(!known)
        let figures = byPAs[known ? Int(k) &- 1 : 0]
        var sum: BoundedAmount
        if let flat = values.flatOnCost {
            sum = times(pay, flat)
            weeklyLine(sum, values, rule, &s, &failed)
        } else {
            let holidayBase = add(pay, bankHolidays)
            let cover = times(holidayBase, values.holidayAccrual)
            weeklyLine(cover, values, rule, &s, &failed)
            let earnings = add(holidayBase, cover)
            var ni = BoundedAmount.zero, pension = BoundedAmount.zero
            if plan.partsStart < 0 {
                let enrolled = isAbove(earnings, figures.pension, &failed)
                ni = times(atLeastZero(subtract(earnings, figures.ni)), values.employerNIRate)
                let pensionable = atLeastZero(subtract(atMost(earnings, figures.upper), figures.lower))
                pension = select(enrolled, times(pensionable, values.pensionRate))
            } else {
                for i in Int(plan.partsStart)..<(Int(plan.partsStart) + Int(plan.partsCount)) {
                    let e = times(earnings, parts[i])
                    ni = add(ni, times(atLeastZero(subtract(e, values.niThreshold)), values.employerNIRate))
                    let enrolled = isAbove(e, values.pensionThreshold, &failed)
                    let pensionable = atLeastZero(subtract(atMost(e, values.pensionUpperLimit), values.pensionLowerLimit))
                    pension = add(pension, select(enrolled, times(pensionable, values.pensionRate)))
                }
            }
            var niWeekly = ni
            if let allowance = values.employmentAllowance {
                niWeekly = annualLine(atLeastZero(subtract(times(ni, values.weeks), allowance)), values, rule, &s, &failed)
            } else {
                weeklyLine(ni, values, rule, &s, &failed)
            }
            weeklyLine(pension, values, rule, &s, &failed)
            sum = add(add(cover, niWeekly), pension)
        }
        // Insurance, payroll and training; DBS checks and recruitment: the same for every plan with as many PAs.
        s.weekly = add(s.weekly, figures.weeklyPence)
        s.annual = add(s.annual, figures.annualPence)
        s.oneOff = add(s.oneOff, figures.oneOffPence)
        return add(sum, figures.recurring)
    }
}

/// A rounding rule of ``RoundingRule`` as a type, for amounts not below zero: so that the columns' costing is
/// compiled once for each rule, with no test of the rule in a rounding. Each rounds `x` to
/// `⌊(x + offset) ÷ 1p⌋`, and a tie to even takes one off an odd penny when `x + offset` is a whole penny.
protocol PenceRounding {
    static var offset: UInt64 { get }
    /// 1 when a tie goes to the even penny, else 0.
    static var tiesToEven: Int64 { get }
}

/// ``RoundingRule/halfAwayFromZero``: a tie goes up.
enum HalfAwayFromZeroPence: PenceRounding {
    static var offset: UInt64 { UInt64(BoundedAmount.unitsPerPenny / 2) }
    static var tiesToEven: Int64 { 0 }
}

/// ``RoundingRule/halfEven``: a tie goes to the even penny.
enum HalfEvenPence: PenceRounding {
    static var offset: UInt64 { UInt64(BoundedAmount.unitsPerPenny / 2) }
    static var tiesToEven: Int64 { 1 }
}

/// ``RoundingRule/down``: towards zero.
enum DownPence: PenceRounding {
    static var offset: UInt64 { 0 }
    static var tiesToEven: Int64 { 0 }
}

/// A ``Multiplier`` as the columns multiply by it: with whether it divides an amount before multiplying.
struct ColumnMultiplier {
    let numerator: Int64
    let divisor: ExactDivisor
    let ceiling: Int64
    /// Whether the numerator is above ``ColumnLimits/wholeProductNumerator``: then the amount is divided first,
    /// so that the product stays within 64 bits for every amount within the limits.
    let splits: Bool

    init(_ m: Multiplier) {
        numerator = m.numerator
        divisor = m.divisor
        ceiling = m.ceiling
        splits = m.numerator > ColumnLimits.wholeProductNumerator
    }
}
