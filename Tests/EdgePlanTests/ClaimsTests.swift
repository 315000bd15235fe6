import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// Issue 12: every need the plan marks met is built by what `emit` writes. For each example in
/// both deploy styles, each option and each need it claims, the test finds the resource or object
/// that meets it in the option's own templates and manifests, and fails when it is missing.
@Suite struct ClaimsTests {
    /// One option's emitted files: its CloudFormation resources (JSON templates) and manifests.
    struct Emitted {
        var resources: [(id: String, type: String, properties: [String: Any])] = []
        var manifests: [String] = []

        init(_ files: [OutputFile], option: String) throws {
            for file in files where file.path.hasPrefix("cloudformation/\(option)/") && file.path.hasSuffix(".json") && !file.path.hasSuffix(".stack-policy.json") {
                let template = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
                for (id, value) in template["Resources"] as? [String: [String: Any]] ?? [:] {
                    resources.append((id, value["Type"] as? String ?? "", value["Properties"] as? [String: Any] ?? [:]))
                }
            }
            manifests = files.filter { $0.path.hasPrefix("kubernetes/\(option)/") }.map(\.contents)
        }

        func of(_ type: String) -> [[String: Any]] { resources.filter { $0.type == type }.map(\.properties) }

        /// Load balancers the internet reaches, from the templates and from what the manifests ask
        /// a controller (or the in-tree provider) to make.
        var internetFacingLoadBalancers: Int {
            let fromTemplates = of("AWS::ElasticLoadBalancingV2::LoadBalancer").filter { $0["Scheme"] as? String == "internet-facing" }.count
            let fromManifests = manifests.filter { m in
                m.contains("aws-load-balancer-scheme: internet-facing") || m.contains("alb.ingress.kubernetes.io/scheme: internet-facing")
                    || (m.contains("kind: LoadBalancerConfiguration") || m.contains("kind: IngressClassParams")) && m.contains("scheme: internet-facing")
                    || m.contains("aws-load-balancer-type: nlb") && !m.contains("aws-load-balancer-internal: \"true\"")
            }.count
            return fromTemplates + fromManifests
        }
    }

    static let cases: [(String, Frontend.DeployStyle)] = {
        let examples = (try? Fixtures.examples()) ?? []
        return examples.flatMap { e in [(e, Frontend.DeployStyle.staggered), (e, .bound)] }
    }()

    @Test(arguments: cases)
    func everyNeedMetIsBuilt(_ example: String, _ style: Frontend.DeployStyle) throws {
        // Ask for every need, so that each option makes (and the test checks) every claim it can.
        let pipeline = Fixtures.pipeline
        var design = try pipeline.parser.parse(try Fixtures.text("examples/\(example)"), file: example).design
        design.requirements = Requirements(waf: true, apiKeys: true, caching: true, privateOrigin: true, staticIps: true)
        for i in design.frontends.indices where design.frontends[i].kind.descriptor.fields.contains(.deployStyle) {
            design.frontends[i].deployStyle = style
        }
        var plan = try pipeline.planner.plan(design)
        // Claims are checked on every option, the ones emit would refuse too.
        for i in plan.options.indices { plan.options[i].refusals = [] }
        let files = try DeploymentEmitter().render(plan)
        for option in plan.options {
            let emitted = try Emitted(files, option: option.id)
            for claim in option.meets where claim.met {
                let why = "\(example) \(style) \(option.id) claims \(claim.need): \(claim.why)"
                switch claim.need {
                case .waf:
                    let associated = !emitted.of("AWS::WAFv2::WebACLAssociation").isEmpty
                        || emitted.of("AWS::CloudFront::Distribution").contains { ($0["DistributionConfig"] as? [String: Any])?["WebACLId"] != nil }
                        || emitted.manifests.contains { $0.contains("alb.ingress.kubernetes.io/wafv2-acl-arn:") || $0.contains("wafV2:") }
                    #expect(associated, "\(why): no web ACL is associated")
                case .apiKeys:
                    let methods = emitted.of("AWS::ApiGateway::Method")
                    #expect(!methods.isEmpty && methods.allSatisfy { $0["ApiKeyRequired"] as? Bool == true }, "\(why): a method takes requests without a key")
                    #expect(emitted.of("AWS::ApiGateway::UsagePlan").count == 1 && emitted.of("AWS::ApiGateway::ApiKey").count == 1
                            && emitted.of("AWS::ApiGateway::UsagePlanKey").count == 1, "\(why): no usage plan with a key")
                case .caching:
                    let cached = emitted.of("AWS::CloudFront::Distribution").contains {
                        (($0["DistributionConfig"] as? [String: Any])?["DefaultCacheBehavior"] as? [String: Any])?["CachePolicyId"] != nil
                    }
                    #expect(cached, "\(why): no CloudFront distribution with a cache policy")
                case .privateOrigin:
                    // Only a load balancer that is itself the front door may face the internet.
                    let front = option.topology.mainPath.dropFirst().first?.kind
                    let allowed = front == .alb || front == .nlb ? 1 : 0
                    #expect(emitted.internetFacingLoadBalancers == allowed, "\(why): \(emitted.internetFacingLoadBalancers) internet-facing load balancers")
                case .staticIps:
                    let eips = emitted.of("AWS::EC2::EIP").count
                    let mapped = emitted.of("AWS::ElasticLoadBalancingV2::LoadBalancer").contains { ($0["SubnetMappings"] as? [[String: Any]])?.allSatisfy { $0["AllocationId"] != nil } == true }
                    let accelerator = !emitted.of("AWS::GlobalAccelerator::Accelerator").isEmpty
                    #expect(eips > 0 && mapped || accelerator, "\(why): no Elastic IPs on the NLB and no accelerator")
                }
            }
        }
    }

    /// The check itself: an option that claims API keys without them is caught.
    @Test func aClaimWithoutItsResourceFails() throws {
        let emitted = try Emitted([OutputFile(path: "cloudformation/x/frontend.json", contents: #"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"AuthorizationType": "NONE"}}}}"#)], option: "x")
        #expect(!emitted.of("AWS::ApiGateway::Method").allSatisfy { $0["ApiKeyRequired"] as? Bool == true })
        let open = try Emitted([OutputFile(path: "kubernetes/x/service.yaml", contents: "metadata:\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n")], option: "x")
        #expect(open.internetFacingLoadBalancers == 1)
    }

    /// Behind an HTTP API's VPC link the ALB's web ACL sees only the link's addresses: API Gateway
    /// writes the client's into a header, the web ACL's rate rule reads that header, and the IP
    /// reputation group (which reads only the source address) is not there to pretend otherwise.
    @Test func theWebACLBehindAVPCLinkReadsTheClientFromTheHeaderAPIGatewayWrites() throws {
        let plan = try Fixtures.plan(Fixtures.design(frontends: "[{kind: apigw-vpclink-alb, api: http}]", extra: "requirements: {waf: true}"))
        #expect(plan.options[0].meets.first { $0.need == .waf }?.met == true)
        let emitted = try Emitted(try DeploymentEmitter().render(plan), option: plan.options[0].id)
        let integration = try #require(emitted.of("AWS::ApiGatewayV2::Integration").first)
        let mapping = try #require(integration["RequestParameters"] as? [String: String])
        let header = try #require(mapping.first { $0.value == "$context.identity.sourceIp" }?.key.split(separator: ".").last.map(String.init))
        #expect(mapping.keys.first?.hasPrefix("overwrite:header.") == true, "a client cannot send its own value")
        let acl = try #require(emitted.of("AWS::WAFv2::WebACL").first)
        let rules = try #require(acl["Rules"] as? [[String: Any]])
        let rates = rules.compactMap { ($0["Statement"] as? [String: Any])?["RateBasedStatement"] as? [String: Any] }
        let rate = try #require(rates.first)
        #expect(rate["AggregateKeyType"] as? String == "FORWARDED_IP")
        #expect((rate["ForwardedIPConfig"] as? [String: Any])?["HeaderName"] as? String == header)
        #expect(!rules.contains { $0["Name"] as? String == "AWSManagedRulesAmazonIpReputationList" })
    }
}
