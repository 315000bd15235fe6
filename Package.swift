// swift-tools-version: 6.0
// edgeplan: plans the HTTP front door of an EKS cluster on AWS.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "edgeplan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EdgePlan", targets: ["EdgePlan"]),
        .executable(name: "edgeplan", targets: ["edgeplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The planned model and the address arithmetic: values only, no I/O, no dependencies.
        .target(name: "EdgePlanCore", swiftSettings: strictSettings),
        // design.yaml → Design → Plan. Reads text given to it; never touches disk.
        .target(
            name: "EdgePlan",
            dependencies: ["EdgePlanCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // libxml2 (SVG diagrams built as a tree, always well-formed and escaped) and libcmark
        // (Markdown → HTML), from Debian's -dev packages.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Plan → [OutputFile]. Depends on the planned model only, never on the parser.
        .target(name: "EdgePlanRender", dependencies: ["EdgePlanCore", "CLibXML2", "CCmark"], swiftSettings: strictSettings),
        // The POSIX calls Swift's Glibc module leaves out (renameat2, syncfs), for the CLI's writers,
        // and HTTP GET over the system's libcurl, loaded by the one command that downloads.
        .target(name: "CPosix"),
        // The only code that touches disk.
        .executableTarget(
            name: "edgeplan",
            dependencies: [
                "EdgePlan", "EdgePlanRender", "CPosix",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "edgeplan-bench",
            dependencies: ["EdgePlan", "EdgePlanRender"],
            path: "Benchmarks/edgeplan-bench",
            swiftSettings: strictSettings
        ),
        // The ledger benchmark: allocation, overlap checking and a fleet plan, beside a netaddr baseline.
        .executableTarget(
            name: "ledger-bench",
            dependencies: ["EdgePlan"],
            path: "Benchmarks/ledger-bench",
            swiftSettings: strictSettings
        ),
        // Seeded generators of hostile inputs, shared by the in-process and the CLI tests.
        .target(name: "HostileInputs", path: "Tests/HostileInputs", swiftSettings: strictSettings),
        .testTarget(
            name: "EdgePlanCoreTests",
            dependencies: ["EdgePlanCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdgePlanTests",
            dependencies: ["EdgePlan", "EdgePlanRender", "CCmark", "HostileInputs", .product(name: "Yams", package: "Yams"), .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden", "Designs"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["HostileInputs"],
            swiftSettings: strictSettings
        ),
    ]
)
