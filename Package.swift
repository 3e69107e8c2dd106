// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PersonalHealthBudget",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PHBEngine", targets: ["PHBEngine"]),
        .library(name: "PHBCodec", targets: ["PHBCodec"]),
        .executable(name: "budget-calc", targets: ["budget-calc"]),
    ],
    targets: [
        // The calculation core: exact money, dated parameters, calculators. No I/O.
        .target(name: "PHBEngine"),
        // JSON reading and writing, the embedded example policy, text tables.
        .target(name: "PHBCodec", dependencies: ["PHBEngine"]),
        // The analysts' command-line tool: a thin layer over PHBCodec.
        .executableTarget(name: "budget-calc", dependencies: ["PHBCodec"]),
        // Speed, memory and fast-path proof harness: `swift run -c release budget-bench --help`.
        .executableTarget(
            name: "budget-bench",
            dependencies: ["PHBEngine", "PHBCodec", "_PHBTestSupport"],
            path: "Benchmarks/BudgetBench"
        ),
        // Seeded generators and the fast-path comparison, shared by tests and benchmarks.
        .target(name: "_PHBTestSupport", dependencies: ["PHBEngine"]),
        .testTarget(name: "PHBEngineTests", dependencies: ["PHBEngine", "_PHBTestSupport"]),
        .testTarget(name: "PHBCodecTests", dependencies: ["PHBCodec", "_PHBTestSupport"]),
        // Golden/ holds the expected outputs the tests read (Tests/refresh-golden.sh rewrites them).
        .testTarget(name: "BudgetCalcTests", dependencies: ["budget-calc"], exclude: ["Golden"]),
    ]
)
