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
  "description": "An illustrative local policy for trying the engine. Its figures are drawn from published council rates where one exists and otherwise invented; it is no ICB's adopted policy. Local rates change on 1 April.",
  "parameters": {
    "weeksPerYear": [
      {
        "from": "2024-04-01",
        "value": "52",
        "source": "Illustrative: 52 weeks a year (docs/rules.md §1)"
      }
    ],
    "roundingRule": [
      {
        "from": "2024-04-01",
        "value": "halfAwayFromZero",
        "source": "Illustrative: half away from zero (docs/rules.md §1)"
      }
    ],
    "pa.hourlyRate.weekdayDay": [
      {
        "from": "2024-04-01",
        "value": "13.25",
        "source": "Illustrative: a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
      },
      {
        "from": "2025-04-01",
        "value": "13.75",
        "source": "Illustrative: a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
      },
      {
        "from": "2026-04-01",
        "value": "14.25",
        "source": "Illustrative: a published council PA pay rate of £13.75 an hour in 2025/26, moved by 50p a year"
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
        "source": "Illustrative: a published council agency rate of £32.14 an hour in 2025/26"
      },
      {
        "from": "2025-04-01",
        "value": "32.14",
        "source": "Illustrative: a published council agency rate of £32.14 an hour in 2025/26"
      },
      {
        "from": "2026-04-01",
        "value": "33.50",
        "source": "Illustrative: a published council agency rate of £32.14 an hour in 2025/26"
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
        "source": "Illustrative: a published council sleep-in rate of £77.95 a night in 2025/26"
      },
      {
        "from": "2025-04-01",
        "value": "77.95",
        "source": "Illustrative: a published council sleep-in rate of £77.95 a night in 2025/26"
      },
      {
        "from": "2026-04-01",
        "value": "80.50",
        "source": "Illustrative: a published council sleep-in rate of £77.95 a night in 2025/26"
      }
    ],
    "pa.onCostMode": [
      {
        "from": "2024-04-01",
        "value": "itemised",
        "source": "Illustrative: itemised on-costs (docs/rules.md)"
      }
    ],
    "pa.flatOnCostPercent": [
      {
        "from": "2024-04-01",
        "value": "26.08",
        "source": "Illustrative: Norfolk County Council's flat PA on-cost of 26.08%"
      }
    ],
    "pa.holidayAccrualPercent": [
      {
        "from": "2024-04-01",
        "value": "12.07",
        "source": "5.6 weeks ÷ 46.4 working weeks = 12.07% (the usual default)"
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
        "source": "Illustrative: employer's liability insurance of £61 a year, as published by a council"
      }
    ],
    "employmentCosts.payrollPerMonth": [
      {
        "from": "2024-04-01",
        "value": "9.99",
        "source": "Illustrative: a payroll service at £9.99 a month, as published by a council"
      }
    ],
    "employmentCosts.trainingPerPAPerYear": [
      {
        "from": "2024-04-01",
        "value": "100",
        "source": "Illustrative: £100 a PA a year for training (the worked example, docs/rules.md §3)"
      }
    ],
    "employmentCosts.dbsCheckPerPA": [
      {
        "from": "2024-04-01",
        "value": "54",
        "source": "Illustrative: an enhanced DBS check at £54 (the worked example, docs/rules.md §3)"
      }
    ],
    "employmentCosts.recruitmentPerPA": [
      {
        "from": "2024-04-01",
        "value": "150",
        "source": "Illustrative: £150 a PA for advertising and recruitment (the worked example, docs/rules.md §3)"
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
        "source": "Illustrative: 5% contingency (the worked example, docs/rules.md §3)"
      }
    ],
    "directPayment.supportFeePerMonth": [
      {
        "from": "2024-04-01",
        "value": "10",
        "source": "Illustrative: direct-payment support at £10 a month (the worked example, docs/rules.md §3)"
      }
    ],
    "directPayment.setUpFee": [
      {
        "from": "2024-04-01",
        "value": "150",
        "source": "Illustrative: direct-payment set-up at £150 (the worked example, docs/rules.md §3)"
      }
    ],
    "thirdParty.managementFeePercent": [
      {
        "from": "2024-04-01",
        "value": "7.5",
        "source": "Illustrative: a third-party (ISF) management fee of 7.5%"
      }
    ],
    "ras.questionnaire": [
      {
        "from": "2024-04-01",
        "value": {
          "domains": [
            {
              "name": "Personal care",
              "weight": "1",
              "questions": [
                {
                  "id": "washing",
                  "text": "Help with washing and dressing",
                  "answers": {
                    "none": "0",
                    "some": "3",
                    "substantial": "6",
                    "full": "9"
                  }
                },
                {
                  "id": "eating",
                  "text": "Help with eating and drinking",
                  "answers": {
                    "none": "0",
                    "some": "2",
                    "substantial": "4",
                    "full": "6"
                  }
                }
              ]
            },
            {
              "name": "Health and wellbeing",
              "weight": "1.5",
              "questions": [
                {
                  "id": "mentalHealth",
                  "text": "Support with mental health",
                  "answers": {
                    "none": "0",
                    "some": "3",
                    "substantial": "6",
                    "full": "9"
                  }
                },
                {
                  "id": "medication",
                  "text": "Help with medication",
                  "answers": {
                    "none": "0",
                    "some": "1",
                    "substantial": "2",
                    "full": "4"
                  }
                }
              ]
            },
            {
              "name": "Daily living and community",
              "weight": "1",
              "questions": [
                {
                  "id": "mobility",
                  "text": "Help with moving about",
                  "answers": {
                    "none": "0",
                    "some": "2",
                    "substantial": "5",
                    "full": "8"
                  }
                },
                {
                  "id": "community",
                  "text": "Support to take part in the community",
                  "answers": {
                    "none": "0",
                    "some": "2",
                    "substantial": "4",
                    "full": "6"
                  }
                }
              ]
            }
          ]
        },
        "source": "Illustrative table (invented for trying the engine; no ICB's adopted figures)"
      }
    ],
    "ras.conversion": [
      {
        "from": "2024-04-01",
        "value": "bands",
        "source": "Illustrative: points converted by bands"
      }
    ],
    "ras.pricePerPoint": [
      {
        "from": "2024-04-01",
        "value": "1100",
        "source": "Illustrative: £1,100 a point a year, when converting by price per point"
      }
    ],
    "ras.bands": [
      {
        "from": "2024-04-01",
        "value": [
          {
            "from": "1",
            "annual": "5000"
          },
          {
            "from": "10",
            "annual": "12000"
          },
          {
            "from": "20",
            "annual": "22000"
          },
          {
            "from": "30",
            "annual": "33000"
          },
          {
            "from": "40",
            "annual": "45000"
          },
          {
            "from": "50",
            "annual": "61000"
          },
          {
            "from": "60",
            "annual": "75000"
          },
          {
            "from": "70",
            "annual": "90000"
          },
          {
            "from": "80",
            "annual": "110000"
          }
        ],
        "source": "Illustrative bands; the 50–59 band's £61,000 is the figure a score of 55 gave in R (KM) v Cambridgeshire CC [2012] UKSC 23"
      }
    ],
    "ras.informalSupportReductionPercent": [
      {
        "from": "2024-04-01",
        "value": "10",
        "source": "Illustrative: points reduced by 10% where informal support is available"
      }
    ],
    "ras.indicativeRangePercent": [
      {
        "from": "2024-04-01",
        "value": "10",
        "source": "Illustrative: indicative range ±10%"
      }
    ],
    "ras.floorAnnual": [
      {
        "from": "2024-04-01",
        "value": "2000",
        "source": "Illustrative floor"
      }
    ],
    "ras.capAnnual": [
      {
        "from": "2024-04-01",
        "value": "150000",
        "source": "Illustrative cap"
      }
    ],
    "mentalHealth.clusterCosts": [
      {
        "from": "2024-04-01",
        "value": [
          {
            "cluster": 0,
            "annualCost": "1800",
            "crisisPercent": "5",
            "inpatientPercent": "0"
          },
          {
            "cluster": 1,
            "annualCost": "1400",
            "crisisPercent": "5",
            "inpatientPercent": "0"
          },
          {
            "cluster": 2,
            "annualCost": "2100",
            "crisisPercent": "5",
            "inpatientPercent": "0"
          },
          {
            "cluster": 3,
            "annualCost": "3900",
            "crisisPercent": "8",
            "inpatientPercent": "5"
          },
          {
            "cluster": 4,
            "annualCost": "5600",
            "crisisPercent": "10",
            "inpatientPercent": "8"
          },
          {
            "cluster": 5,
            "annualCost": "7900",
            "crisisPercent": "12",
            "inpatientPercent": "12"
          },
          {
            "cluster": 6,
            "annualCost": "6400",
            "crisisPercent": "10",
            "inpatientPercent": "10"
          },
          {
            "cluster": 7,
            "annualCost": "9800",
            "crisisPercent": "12",
            "inpatientPercent": "15"
          },
          {
            "cluster": 8,
            "annualCost": "11500",
            "crisisPercent": "15",
            "inpatientPercent": "20"
          },
          {
            "cluster": 10,
            "annualCost": "8700",
            "crisisPercent": "20",
            "inpatientPercent": "30"
          },
          {
            "cluster": 11,
            "annualCost": "6200",
            "crisisPercent": "15",
            "inpatientPercent": "10"
          },
          {
            "cluster": 12,
            "annualCost": "9400",
            "crisisPercent": "15",
            "inpatientPercent": "15"
          },
          {
            "cluster": 13,
            "annualCost": "12600",
            "crisisPercent": "20",
            "inpatientPercent": "25"
          },
          {
            "cluster": 14,
            "annualCost": "14900",
            "crisisPercent": "25",
            "inpatientPercent": "40"
          },
          {
            "cluster": 15,
            "annualCost": "10300",
            "crisisPercent": "20",
            "inpatientPercent": "35"
          },
          {
            "cluster": 16,
            "annualCost": "13800",
            "crisisPercent": "20",
            "inpatientPercent": "30"
          },
          {
            "cluster": 17,
            "annualCost": "12100",
            "crisisPercent": "20",
            "inpatientPercent": "30"
          },
          {
            "cluster": 18,
            "annualCost": "4200",
            "crisisPercent": "5",
            "inpatientPercent": "5"
          },
          {
            "cluster": 19,
            "annualCost": "5300",
            "crisisPercent": "8",
            "inpatientPercent": "5"
          },
          {
            "cluster": 20,
            "annualCost": "8100",
            "crisisPercent": "8",
            "inpatientPercent": "10"
          },
          {
            "cluster": 21,
            "annualCost": "6700",
            "crisisPercent": "10",
            "inpatientPercent": "10"
          }
        ],
        "source": "Illustrative table (invented for trying the engine; no ICB's adopted figures); the indicative PHB excludes crisis and inpatient shares, as Northamptonshire did (Getting the sums right, 2015)"
      }
    ],
    "chc.dstScoring": [
      {
        "from": "2024-04-01",
        "value": {
          "levelPoints": {
            "none": "0",
            "low": "1",
            "moderate": "2",
            "high": "3",
            "severe": "5",
            "priority": "8"
          },
          "domainWeights": {
            "breathing": "1.5",
            "behaviour": "1.5",
            "cognition": "1.25"
          },
          "bands": [
            {
              "from": "0",
              "weeklyRate": "450",
              "name": "A"
            },
            {
              "from": "10",
              "weeklyRate": "750",
              "name": "B"
            },
            {
              "from": "18",
              "weeklyRate": "1150",
              "name": "C"
            },
            {
              "from": "26",
              "weeklyRate": "1650",
              "name": "D"
            },
            {
              "from": "34",
              "weeklyRate": "2250",
              "name": "E"
            }
          ]
        },
        "source": "Illustrative table (invented for trying the engine; no ICB's adopted figures)"
      }
    ],
    "oneOff.purposes": [
      {
        "from": "2024-04-01",
        "value": [
          {
            "purpose": "mentalHealthRecovery",
            "upTo": "400"
          },
          {
            "purpose": "equipment",
            "upTo": "1500"
          },
          {
            "purpose": "shortBreak",
            "upTo": "1000"
          },
          {
            "purpose": "assistiveTechnology",
            "upTo": "750"
          }
        ],
        "source": "Illustrative; mental health recovery up to £400 as in the PHB Quality Framework (2023)"
      }
    ],
    "oneOff.authorisationTiers": [
      {
        "from": "2024-04-01",
        "value": [
          {
            "upTo": "250",
            "authoriser": "practitioner"
          },
          {
            "upTo": "1000",
            "authoriser": "manager"
          },
          {
            "authoriser": "panel"
          }
        ],
        "source": "Illustrative tiers (PHB Quality Framework, 2023: tiered authorisation of one-off budgets)"
      }
    ],
    "review.tolerancePercent": [
      {
        "from": "2024-04-01",
        "value": "10",
        "source": "Illustrative: a plan within 10% of the indicative figure"
      }
    ],
    "approval.delegatedLimitAnnual": [
      {
        "from": "2024-04-01",
        "value": "50000",
        "source": "Illustrative delegated approval limit (PHB Quality Framework, 2023: delegated limits, e.g. Blackpool)"
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
