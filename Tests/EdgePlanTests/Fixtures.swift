import EdgePlan
import EdgePlanCore
import Foundation
import Testing

/// Paths and data shared by the tests: the checkout's root, its data files and examples.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let reference: AWSReference = {
        let limits = try! Data(contentsOf: root.appendingPathComponent("limits/aws.json"))
        let kubernetes = try! Data(contentsOf: root.appendingPathComponent("limits/kubernetes.json"))
        let regions = try! Data(contentsOf: root.appendingPathComponent("limits/regions.json"))
        return try! AWSReference(limitsJSON: limits, kubernetesJSON: kubernetes, regionsJSON: regions)
    }()

    static var pipeline: Pipeline { Pipeline(reference: reference) }

    /// The pinned price file of a region (`Tests/Fixtures/pricing/<region>.json`, a copy of
    /// `pricing/aws` as it was when the cost tests were written), named as the CLI names the bundled
    /// file (`pricing/aws/<region>.json`). Cost tests read these, so that new or changed prices in
    /// `pricing/aws` do not change what they assert; eu-west-1 deliberately lacks `alb.hour`,
    /// `nlb.hour`, `nlb.nlcu-hour` and `privatelink.endpoint-hour`.
    static func pricing(_ region: String) -> PlanPricing {
        pricing(region, folder: "Tests/Fixtures/pricing")
    }

    /// The live price file of a region (`pricing/aws/<region>.json`), for the goldens and reports of
    /// the examples, which show what `edgeplan plan` prints today.
    static func livePricing(_ region: String) -> PlanPricing {
        pricing(region, folder: "pricing/aws")
    }

    private static func pricing(_ region: String, folder: String) -> PlanPricing {
        let file = "pricing/aws/\(region).json"
        guard let data = try? Data(contentsOf: root.appendingPathComponent("\(folder)/\(region).json")) else {
            return .unavailable(.missingRegion(folder: "pricing/aws", region: region))
        }
        do { return .catalog(try PriceCatalog(json: data, file: file)) } catch { return .unavailable(error) }
    }

    /// The pinned price file without its CloudFront flat-rate plans (`cloudfront.flat-rate.*`), for
    /// tests of the pay-as-you-go arithmetic, and to show what a plan changes.
    static func payAsYouGoPricing(_ region: String) -> PlanPricing {
        guard var catalog = pricing(region).catalog else { return pricing(region) }
        catalog.prices = catalog.prices.filter { !$0.key.hasPrefix(FlatRatePlanTerms.itemPrefix) }
        return .catalog(catalog)
    }

    /// Plans YAML text that must be good, priced pay-as-you-go only (the pinned files without plans).
    static func payAsYouGoPlan(_ yaml: String, file: String = "test.yaml") throws -> Plan {
        try pricedPlan(yaml, file: file, pricing: payAsYouGoPricing)
    }

    static func catalog(_ region: String) throws -> PriceCatalog {
        try #require(pricing(region).catalog)
    }

    /// Plans YAML text that must be good, priced from the pinned price files.
    static func pricedPlan(_ yaml: String, file: String = "test.yaml") throws -> Plan {
        try pricedPlan(yaml, file: file, pricing: pricing)
    }

    /// Plans an example as `edgeplan plan` does, priced from the live `pricing/aws` files.
    static func examplePlan(_ example: String) throws -> Plan {
        try pricedPlan(try text("examples/\(example)"), file: "examples/\(example)", pricing: livePricing)
    }

    private static func pricedPlan(_ yaml: String, file: String, pricing: (String) -> PlanPricing) throws -> Plan {
        let outcome = pipeline.run(yaml, file: file, pricing: pricing)
        guard let plan = outcome.plan else {
            throw PlanFailed(diagnostics: outcome.diagnostics.map(\.formatted))
        }
        return plan
    }

    /// An emitted JSON template's resources by logical ID.
    static func resources(of file: OutputFile) throws -> [String: [String: Any]] {
        let template = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        return try #require(template["Resources"] as? [String: [String: Any]])
    }

    /// The resources of the emitted template at `path`.
    static func resources(_ files: [OutputFile], _ path: String) throws -> [String: [String: Any]] {
        try resources(of: try #require(files.first { $0.path == path }, "no \(path)"))
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func examples() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Plans YAML text that must be good.
    static func plan(_ yaml: String, file: String = "test.yaml") throws -> Plan {
        let outcome = pipeline.run(yaml, file: file)
        guard let plan = outcome.plan else {
            throw PlanFailed(diagnostics: outcome.diagnostics.map(\.formatted))
        }
        return plan
    }

    /// Diagnostics for YAML text that must be bad.
    static func errors(_ yaml: String, file: String = "test.yaml") -> [Diagnostic] {
        pipeline.run(yaml, file: file).diagnostics.filter { $0.severity == .error }
    }

    struct PlanFailed: Error, CustomStringConvertible {
        var diagnostics: [String]
        var description: String { diagnostics.joined(separator: "\n") }
    }

    /// A valid design to vary in tests.
    static func design(
        vpc: String = "10.128.0.0/16", azs: String = "3", nodes: Int = 30, pods: Int = 110, podCidr: String? = nil,
        frontends: String = "[{kind: alb-privatelink-nlb}]", extra: String = "", network: String = ""
    ) -> String {
        """
        edgeplan: 1
        name: test-env
        region: eu-west-1
        cluster: test-eks
        network:
          vpcCidr: \(vpc)
          azs: \(azs)
          nodes: {max: \(nodes), podsPerNode: \(pods)}
        \(podCidr.map { "  podCidr: \($0)" } ?? "")\(network.isEmpty ? "" : "\n  \(network)")
        frontends: \(frontends)
        \(extra)
        """
    }
}

/// Compares text with a golden file; `EDGEPLAN_RECORD=1` rewrites the golden instead.
/// A golden is a claim: read its diff before re-recording.
func expectGolden(_ actual: String, _ relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.root.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["EDGEPLAN_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(relativePath); run with EDGEPLAN_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("\(relativePath) differs from the output:\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
    }
}

/// The lines that differ, with a little context, `-` for the golden and `+` for the output.
func lineDiff(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    let diff = y.difference(from: x)
    for change in diff.prefix(60) {
        switch change {
        case .remove(let offset, let line, _): out.append("-\(offset + 1): \(line)")
        case .insert(let offset, let line, _): out.append("+\(offset + 1): \(line)")
        }
    }
    if diff.count > 60 { out.append("… \(diff.count - 60) more changed lines") }
    return out.joined(separator: "\n")
}
