import PHBCodec
import PHBEngine
import Testing

/// A local policy file is validated, and each problem names the file and the key.
@Suite struct PolicyValidationTests {
    func decode(_ parameters: String, extra: String = "") throws(InputError) -> LocalPolicy {
        try PolicyCodec.decode(#"{"name": "Test ICB", \#(extra) "parameters": {\#(parameters)}}"#, file: "icb.json")
    }

    func error(_ parameters: String, extra: String = "") -> InputError? {
        do { _ = try decode(parameters, extra: extra); return nil } catch { return error }
    }

    @Test func readsAValidPolicy() throws {
        let policy = try decode(#""pa.hourlyRate.weekdayDay": [{"from": "2025-04-01", "value": 13.75, "source": "board paper"}]"#)
        #expect(policy.name == "Test ICB")
        #expect(!policy.isIllustrative)
        #expect(policy.parameters[.paHourlyRate(band: "weekdayDay")]?.values.first?.value == .number(Rational(55, over: 4)))
    }

    @Test func unknownTopLevelKey() {
        let e = error("", extra: #""nmae": "x","#)
        #expect(e?.description == "icb.json: nmae: unknown key (expected one of: base, description, illustrative, name, parameters)")
    }

    @Test func unknownParameter() {
        let e = error(#""pa.hourlyRates.weekday": [{"from": "2025-04-01", "value": "1", "source": "s"}]"#)
        #expect(e?.code == "unknownParameter")
        #expect(e?.description == "icb.json: parameters.pa.hourlyRates.weekday: unknown parameter 'pa.hourlyRates.weekday'")
    }

    @Test func duplicateAndUnorderedDates() {
        let dup = error(#""weeksPerYear": [{"from": "2025-04-01", "value": "52", "source": "s"}, {"from": "2025-04-01", "value": "52", "source": "s"}]"#)
        #expect(dup?.description == "icb.json: parameters.weeksPerYear: start date 2025-04-01: is given twice")
        let order = error(#""weeksPerYear": [{"from": "2026-04-01", "value": "52", "source": "s"}, {"from": "2025-04-01", "value": "52", "source": "s"}]"#)
        #expect(order?.description.contains("is out of order") == true)
    }

    @Test func negativeRate() {
        let e = error(#""thirdParty.managementFeePercent": [{"from": "2025-04-01", "value": "-7.5", "source": "s"}]"#)
        #expect(e?.description.hasPrefix("icb.json: parameters.thirdParty.managementFeePercent[0].value: must not be negative") == true)
    }

    @Test func wrongKindAndBadDate() {
        #expect(error(#""employmentAllowance.applied": [{"from": "2025-04-01", "value": "yes", "source": "s"}]"#)?.code
                == "invalidValue")
        #expect(error(#""pa.onCostMode": [{"from": "2025-04-01", "value": "banded", "source": "s"}]"#)?.code
                == "parameterKindMismatch")
        #expect(error(#""weeksPerYear": [{"from": "2025-02-30", "value": "52", "source": "s"}]"#)?.description
                == "icb.json: parameters.weeksPerYear[0].from: '2025-02-30' is not a date written YYYY-MM-DD")
    }

    @Test func syntaxErrorsSayWhere() {
        do {
            _ = try PolicyCodec.decode("{\n  \"name\": \"x\",\n  \"name\": \"y\"\n}", file: "icb.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "icb.json: not valid JSON: line 3, column 9: key \"name\" appears twice")
        }
    }
}
