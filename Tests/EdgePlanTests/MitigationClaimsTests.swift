import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// Issue 12: every caveat mitigation that says "edgeplan emits" is true of what `emit` writes. For
/// each example and test design in both deploy styles, each option's caveats whose mitigation makes
/// that claim are checked against the option's emitted files; a new claim without a check here fails.
@Suite struct MitigationClaimsTests {
    static let designs: [String] = ((try? Fixtures.examples()) ?? []).map { "examples/\($0)" }
        + ["Tests/EdgePlanTests/Designs/every-option.yaml"]

    static let cases: [(String, Frontend.DeployStyle)] = designs.flatMap { [($0, .staggered), ($0, .bound)] }

    /// Every resource of the option's templates (JSON), with its attributes.
    static func resources(_ files: [OutputFile], folder: String) throws -> [(id: String, body: [String: Any])] {
        try files.filter { $0.path.hasPrefix(folder) && $0.path.hasSuffix(".json") && !$0.path.hasSuffix(".stack-policy.json") }.flatMap { file in
            try Fixtures.resources(of: file).map { (id: $0.key, body: $0.value) }
        }
    }

    static func plan(_ path: String, style: Frontend.DeployStyle, edit: (inout Design) -> Void = { _ in }) throws -> Plan {
        var design = try Fixtures.pipeline.parser.parse(try Fixtures.text(path), file: path).design
        for i in design.frontends.indices where design.frontends[i].kind.descriptor.fields.contains(.deployStyle) {
            design.frontends[i].deployStyle = style
        }
        edit(&design)
        var plan = try Fixtures.pipeline.planner.plan(design)
        for i in plan.options.indices { plan.options[i].refusals = [] }
        return plan
    }

    @Test(arguments: cases)
    func everyMitigationEdgeplanEmitsIsEmitted(_ path: String, _ style: Frontend.DeployStyle) throws {
        let plan = try Self.plan(path, style: style)
        let files = try DeploymentEmitter().render(plan)
        for option in plan.options {
            let resources = try Self.resources(files, folder: "cloudformation/\(option.id)/")
            let manifests = files.filter { $0.path.hasPrefix("kubernetes/\(option.id)/") }.map(\.contents)
            for caveat in option.caveats where caveat.mitigation.contains("edgeplan emits") || caveat.mitigation.contains("edgeplan installs and emits") {
                let why = "\(path) \(style) \(option.id) \(caveat.id): \(caveat.mitigation)"
                switch caveat.id {
                case "client-ip":
                    // "edgeplan emits a ClientTrafficPolicy (clientIPDetection.xForwardedFor.numTrustedHops: 1)"
                    let policy = manifests.first { $0.contains("kind: ClientTrafficPolicy") }
                    #expect(policy?.contains("numTrustedHops: 1") == true, "\(why): no such ClientTrafficPolicy")
                case "endpoint-eni-targets":
                    // "a custom resource ... register them as the ALB's targets (edgeplan emits it)"
                    let lookup = resources.first { $0.body["Type"] as? String == "Custom::EndpointIps" }
                    let group = resources.first { r in
                        r.body["Type"] as? String == "AWS::ElasticLoadBalancingV2::TargetGroup"
                            && "\((r.body["Properties"] as? [String: Any])?["Targets"] ?? "")".contains(lookup?.id ?? "—")
                    }
                    #expect(lookup != nil && group != nil, "\(why): no custom resource whose addresses are the ALB's targets")
                case "global-accelerator-addresses":
                    // "edgeplan emits the accelerator with DeletionPolicy and UpdateReplacePolicy Retain"
                    let accelerator = resources.first { $0.body["Type"] as? String == "AWS::GlobalAccelerator::Accelerator" }?.body
                    #expect(accelerator?["DeletionPolicy"] as? String == "Retain" && accelerator?["UpdateReplacePolicy"] as? String == "Retain", "\(why)")
                case "ingress-nginx-retired":
                    // "router: envoy-gateway (... that edgeplan installs and emits a Gateway and HTTPRoutes for)"
                    let switched = try Self.plan(path, style: style) { design in
                        for i in design.frontends.indices where design.frontends[i].id == option.id { design.frontends[i].router = .envoyGateway }
                    }
                    let envoy = try DeploymentEmitter(optionIDs: [option.id]).render(switched)
                    let objects = envoy.filter { $0.path.hasPrefix("kubernetes/\(option.id)/") }.map(\.contents)
                    #expect(objects.contains { $0.contains("kind: Gateway\n") } && objects.contains { $0.contains("kind: HTTPRoute") }, "\(why): no Gateway or HTTPRoute with envoy-gateway")
                    let guide = try #require(envoy.first { $0.path == "README.md" })
                    #expect(guide.contents.contains("helm upgrade --install eg ") && guide.contents.contains("gateway-helm"), "\(why): the guide does not install Envoy Gateway")
                case "single-nat-gateway":
                    // "natGateways: none, where edgeplan emits the VPC endpoints the cluster needs"
                    let noNAT = try Self.plan(path, style: style) { $0.network.natGateways = .none }
                    let network = try Self.resources(try DeploymentEmitter().render(noNAT), folder: "cloudformation/network.json")
                    let endpoints = network.filter { $0.body["Type"] as? String == "AWS::EC2::VPCEndpoint" }.count
                    #expect(endpoints == Fixtures.reference.privateClusterEndpoints.count, "\(why): \(endpoints) endpoints")
                default:
                    Issue.record("\(why): this claim has no check here; add one that finds what it says edgeplan emits")
                }
            }
        }
    }

    /// Each check above runs on at least one design, so none of them is dead.
    @Test func everyCheckHasADesignThatMakesTheClaim() throws {
        var claimed: Set<String> = []
        for path in Self.designs {
            for option in try Self.plan(path, style: .staggered).options {
                for c in option.caveats where c.mitigation.contains("edgeplan emits") || c.mitigation.contains("edgeplan installs and emits") {
                    claimed.insert(c.id)
                }
            }
        }
        #expect(claimed == ["client-ip", "endpoint-eni-targets", "global-accelerator-addresses", "ingress-nginx-retired", "single-nat-gateway"])
    }
}
