import EdgePlan
import EdgePlanRender
import Testing

/// Issue 10, item 7: `cloudfront-public-nlb` with `originProtection: none` puts an NLB open to the
/// internet behind CloudFront and its WAF. edgeplan plans and compares it, but emits it only when
/// the design accepts the risk (`acceptRisk: origin-bypass`).
@Suite struct AcceptedRiskTests {
    static func design(_ option: String) -> String {
        Fixtures.design(frontends: "\n  - kind: alb-privatelink-nlb\n  - \(option)", extra: "requirements: {waf: true}")
    }

    @Test func anOpenOriginIsPlannedButNotEmitted() throws {
        let plan = try Fixtures.plan(Self.design("{kind: cloudfront-public-nlb, originProtection: none}"), file: "risky.yaml")
        let option = try #require(plan.options.first { $0.id == "cloudfront-public-nlb" })
        let refusal = try #require(option.refusals.first)
        #expect(option.refusals.count == 1)
        // Located at the field that takes the risk, line 12 of the design.
        #expect(refusal.formatted.hasPrefix("risky.yaml:12:53: error: frontends[1].originProtection: edgeplan will not emit option 'cloudfront-public-nlb': the public origin can be reached directly"), "\(refusal.formatted)")
        #expect(refusal.message.contains("Set originProtection: prefix-list-sg") && refusal.message.hasSuffix("add acceptRisk: origin-bypass to the option."))
        let caveat = try #require(option.caveats.first { $0.id == "origin-bypass" })
        #expect(caveat.severity == .critical && caveat.mitigation.contains("edgeplan emits no files for this option"))
        #expect(plan.options[0].refusals.isEmpty)
        // Written out or left to its default, `none` is the same open NLB whose X-Forwarded-For no one can trust.
        #expect(option.caveats.first { $0.id == "client-ip" }?.detail.contains("trust none of it") == true)

        #expect(throws: DiagnosticError([refusal])) { try DeploymentEmitter().render(plan) }
        // The other option alone is emitted.
        let files = try DeploymentEmitter(optionIDs: ["alb-privatelink-nlb"]).render(plan)
        #expect(files.contains { $0.path == "cloudformation/alb-privatelink-nlb/frontend.json" })
    }

    @Test func theDefaultProtectionIsRefusedAtTheOption() throws {
        let plan = try Fixtures.plan(Self.design("kind: cloudfront-public-nlb"), file: "risky.yaml")
        let refusal = try #require(plan.options[1].refusals.first)
        // originProtection is not written: the refusal points at the option.
        #expect(refusal.formatted.hasPrefix("risky.yaml:12:5: error: frontends[1].originProtection:"), "\(refusal.formatted)")
    }

    @Test func anAcceptedRiskIsEmittedAndSaidSo() throws {
        let plan = try Fixtures.plan(Self.design("{kind: cloudfront-public-nlb, originProtection: none, acceptRisk: origin-bypass, deployStyle: bound}"))
        let option = plan.options[1]
        #expect(option.refusals.isEmpty)
        let caveat = try #require(option.caveats.first { $0.id == "origin-bypass" })
        #expect(caveat.severity == .critical && caveat.detail.hasSuffix("The design accepts this risk (acceptRisk: origin-bypass), so edgeplan emits the option as it is."))
        let files = try DeploymentEmitter().render(plan)
        let stack = try #require(files.first { $0.path == "cloudformation/cloudfront-public-nlb/frontend.json" })
        #expect(stack.contents.contains("\"CidrIp\": \"0.0.0.0/0\""), "the accepted option is the open NLB it says it is: \(stack.contents)")
    }

    @Test(arguments: ["prefix-list-sg", "secret-header"])
    func aClosedOriginTakesNoRisk(_ protection: String) throws {
        let plan = try Fixtures.plan(Self.design("{kind: cloudfront-public-nlb, originProtection: \(protection)}"))
        #expect(plan.options[1].refusals.isEmpty)
        #expect(try DeploymentEmitter().render(plan).contains { $0.path == "cloudformation/cloudfront-public-nlb/frontend.json" })
    }

    @Test func acceptingARiskTheOptionDoesNotTakeIsAWarning() throws {
        let outcome = Fixtures.pipeline.run(Self.design("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg, acceptRisk: [origin-bypass]}"), file: "t.yaml")
        #expect(outcome.plan != nil)
        let warnings = outcome.diagnostics.filter { $0.severity == .warning && $0.path == "frontends[1].acceptRisk" }
        #expect(warnings.map(\.message) == ["this option takes no 'origin-bypass' risk with its originProtection; remove it, so that a later change that takes the risk is refused"])
    }

    @Test func onlyAKindThatCanTakeARiskAcceptsOne() throws {
        let errors = Fixtures.errors(Self.design("{kind: cloudfront-vpc-origin, acceptRisk: origin-bypass}"))
        #expect(errors.map(\.path) == ["frontends[1].acceptRisk"])
        let unknown = Fixtures.errors(Self.design("{kind: cloudfront-public-nlb, acceptRisk: everything}"))
        #expect(unknown.map(\.path) == ["frontends[1].acceptRisk"])
    }

    /// Every risk a kind can take is explained by a caveat of the same id, and the kind lets a
    /// design accept it.
    @Test(arguments: FrontendKind.allCases)
    func everyRiskHasItsCaveatAndCanBeAccepted(_ kind: FrontendKind) throws {
        for protection in [nil] + Frontend.OriginProtection.allCases.map(\.rawValue) {
            let fields = kind.descriptor.fields.contains(.originProtection) ? protection.map { ", originProtection: \($0)" } ?? "" : ""
            guard let plan = try? Fixtures.plan(Self.design("{kind: \(kind.rawValue)\(fields)}")) else { continue }
            let option = plan.options[1]
            for refusal in option.refusals {
                let risk = try #require(AcceptedRisk.allCases.first { refusal.message.contains("acceptRisk: \($0.rawValue)") })
                #expect(option.caveats.contains { $0.id == risk.rawValue && $0.severity == .critical }, "\(kind) \(risk)")
                #expect(kind.descriptor.fields.contains(.acceptRisk), "\(kind) takes \(risk) but cannot accept it")
            }
        }
    }
}
