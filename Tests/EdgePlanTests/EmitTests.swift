import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// The emitted templates and manifests. With default settings they are part of every example's
/// committed output under `reports/<example>/` (checked byte for byte by CommittedReportsTests);
/// the YAML and bound variants have their own goldens here. Re-record with
/// `EDGEPLAN_RECORD=1 swift test`, then read the diff: a golden is a claim.
@Suite struct EmitTests {
    static func plan(_ example: String, deployStyle: Frontend.DeployStyle? = nil) throws -> Plan {
        var pipeline = Fixtures.pipeline
        pipeline.deployStyleOverride = deployStyle
        let outcome = pipeline.run(try Fixtures.text("examples/\(example)"), file: "examples/\(example)")
        guard let plan = outcome.plan else { throw Fixtures.PlanFailed(diagnostics: outcome.diagnostics.map(\.formatted)) }
        return plan
    }

    @Test func yamlAndBoundVariantsOfTheSeedEnvironment() throws {
        let plan = try Self.plan("seed-environment.yaml", deployStyle: .bound)
        for file in try DeploymentEmitter(templateFormat: .yaml).render(plan) where file.path.hasPrefix("cloudformation/") {
            try expectGolden(file.contents, "Tests/EdgePlanTests/Golden/emit/seed-environment-bound-yaml/\(file.path)")
        }
    }

    /// Issue 12: a reserved concurrency fails to deploy in new accounts whose quota leaves less than
    /// the minimum unreserved, so no emitted function reserves any.
    @Test(arguments: (try? Fixtures.examples()) ?? [])
    func noFunctionReservesConcurrency(_ example: String) throws {
        let files = try DeploymentEmitter().render(try Self.plan(example))
        var functions = 0
        for file in files where file.path.hasPrefix("cloudformation/") && file.path.hasSuffix(".json") && !file.path.hasSuffix(".stack-policy.json") {
            for (id, resource) in try Fixtures.resources(of: file) where resource["Type"] as? String == "AWS::Lambda::Function" {
                functions += 1
                #expect((resource["Properties"] as? [String: Any])?["ReservedConcurrentExecutions"] == nil, "\(example) \(file.path) \(id)")
            }
        }
        #expect(functions > 0 || !files.contains { $0.contents.contains("AWS::Lambda::Function") })
    }

    @Test func sameInputSameBytes() throws {
        let plan = try Self.plan("media-cloudfront.yaml")
        #expect(try DeploymentEmitter().render(plan) == DeploymentEmitter().render(plan))
    }

    @Test func networkSubnetsAreThePlannedOnes() throws {
        let plan = try Self.plan("media-cloudfront.yaml")
        let network = try DeploymentEmitter().render(plan).first { $0.path == "cloudformation/network.json" }!
        let json = try JSONSerialization.jsonObject(with: Data(network.contents.utf8)) as! [String: Any]
        let resources = json["Resources"] as! [String: [String: Any]]
        let subnets = resources.values.filter { $0["Type"] as? String == "AWS::EC2::Subnet" }.map { $0["Properties"] as! [String: Any] }
        #expect(subnets.count == plan.subnets.count)
        for planned in plan.subnets {
            let match = subnets.first { ($0["CidrBlock"] as? String) == planned.cidr.description }
            #expect(match?["AvailabilityZone"] as? String == planned.az)
            let tags = (match?["Tags"] as? [[String: String]] ?? []).map { ResourceTag($0["Key"]!, $0["Value"]!) }
            #expect(tags == planned.tags)
        }
        // Pod subnets wait for the secondary CIDR block.
        #expect(resources.values.contains { $0["Type"] as? String == "AWS::EC2::VPCCidrBlock" })
        #expect(resources.filter { $0.key.hasPrefix("PodsSubnet") && $0.value["Type"] as? String == "AWS::EC2::Subnet" }.allSatisfy { ($0.value["DependsOn"] as? [String]) == ["PodCidrBlock"] })
    }

    @Test func boundStyleNeedsNoDiscovery() throws {
        let plan = try Self.plan("seed-environment.yaml")
        let staggered = try DeploymentEmitter().render(plan).map(\.path)
        let bound = try DeploymentEmitter().render(try Self.plan("seed-environment.yaml", deployStyle: .bound)).map(\.path)
        #expect(staggered.contains("cloudformation/discovery.json"))
        #expect(staggered.contains("cloudformation/discovery/handler.py"))
        #expect(!bound.contains("cloudformation/discovery.json"))
        #expect(bound.contains("kubernetes/alb-privatelink-nlb/targetgroupbinding-ingress-nginx.yaml"))
        #expect(bound.contains("cloudformation/lb-controller.json"))
        #expect(!staggered.contains("cloudformation/lb-controller.json"), "the in-tree NLB options need no controller")
    }

    @Test func staggeredFrontendsWaitForTheNLB() throws {
        let plan = try Self.plan("seed-environment.yaml")
        let files = try DeploymentEmitter(optionIDs: ["alb-privatelink-nlb"]).render(plan)
        let frontend = files.first { $0.path == "cloudformation/alb-privatelink-nlb/frontend.json" }!.contents
        #expect(frontend.contains(#""Type": "AWS::SSM::Parameter::Value<String>""#))
        #expect(frontend.contains(#""Default": "/edgeplan/seed-env/ingress-nlb-arn""#))
        #expect(frontend.contains(#""NlbPresent": {"#))
        for resource in ["EndpointService", "Endpoint", "EndpointIps", "Alb", "WebAcl", "WebAclAssociation"] {
            #expect(frontend.contains("\"\(resource)\": {\n      \"Type\": \"") && frontend.contains(#""Condition": "NlbPresent""#), "\(resource)")
        }
        #expect(!files.contains { $0.path.contains("apigw") }, "--option emits only that option")
    }

    @Test func inlineCodeFitsCloudFormationsLimit() {
        // AWS::Lambda::Function Code.ZipFile takes at most 4,096 characters.
        #expect(DiscoveryFunctionSource.length <= 4096)
        #expect(EndpointIPsFunctionSource.length <= 4096)
    }

    @Test func unknownOptionIsAnError() throws {
        let plan = try Self.plan("seed-environment.yaml")
        #expect(throws: DiagnosticError.self) { try DeploymentEmitter(optionIDs: ["nope"]).render(plan) }
        do {
            _ = try DeploymentEmitter(optionIDs: ["nope"]).render(plan)
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.formatted.hasPrefix("error: --option: 'nope' is not an option of this design") == true)
        }
    }
}

/// Lengths of the inline sources, read through the public emitter (the sources themselves are internal).
enum DiscoveryFunctionSource {
    static var length: Int {
        let plan = try! EmitTests.plan("seed-environment.yaml")
        return try! DeploymentEmitter().render(plan).first { $0.path == "cloudformation/discovery/handler.py" }!.contents.count
    }
}

enum EndpointIPsFunctionSource {
    static var length: Int {
        let plan = try! EmitTests.plan("seed-environment.yaml")
        return try! DeploymentEmitter().render(plan).first { $0.path.hasSuffix("endpoint_ips.py") }!.contents.count
    }
}
