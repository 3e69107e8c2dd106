/// What an explained bottom-up line's working, quantity and unit rate show
/// (docs/rules.md §3): the values the calculation worked out, held until they
/// are read (``HeldWorkings``), a few stores a line in place of some ten nodes.
enum BottomUpWorking: Sendable {
    /// A care line: hours a week × staff ratio × hourly rate.
    case care(CareLineWorking)
    /// A sleep-in line: nights a week × night rate.
    case sleepIn(SleepInWorking)
    /// The PA or agency bank-holiday enhancement.
    case bankHolidays(BankHolidayWorking)
    /// The flat on-cost, in place of the itemised ones.
    case flatOnCost(FlatOnCostWorking)
    /// The itemised on-costs, whose values the workings hold once (``BottomUpWorkings/itemisedOnCosts``).
    case holidayCover, employerNI, pension
    /// An other item, by how often it is paid.
    case otherItem(OtherItemWorking)
    /// The contingency on the care subtotal.
    case contingency(ContingencyWorking)
    /// The third-party fee on the lines held by a third party.
    case thirdPartyFee(ThirdPartyFeeWorking)
    /// The hourly cost of PA care (a figure beside the lines, ``BreakdownBuilder/figure(_:_:_:held:working:parameters:)``).
    case hourlyCost(HourlyCostWorking)
    /// Shares of several ways lines are held (not a working: the lines held so give this part for their words).
    case shares(notional: Rational, thirdParty: Rational, directPayment: Rational)

    /// Writes `formula` of the line with `w`; `shared` is what several lines share, read in place (a copy of the
    /// on-costs' values, their lists retained, cost more than writing a working).
    func write(_ formula: HeldFormula, _ shared: UnsafeMutablePointer<BottomUpWorkings.Shared>, _ w: inout FormulaWriter) {
        switch self {
        case .care(let line): line.write(formula, &w)
        case .sleepIn(let line): line.write(formula, &w)
        case .bankHolidays(let line):
            guard let rates = shared.pointee.bankHolidayRates else { return }
            line.write(formula, rates, weeksPerYear: shared.pointee.weeksPerYear, &w)
        case .flatOnCost(let line): if formula == .working { line.write(&w) }
        case .holidayCover: shared.pointee.itemisedOnCosts?.write(.holidayCover, formula, &w)
        case .employerNI: shared.pointee.itemisedOnCosts?.write(.employerNI, formula, &w)
        case .pension: shared.pointee.itemisedOnCosts?.write(.pension, formula, &w)
        case .otherItem(let line): line.write(formula, weeksPerYear: shared.pointee.weeksPerYear, &w)
        case .contingency(let line): if formula == .working { line.write(weeksPerYear: shared.pointee.weeksPerYear, &w) }
        case .thirdPartyFee(let line): if formula == .working { line.write(&w) }
        case .hourlyCost(let figure): if formula == .working { figure.write(&w) }
        case .shares: break  // not reached: no line's working is a part of shares
        }
    }
}

/// A care line's working: `h × staff ratio × rate`, with notes of an own rate and of the check against the National
/// Living Wage.
struct CareLineWorking {
    let hoursPerWeek: Rational
    let staffRatio: Int
    let rate: Rational
    let exactWeekly: Rational
    /// The policy's rate for the line's time band as the snapshot made it once (its place in the shared parts), or
    /// `nil` for a rate written here (the line's own, or a band the snapshot has no value for).
    let sharedRate: Int32?
    let hasOwnRate: Bool
    let isPersonalAssistant: Bool

    func write(_ formula: HeldFormula, _ w: inout FormulaWriter) {
        switch formula {
        case .working:
            w.steps { w in
                w.equals(.weekly, exactWeekly, .poundsAWeek) { w in
                    w.product { w in
                        quantities(&w)
                        unitRate(&w)
                    }
                }
                if hasOwnRate { w.note(.rateAgreedForLine) }
                if isPersonalAssistant { w.note(.checkedAgainstNationalLivingWage) }
            }
        case .quantity: w.product(quantities)
        case .unitRate: unitRate(&w)
        }
    }

    /// The hours and staff ratio, the operands of the line's quantity and of its working's product.
    private func quantities(_ w: inout FormulaWriter) {
        w.value(.hoursPerWeek, hoursPerWeek, .hoursAWeek)
        w.value(.staffRatio, Rational(staffRatio), .staff)
    }

    private func unitRate(_ w: inout FormulaWriter) {
        if let sharedRate { return w.quantity(sharedAt: sharedRate) }
        w.value(.hourlyRate, rate, .poundsAnHour)
    }
}

/// A sleep-in line's working: `nights × rate`.
struct SleepInWorking {
    let nightsPerWeek: Rational
    let rate: Rational
    let exactWeekly: Rational
    let hasOwnRate: Bool

    func write(_ formula: HeldFormula, _ w: inout FormulaWriter) {
        switch formula {
        case .working:
            w.equals(.weekly, exactWeekly, .poundsAWeek) { w in
                w.product { w in
                    w.value(.nightsPerWeek, nightsPerWeek, .nightsAWeek)
                    unitRate(&w)
                }
            }
        case .quantity: w.value(.nightsPerWeek, nightsPerWeek, .nightsAWeek)
        case .unitRate: unitRate(&w)
        }
    }

    /// The policy's rate, or the line's own.
    private func unitRate(_ w: inout FormulaWriter) {
        if hasOwnRate { w.value(.nightRate, rate, .poundsANight) } else { w.parameter(.sleepInRate, rate, .poundsANight) }
    }
}

/// A bank-holiday line's working: `days × (pay ÷ 7) × (multiplier − 1)` a year, and a week.
struct BankHolidayWorking {
    let pay: Rational
    let exactWeekly: Rational
    let exactAnnual: Rational

    /// Writes `formula` of the line: `rates` are the policy's days and multiplier, the same for PA and agency pay.
    func write(_ formula: HeldFormula, _ rates: BankHolidayRates, weeksPerYear: Rational, _ w: inout FormulaWriter) {
        let (daysPerYear, multiplier) = (rates.daysPerYear, rates.multiplier)
        switch formula {
        case .working:
            w.weekly(exactWeekly, fromAnnual: exactAnnual, weeksPerYear: weeksPerYear) { w in
                w.product { w in
                    w.parameter(.bankHolidaysPerYear, daysPerYear, .days)
                    w.quotient { w in
                        w.value(.pay, pay, .poundsAWeek)
                        w.value(.daysPerWeek, Rational(7), .days)
                    }
                    w.difference { w in
                        w.parameter(.bankHolidayMultiplier, multiplier, .number)
                        w.value(.one, Rational(1), .number)
                    }
                }
            }
        case .quantity: w.parameter(.bankHolidaysPerYear, daysPerYear, .days)
        case .unitRate: break
        }
    }
}

/// The policy's bank holidays a year and pay multiplier, which both bank-holiday lines show.
struct BankHolidayRates {
    let daysPerYear: Rational
    let multiplier: Rational
}

/// The flat on-cost's working: `PA pay × flat %`, which replaces the itemised on-costs.
struct FlatOnCostWorking {
    let pay: Rational
    let flat: Rational
    let exactWeekly: Rational

    func write(_ w: inout FormulaWriter) {
        w.steps { w in
            w.equals(.weekly, exactWeekly, .poundsAWeek) { w in
                w.product { w in
                    w.value(.paPay, pay, .poundsAWeek)
                    w.percentParameter(.flatOnCostPercent, fraction: flat)
                }
            }
            w.note(.replacesItemisedOnCosts)
        }
    }
}

/// An other item's working: `quantity × amount`, made weekly by how often it is paid.
struct OtherItemWorking {
    let period: ItemPeriod
    let quantity: Rational
    let amount: Rational
    /// The exact weekly and annual values; for a one-off item, its amount (`quantity × amount`) in both.
    let exactWeekly: Rational
    let exactAnnual: Rational

    func write(_ formula: HeldFormula, weeksPerYear: Rational, _ w: inout FormulaWriter) {
        let unit: QuantityUnit = switch period {
        case .weekly: .poundsAWeek
        case .fourWeekly: .poundsEveryFourWeeks
        case .monthly: .poundsAMonth
        case .annual: .poundsAYear
        case .oneOff: .pounds
        }
        switch formula {
        case .working: writeWorking(unit, weeksPerYear: weeksPerYear, &w)
        case .quantity: w.value(.quantity, quantity, .count)
        case .unitRate: w.value(.amount, amount, unit)
        }
    }

    private func writeWorking(_ unit: QuantityUnit, weeksPerYear: Rational, _ w: inout FormulaWriter) {
        func base(_ w: inout FormulaWriter) {
            w.product { w in
                w.value(.quantity, quantity, .count)
                w.value(.amount, amount, unit)
            }
        }
        switch period {
        case .weekly: w.equals(.weekly, exactWeekly, .poundsAWeek, base)  // quantity × amount
        case .fourWeekly:
            w.equals(.weekly, exactWeekly, .poundsAWeek) { w in
                w.quotient { w in
                    base(&w)
                    w.value(.fourWeeks, Rational(4), .weeks)
                }
            }
        case .monthly:
            w.weekly(exactWeekly, fromAnnual: exactAnnual, weeksPerYear: weeksPerYear) { w in
                w.product { w in
                    w.value(.quantity, quantity, .count)
                    w.value(.amount, amount, unit)
                    w.value(.monthsPerYear, Rational(12), .months)
                }
            }
        case .annual: w.weekly(exactWeekly, fromAnnual: exactAnnual, weeksPerYear: weeksPerYear, base)  // annual: quantity × amount
        case .oneOff: w.equals(.amount, exactWeekly, .pounds, base)
        }
    }
}

/// The contingency's working: weeks of the care subtotal a year, or a percentage of it a week.
struct ContingencyWorking {
    let mode: ContingencyMode
    /// The weeks or percentage.
    let value: Rational
    let careSubtotal: Rational
    /// The exact weekly and annual values (the annual shown for a contingency in weeks).
    let exactWeekly: Rational
    let exactAnnual: Rational

    func write(weeksPerYear: Rational, _ w: inout FormulaWriter) {
        func product(_ w: inout FormulaWriter) {
            w.product { w in
                w.parameter(.contingencyValue, value, mode == .weeks ? .weeks : .percent)
                w.value(.careSubtotal, careSubtotal, .poundsAWeek)
            }
        }
        switch mode {
        case .weeks: w.weekly(exactWeekly, fromAnnual: exactAnnual, weeksPerYear: weeksPerYear, product)
        case .percent: w.equals(.weekly, exactWeekly, .poundsAWeek, product)
        }
    }
}

/// The third-party fee's working: `fee % × the lines held by a third party`.
struct ThirdPartyFeeWorking {
    let fee: Rational
    let base: Rational
    let exactWeekly: Rational

    func write(_ w: inout FormulaWriter) {
        w.equals(.weekly, exactWeekly, .poundsAWeek) { w in
            w.product { w in
                w.percentParameter(.thirdPartyFeePercent, fraction: fee)
                w.value(.thirdPartyLines, base, .poundsAWeek)
            }
        }
    }
}

/// The hourly cost of PA care's working: `PA pay and on-costs ÷ PA hours`, a figure beside the lines.
struct HourlyCostWorking {
    /// PA pay, bank holidays and recurring on-costs, a week.
    let cost: Rational
    /// PA hours a week.
    let hours: Rational
    /// `cost / hours`.
    let hourly: Rational

    func write(_ w: inout FormulaWriter) {
        w.equals(.result, hourly, .poundsAnHour) { w in
            w.quotient { w in
                w.value(.payAndOnCosts, cost, .poundsAWeek)
                w.value(.paHours, hours, .hoursAWeek)
            }
        }
    }
}

/// The itemised PA on-costs' values, which the holiday cover, employer NI and pension workings show: held by
/// reference (a value in the header was copied, its lists retained, at each reading of a working).
final class ItemisedOnCostValues: Sendable {
    /// Which line's working.
    enum Line {
        case holidayCover, employerNI, pension
    }

    let earnings: PersonalAssistantEarnings
    let employerNI: EmployerNIWorking
    let pension: PensionWorking

    init(earnings: consuming PersonalAssistantEarnings, employerNI: consuming EmployerNIWorking, pension: consuming PensionWorking) {
        (self.earnings, self.employerNI, self.pension) = (earnings, employerNI, pension)
    }

    /// Writes `formula` of `line` with `w`.
    func write(_ line: Line, _ formula: HeldFormula, _ w: inout FormulaWriter) {
        switch (line, formula) {
        case (.holidayCover, .working): earnings.writeHolidayCover(&w)
        case (.employerNI, .working): employerNI.write(earnings: earnings, &w)
        case (.employerNI, .quantity): PersonalAssistantOnCosts.assistants(earnings.weights.count, &w)
        case (.pension, .working): pension.write(earnings: earnings, &w)
        case (.pension, .quantity): PersonalAssistantOnCosts.assistants(pension.enrolled, &w)
        default: break  // the holiday cover has no quantity, and none of the three a unit rate
        }
    }
}

/// A bottom-up breakdown's held workings: each line's (the buffer's elements, at the part its record gives) and what
/// several lines share (its header), in one allocation made when an explained breakdown starts, with room after the
/// parts for the breakdown's line records (``recordRoom``, ``LineRecords``).
///
/// The calculation that makes it holds the one reference while it adds the lines, and gives it to the breakdown's
/// result once they are all added: only then is it shared, and from then on it is only read.
final class BottomUpWorkings: ManagedBuffer<BottomUpWorkings.Shared, BottomUpWorking>, HeldWorkings {
    /// What several lines' workings share, and how many parts are held.
    struct Shared {
        /// How many parts are held, and room for how many.
        var count = 0
        let capacity: Int
        /// Room for how many line records after the parts (``recordRoom``).
        var records = 0
        /// Weeks per year, the divisor from an annual amount to a weekly one.
        let weeksPerYear: Rational
        /// The itemised on-costs' values, when the plan has them.
        var itemisedOnCosts: ItemisedOnCostValues?
        /// The policy's bank holidays and multiplier, when the plan has a bank-holiday line.
        var bankHolidayRates: BankHolidayRates?
    }

    /// Room for `capacity` lines' workings.
    /// Room for `capacity` lines' workings and, after them, for `records` line records (``recordRoom``): a
    /// breakdown's records and held workings in one block.
    static func make(capacity: Int, records: Int, weeksPerYear: Rational) -> BottomUpWorkings {
        assert(_isPOD(BottomUpWorking.self) && _isPOD(LineRecord.self), "parts and records hold no reference, and need no deinitialising")
        let part = MemoryLayout<BottomUpWorking>.stride
        let recordParts = (records * MemoryLayout<LineRecord>.stride + part - 1) / part
        let buffer = create(minimumCapacity: capacity + recordParts) { _ in
            Shared(capacity: capacity, records: records, weeksPerYear: weeksPerYear)
        }
        return unsafeDowncast(buffer, to: BottomUpWorkings.self)  // `create` on this class makes one of it
    }

    /// The room for line records made with the workings (``make(capacity:records:weeksPerYear:)``), after the
    /// parts: where it starts, and for how many. It lives as long as the workings do.
    var recordRoom: (start: UnsafeMutablePointer<LineRecord>, capacity: Int) {
        withUnsafeMutablePointers { shared, parts in
            let start = UnsafeMutableRawPointer(parts + shared.pointee.capacity)
            assert(Int(bitPattern: start) % MemoryLayout<LineRecord>.alignment == 0, "the records' room is aligned")
            return (start.bindMemory(to: LineRecord.self, capacity: shared.pointee.records), shared.pointee.records)
        }
    }

    // No deinitialiser: the parts hold no reference (a part is numbers and codes), so they need none, and the
    // header, which holds the on-costs' lists, is destroyed with the buffer.

    /// Holds `working`, returning its part (-1, a part that writes nothing, were there no room: not reached, as the
    /// calculation makes room for every line).
    func hold(_ working: BottomUpWorking) -> Int32 {
        withUnsafeMutablePointers { shared, parts in
            let count = shared.pointee.count
            guard count < shared.pointee.capacity else { return -1 }
            (parts + count).initialize(to: working)
            shared.pointee.count = count + 1
            return Int32(truncatingIfNeeded: count)
        }
    }

    /// Holds the itemised on-costs' values, which their lines' parts (``BottomUpWorking/holidayCover`` …) show.
    func hold(itemisedOnCosts values: consuming ItemisedOnCostValues) { header.itemisedOnCosts = consume values }

    /// Holds the bank-holiday rates, which both bank-holiday lines show.
    func hold(bankHolidayRates rates: BankHolidayRates) {
        withUnsafeMutablePointerToHeader { $0.pointee.bankHolidayRates = rates }
    }

    func write(_ formula: HeldFormula, of part: Int32, _ w: inout FormulaWriter) {
        // The part and the header read in place.
        withUnsafeMutablePointers { shared, parts in
            guard part >= 0, Int(part) < shared.pointee.count else { return }  // not reached: a record gives a part
            parts[Int(part)].write(formula, shared, &w)
        }
    }

    func hold(shares: DeploymentShares) -> Int32? {
        let part = hold(.shares(notional: shares[.notional], thirdParty: shares[.thirdParty],
                                directPayment: shares[.directPayment]))
        return part < 0 ? nil : part
    }

    func shares(at part: Int32) -> DeploymentShares? {
        guard case .shares(let notional, let thirdParty, let directPayment)? = self[part] else { return nil }
        return DeploymentShares(notional: notional, thirdParty: thirdParty, directPayment: directPayment)
    }

    /// The part at `part`; `nil` for a part not held (not reached: a record gives one of the parts).
    private subscript(part: Int32) -> BottomUpWorking? {
        withUnsafeMutablePointers { shared, parts in part >= 0 && Int(part) < shared.pointee.count ? parts[Int(part)] : nil }
    }
}
