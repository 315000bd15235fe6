import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// Issue 12: the cluster's Kubernetes version comes from a sourced EKS calendar: the newest in
/// standard support by default; one in extended support is a warning and its control plane is
/// billed at the extended rate; one EKS no longer (or not yet) offers is a located error. The
/// calendar here is pinned, so updating `limits/aws.json` never breaks these tests.
@Suite struct KubernetesVersionTests {
    static let source = Source(title: "test calendar", kind: "fixture")
    static let calendar = EKSVersionCalendar(asOf: "2026-12-01", versions: [
        EKSVersion(version: "1.37", released: "2027-01-10", standardSupportEnds: "2028-03-10", extendedSupportEnds: "2029-03-10", source: source),
        EKSVersion(version: "1.36", released: "2026-06-02", standardSupportEnds: "2027-08-02", extendedSupportEnds: "2028-08-02", source: source),
        EKSVersion(version: "1.33", released: "2025-05-28", standardSupportEnds: "2026-07-29", extendedSupportEnds: "2027-07-29", source: source),
        EKSVersion(version: "1.31", released: "2024-09-26", standardSupportEnds: "2025-11-26", extendedSupportEnds: "2026-11-26", source: source),
    ])

    static var pipeline: Pipeline {
        var reference = Fixtures.reference
        reference.eksVersions = calendar
        return Pipeline(reference: reference)
    }

    static func design(_ version: String?) -> String {
        Fixtures.design(frontends: "[{kind: alb-controller}]", extra: version.map { "kubernetesVersion: \($0)" } ?? "")
            .replacingOccurrences(of: "region: eu-west-1", with: "region: us-east-1")
    }

    @Test func supportIsJudgedOnTheCalendarsDay() {
        let v = Self.calendar.versions[2]
        #expect(v.support(on: "2025-05-27") == .unreleased && v.support(on: "2025-05-28") == .standard)
        #expect(v.support(on: "2026-07-28") == .standard && v.support(on: "2026-07-29") == .extended)
        #expect(v.support(on: "2027-07-28") == .extended && v.support(on: "2027-07-29") == .ended)
        #expect(Self.calendar.available.map(\.version) == ["1.36", "1.33"])
        #expect(Self.calendar.newestInStandardSupport?.version == "1.36", "1.37 is not released on the calendar's day")
    }

    @Test func theDefaultIsTheNewestInStandardSupport() throws {
        let outcome = Self.pipeline.run(Self.design(nil), file: "k.yaml", pricing: Fixtures.pricing)
        let plan = try #require(outcome.plan)
        #expect(plan.kubernetes == KubernetesVersionPlan(version: "1.36", support: .standard, standardSupportEnds: "2027-08-02",
                                                         extendedSupportEnds: "2028-08-02", asOf: "2026-12-01", chosen: false))
        let cluster = try #require(try DeploymentEmitter().render(plan).first { $0.path == "cloudformation/cluster.json" })
        #expect(cluster.contents.contains("\"Default\": \"1.36\""))
        #expect(plan.options[0].monthlyCost?.shared.map(\.item) == ["eks.cluster-hour"])
    }

    @Test func anExtendedVersionIsAWarningAndBilledAtTheExtendedRate() throws {
        let outcome = Self.pipeline.run(Self.design("1.33"), file: "k.yaml", pricing: Fixtures.pricing)
        let plan = try #require(outcome.plan)
        let warning = try #require(outcome.diagnostics.first { $0.path == "kubernetesVersion" })
        #expect(warning.formatted.hasPrefix("k.yaml:11:20: warning: kubernetesVersion: Kubernetes 1.33 left EKS standard support on 2026-07-29: in extended support until 2027-07-29"), "\(warning.formatted)")
        #expect(plan.kubernetes.support == .extended && plan.kubernetes.chosen)
        let line = try #require(plan.options[0].monthlyCost?.shared.first)
        let price = try #require(try Fixtures.catalog("us-east-1").price("eks.cluster-hour.extended-support"))
        #expect(line.item == "eks.cluster-hour.extended-support" && line.amount == price.usd * 730)
    }

    @Test(arguments: [("1.31", "left EKS extended support on 2026-11-26"), ("1.37", "reaches EKS on 2027-01-10"),
                      ("1.40", "EKS has no Kubernetes 1.40 in edgeplan's calendar (read 2026-12-01); new clusters can use 1.36, 1.33")])
    func aVersionEKSDoesNotOfferIsAnError(_ version: String, _ why: String) {
        let errors = Self.pipeline.run(Self.design(version), file: "k.yaml").diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].path == "kubernetesVersion" && errors[0].message.contains(why), "\(errors.map(\.formatted))")
    }

    @Test func theVersionIsReadAsWritten() {
        // As a YAML number 1.30 would be 1.3; edgeplan keeps the text.
        let errors = Self.pipeline.run(Self.design("1.30"), file: "k.yaml").diagnostics.filter { $0.severity == .error }
        #expect(errors.first?.message.hasPrefix("EKS has no Kubernetes 1.30 ") == true, "\(errors.map(\.formatted))")
        let bad = Self.pipeline.run(Self.design("latest"), file: "k.yaml").diagnostics.filter { $0.severity == .error }
        #expect(bad.map(\.formatted) == ["k.yaml:11:20: error: kubernetesVersion: write a Kubernetes minor version such as 1.36"])
    }
}
