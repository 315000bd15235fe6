// swift-tools-version: 6.0
// Coverage-guided fuzz targets for edgeplan's readers (libFuzzer), kept out of the main package:
// a libFuzzer target has no main of its own, so it only links with -sanitize=fuzzer. Built and
// run by scripts/fuzz; never part of `swift build` or scripts/test at the root.
import PackageDescription

let package = Package(
    name: "edgeplan-fuzz",
    dependencies: [.package(name: "edgeplan", path: "..")],
    targets: [
        // design.yaml text → parse, validate and plan (Pipeline.run).
        .executableTarget(name: "FuzzDesign", dependencies: [.product(name: "EdgePlan", package: "edgeplan")]),
        // cidr-ledger.yaml text → LedgerParser, the checker, and the serializer's round trip.
        .executableTarget(name: "FuzzLedger", dependencies: [.product(name: "EdgePlan", package: "edgeplan")]),
    ]
)
