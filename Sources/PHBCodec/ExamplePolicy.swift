import PHBEngine

/// The illustrative example policy, embedded so that a calculation needs no
/// policy file. Identical to `Fixtures/example-policy.json` (a test checks it;
/// after editing that file, paste it here between the delimiters).
public enum ExamplePolicy {
    /// The policy's JSON text.
    public static let json = #"""
{
  "name": "Illustrative example policy",
  "illustrative": true,
  "description": "An illustrative local policy for trying the engine. Its figures are drawn from published council rates where one exists (spec §1.2) and otherwise invented; it is no ICB's adopted policy. Local rates change on 1 April.",
  "parameters": {
    "weeksPerYear": [
      {
        "from": "2024-04-01",
        "value": "52",
        "source": "Illustrative: 52 weeks a year (spec §0 default)"
      }
    ],
    "roundingRule": [
      {
        "from": "2024-04-01",
        "value": "halfAwayFromZero",
        "source": "Illustrative: half away from zero (spec §0 default)"
      }
    ],
    "pa.hourlyRate.weekdayDay": [
      {
        "from": "2024-04-01",
        "value": "13.25",
        "source": "Illustrative (spec §1.2): a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
      },
      {
        "from": "2025-04-01",
        "value": "13.75",
        "source": "Illustrative (spec §1.2): a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
      },
      {
        "from": "2026-04-01",
        "value": "14.25",
        "source": "Illustrative (spec §1.2): a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
      }
    ],
    "pa.hourlyRate.weekdayEvening": [
      {
        "from": "2024-04-01",
        "value": "13.75",
        "source": "Illustrative: weekday-day rate + 50p"
      },
      {
        "from": "2025-04-01",
        "value": "14.25",
        "source": "Illustrative: weekday-day rate + 50p"
      },
      {
        "from": "2026-04-01",
        "value": "14.75",
        "source": "Illustrative: weekday-day rate + 50p"
      }
    ],
    "pa.hourlyRate.weekend": [
      {
        "from": "2024-04-01",
        "value": "14.25",
        "source": "Illustrative: weekday-day rate + £1.00"
      },
      {
        "from": "2025-04-01",
        "value": "14.75",
        "source": "Illustrative: weekday-day rate + £1.00"
      },
      {
        "from": "2026-04-01",
        "value": "15.25",
        "source": "Illustrative: weekday-day rate + £1.00"
      }
    ],
    "pa.hourlyRate.wakingNight": [
      {
        "from": "2024-04-01",
        "value": "14.00",
        "source": "Illustrative: weekday-day rate + 75p"
      },
      {
        "from": "2025-04-01",
        "value": "14.50",
        "source": "Illustrative: weekday-day rate + 75p"
      },
      {
        "from": "2026-04-01",
        "value": "15.00",
        "source": "Illustrative: weekday-day rate + 75p"
      }
    ],
    "agency.hourlyRate.weekdayDay": [
      {
        "from": "2024-04-01",
        "value": "30.88",
        "source": "Illustrative (spec §1.2): a published council agency rate of £32.14 an hour in 2025/26"
      },
      {
        "from": "2025-04-01",
        "value": "32.14",
        "source": "Illustrative (spec §1.2): a published council agency rate of £32.14 an hour in 2025/26"
      },
      {
        "from": "2026-04-01",
        "value": "33.50",
        "source": "Illustrative (spec §1.2): a published council agency rate of £32.14 an hour in 2025/26"
      }
    ],
    "agency.hourlyRate.weekdayEvening": [
      {
        "from": "2024-04-01",
        "value": "31.50",
        "source": "Illustrative: agency weekday-day rate + about 2%"
      },
      {
        "from": "2025-04-01",
        "value": "32.80",
        "source": "Illustrative: agency weekday-day rate + about 2%"
      },
      {
        "from": "2026-04-01",
        "value": "34.15",
        "source": "Illustrative: agency weekday-day rate + about 2%"
      }
    ],
    "agency.hourlyRate.weekend": [
      {
        "from": "2024-04-01",
        "value": "33.00",
        "source": "Illustrative: agency weekday-day rate + about 7%"
      },
      {
        "from": "2025-04-01",
        "value": "34.50",
        "source": "Illustrative: agency weekday-day rate + about 7%"
      },
      {
        "from": "2026-04-01",
        "value": "35.90",
        "source": "Illustrative: agency weekday-day rate + about 7%"
      }
    ],
    "agency.hourlyRate.wakingNight": [
      {
        "from": "2024-04-01",
        "value": "32.00",
        "source": "Illustrative: agency weekday-day rate + about 4%"
      },
      {
        "from": "2025-04-01",
        "value": "33.40",
        "source": "Illustrative: agency weekday-day rate + about 4%"
      },
      {
        "from": "2026-04-01",
        "value": "34.80",
        "source": "Illustrative: agency weekday-day rate + about 4%"
      }
    ],
    "sleepIn.nightRate": [
      {
        "from": "2024-04-01",
        "value": "75.00",
        "source": "Illustrative (spec §1.2): a published council sleep-in rate of £77.95 a night in 2025/26"
      },
      {
        "from": "2025-04-01",
        "value": "77.95",
        "source": "Illustrative (spec §1.2): a published council sleep-in rate of £77.95 a night in 2025/26"
      },
      {
        "from": "2026-04-01",
        "value": "80.50",
        "source": "Illustrative (spec §1.2): a published council sleep-in rate of £77.95 a night in 2025/26"
      }
    ],
    "pa.onCostMode": [
      {
        "from": "2024-04-01",
        "value": "itemised",
        "source": "Illustrative: itemised on-costs (spec §2.3)"
      }
    ],
    "pa.flatOnCostPercent": [
      {
        "from": "2024-04-01",
        "value": "26.08",
        "source": "Illustrative (spec §1.2): Norfolk County Council's flat PA on-cost of 26.08%"
      }
    ],
    "pa.holidayAccrualPercent": [
      {
        "from": "2024-04-01",
        "value": "12.07",
        "source": "5.6 weeks ÷ 46.4 working weeks = 12.07% (spec §1.2 default)"
      }
    ],
    "pension.fundedFrom": [
      {
        "from": "2024-04-01",
        "value": "trigger",
        "source": "Illustrative: pension funded for PAs above the auto-enrolment trigger"
      }
    ],
    "employmentAllowance.applied": [
      {
        "from": "2024-04-01",
        "value": true,
        "source": "Illustrative: the Employment Allowance applied (HMRC: one allowance per employer)"
      }
    ],
    "bankHolidays.perYear": [
      {
        "from": "2024-04-01",
        "value": "8",
        "source": "England and Wales: 8 bank holidays a year"
      }
    ],
    "bankHolidays.payMultiplier": [
      {
        "from": "2024-04-01",
        "value": "1.5",
        "source": "Illustrative: time and a half on bank holidays"
      }
    ],
    "employmentCosts.insurancePerYear": [
      {
        "from": "2024-04-01",
        "value": "61",
        "source": "Illustrative (spec §1.2): employer's liability insurance of £61 a year, as published by a council"
      }
    ],
    "employmentCosts.payrollPerMonth": [
      {
        "from": "2024-04-01",
        "value": "9.99",
        "source": "Illustrative (spec §1.2): a payroll service at £9.99 a month, as published by a council"
      }
    ],
    "employmentCosts.trainingPerPAPerYear": [
      {
        "from": "2024-04-01",
        "value": "100",
        "source": "Illustrative: £100 a PA a year for training (spec §8)"
      }
    ],
    "employmentCosts.dbsCheckPerPA": [
      {
        "from": "2024-04-01",
        "value": "54",
        "source": "Illustrative: an enhanced DBS check at £54 (spec §8)"
      }
    ],
    "employmentCosts.recruitmentPerPA": [
      {
        "from": "2024-04-01",
        "value": "150",
        "source": "Illustrative: £150 a PA for advertising and recruitment (spec §8)"
      }
    ],
    "contingency.mode": [
      {
        "from": "2024-04-01",
        "value": "percent",
        "source": "Illustrative: contingency as a percentage (PHB Quality Framework, step 3)"
      }
    ],
    "contingency.value": [
      {
        "from": "2024-04-01",
        "value": "5",
        "source": "Illustrative: 5% contingency (spec §8)"
      }
    ],
    "directPayment.supportFeePerMonth": [
      {
        "from": "2024-04-01",
        "value": "10",
        "source": "Illustrative: direct-payment support at £10 a month (spec §8)"
      }
    ],
    "directPayment.setUpFee": [
      {
        "from": "2024-04-01",
        "value": "150",
        "source": "Illustrative: direct-payment set-up at £150 (spec §8)"
      }
    ],
    "thirdParty.managementFeePercent": [
      {
        "from": "2024-04-01",
        "value": "7.5",
        "source": "Illustrative: a third-party (ISF) management fee of 7.5%"
      }
    ]
  }
}
"""#

    /// The decoded policy.
    public static func policy() throws(InputError) -> LocalPolicy {
        try PolicyCodec.decode(json, file: "embedded example policy")
    }
}
