// libFuzzer target: Rational arithmetic at the edges of Int128. Built by Tests/Fuzz/run-fuzzers.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRational(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count >= 64 else { return 0 }
    func int128(_ offset: Int) -> Int128 {
        var value: UInt128 = 0
        for i in 0..<16 { value = value << 8 | UInt128(data[offset + i]) }
        return Int128(bitPattern: value)
    }
    let a = Rational(int128(0), over: int128(16))
    let b = Rational(int128(32), over: int128(48))
    for value in [a + b, a - b, a * b, a / b, -a] {
        _ = value.roundedToInteger(.halfAwayFromZero)
        _ = value.roundedToInteger(.down)
        _ = value.decimalText()
        _ = value < a
        _ = try? value.roundedToMoney(.halfEven, context: "fuzz")
        _ = value.poundsText
        // Rounding n × 10^k ÷ d as it stands (64-bit when it fits) gives the reduced product's rounding.
        for rule in RoundingRule.allCases {
            for places in [0, 2, 6] {
                precondition(value.roundedToInteger(scaledBy: places, rule)
                                 == (value * Rational(Int128.powerOfTen(places), over: 1)).roundedToInteger(rule),
                             "rounding a scaled value without reducing it")
            }
        }
        if !value.isOverflow { precondition(value.denominator > 0, "denominator must stay positive") }
    }
    // A value kept as worked out fits 64 bits, and one beyond is in lowest terms; a chain of operations agrees
    // with the same chain on values brought to lowest terms after each step, overflow included.
    func lowest(_ x: Rational) -> Rational { x.isOverflow ? x : Rational(x.numerator, over: x.denominator) }
    let chains = [(a * b + a, lowest(lowest(a * b) + a)), (a / b - b * a, lowest(lowest(a / b) - lowest(b * a))),
                  ((a + b) * (a - b), lowest(lowest(a + b) * lowest(a - b)))]
    for (kept, reduced) in chains {
        precondition(kept.isOverflow == reduced.isOverflow, "overflow at the same step")
        guard !kept.isOverflow else { continue }
        precondition(kept == reduced && kept.hashValue == reduced.hashValue, "the same value")
        precondition(kept.numerator == reduced.numerator && kept.denominator == reduced.denominator, "the same lowest terms")
        if Int64(exactly: kept.storedNumerator) == nil || Int64(exactly: kept.storedDenominator) == nil {
            precondition(Rational.gcd(kept.storedNumerator.magnitude, kept.storedDenominator.magnitude) == 1,
                         "a value beyond 64 bits is in lowest terms")
        }
    }
    let bounded = BoundedAmount(value: Int64(truncatingIfNeeded: int128(0)), bound: Int64(truncatingIfNeeded: int128(16)))
    if let m = Multiplier(Int64(truncatingIfNeeded: int128(32)) & 0xFFFF, over: (Int64(truncatingIfNeeded: int128(48)) & 0xFFFF) + 1) {
        _ = bounded.times(m).roundedPence(.halfEven)
    }
    _ = bounded.times(Int64(truncatingIfNeeded: int128(32))).roundedPence(.down)
    // The fast rounding (its penny selected, not branched to) answers only with the penny both ends of the interval round to.
    // A bound below a penny too (a random one seldom is), and no bound at all.
    let small = BoundedAmount(value: bounded.value, bound: Int64(truncatingIfNeeded: int128(16)) & 0x3FF_FFFF)
    for amount in [bounded, small, BoundedAmount(units: bounded.value)] {
        for rule in RoundingRule.allCases {
            let (low, o1) = amount.value.subtractingReportingOverflow(amount.bound)
            let (high, o2) = amount.value.addingReportingOverflow(amount.bound)
            if let pence = amount.roundedPence(rule), !amount.isPoisoned, !o1, !o2 {
                precondition(BoundedAmount.pence(low, rule) == pence && BoundedAmount.pence(high, rule) == pence,
                             "a rounded penny both ends of the interval agree on")
                precondition(amount.bound != 0 || pence == rule.roundedQuotient(amount.value, BoundedAmount.unitsPerPenny),
                             "an exact amount rounds as the rule does")
            }
        }
    }
    _ = bounded.proportion(BoundedAmount(units: Int64(truncatingIfNeeded: int128(48))), of: BoundedAmount(units: Int64.max))
    return 0
}
