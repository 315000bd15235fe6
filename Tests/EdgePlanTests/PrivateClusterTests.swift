import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// Issue 12, private clusters: with `natGateways: none` the network stack makes the VPC endpoints
/// of `privateCluster` in `limits/aws.json` (EKS "Deploy private clusters with limited internet
/// access"), the endpoint subnets hold their ENIs, the costs carry them, and the deploy guide
/// installs only from a mirror in ECR.
@Suite struct PrivateClusterTests {
    static let designFile = "examples/private-cluster.yaml"

    static func plan(_ yaml: String? = nil) throws -> Plan {
        try Fixtures.pricedPlan(yaml ?? Fixtures.text(designFile), file: designFile)
    }

    /// The network template's resources, by logical ID.
    static func network(_ plan: Plan) throws -> [String: [String: Any]] {
        try Fixtures.resources(try DeploymentEmitter().render(plan), "cloudformation/network.json")
    }

    static func ref(_ value: Any?) -> String? { (value as? [String: Any])?["Ref"] as? String }

    @Test func theDataFileListsTheEndpointsEKSNamesWithTheirSources() {
        let services = Fixtures.reference.privateClusterEndpoints.map(\.service)
        for needed in ["ecr.api", "ecr.dkr", "s3", "sts", "ec2", "elasticloadbalancing", "logs", "eks-auth"] {
            #expect(services.contains(needed), "limits/aws.json privateCluster has no \(needed)")
        }
        #expect(Fixtures.reference.privateClusterEndpoints.first { $0.service == "s3" }?.type == .gateway)
        for e in Fixtures.reference.privateClusterEndpoints {
            #expect(e.source.url?.hasPrefix("https://docs.aws.amazon.com/") == true && e.source.read != nil && e.source.kind != nil, "\(e.service)")
        }
    }

    @Test func everyEndpointIsInTheEndpointSubnetsWithPrivateDNS() throws {
        let plan = try Self.plan()
        #expect(plan.vpc.endpoints == Fixtures.reference.privateClusterEndpoints)
        let resources = try Self.network(plan)
        let endpointSubnets = resources.filter { $0.value["Type"] as? String == "AWS::EC2::Subnet" && $0.key.hasPrefix("EndpointsSubnet") }.keys.sorted()
        #expect(endpointSubnets.count == plan.availabilityZones.count)
        let endpoints = resources.filter { $0.value["Type"] as? String == "AWS::EC2::VPCEndpoint" }
        #expect(endpoints.count == plan.vpc.endpoints.count)
        let group = try #require(resources["VpcEndpointSecurityGroup"]?["Properties"] as? [String: Any])
        let ingress = try #require(group["SecurityGroupIngress"] as? [[String: Any]])
        #expect(ingress.allSatisfy { $0["FromPort"] as? Int == 443 && $0["ToPort"] as? Int == 443 })
        #expect(ingress.contains { ($0["CidrIp"] as? [String: Any])?["Fn::GetAtt"] as? [String] == ["Vpc", "CidrBlock"] }, "HTTPS from the VPC")
        for pods in plan.vpc.secondaryCidrs {
            #expect(ingress.contains { $0["CidrIp"] as? String == pods.description }, "HTTPS from the pod block \(pods)")
        }
        for e in plan.vpc.interfaceEndpoints {
            let properties = try #require(endpoints.values.first { ($0["Properties"] as? [String: Any]).map(Self.serviceName) == e.service }?["Properties"] as? [String: Any],
                                          "no endpoint for \(e.service)")
            #expect(properties["VpcEndpointType"] as? String == "Interface")
            #expect(properties["PrivateDnsEnabled"] as? Bool == true, "\(e.service)")
            let subnets = (properties["SubnetIds"] as? [Any] ?? []).compactMap(Self.ref).sorted()
            #expect(subnets == endpointSubnets, "\(e.service) is not in every endpoint subnet")
            #expect((properties["SecurityGroupIds"] as? [Any] ?? []).compactMap(Self.ref) == ["VpcEndpointSecurityGroup"])
        }
    }

    static func serviceName(_ properties: [String: Any]) -> String? {
        ((properties["ServiceName"] as? [String: Any])?["Fn::Sub"] as? String)?.replacingOccurrences(of: "com.amazonaws.${AWS::Region}.", with: "")
    }

    @Test func theS3GatewayEndpointIsOnEveryPrivateRouteTable() throws {
        let resources = try Self.network(try Self.plan())
        let s3 = try #require(resources.values.first { ($0["Properties"] as? [String: Any]).map(Self.serviceName) == "s3" }?["Properties"] as? [String: Any])
        #expect(s3["VpcEndpointType"] as? String == "Gateway")
        let tables = Set((s3["RouteTableIds"] as? [Any] ?? []).compactMap(Self.ref))
        // Every route table a private subnet uses.
        let used = Set(resources.values.filter { $0["Type"] as? String == "AWS::EC2::SubnetRouteTableAssociation" }
            .compactMap { $0["Properties"] as? [String: Any] }
            .filter { Self.ref($0["SubnetId"])?.hasPrefix("PublicSubnet") == false }
            .compactMap { Self.ref($0["RouteTableId"]) })
        #expect(!used.isEmpty && tables == used)
        // And no default route: nothing leaves the VPC but through the endpoints.
        #expect(!resources.keys.contains { $0.hasPrefix("PrivateDefaultRoute") || $0.hasPrefix("NatGateway") })
    }

    @Test func theEndpointSubnetsHoldEveryEndpointsENIs() throws {
        let plan = try Self.plan()
        let sizing = try #require(plan.sizing.first { $0.role == .endpoints })
        let interfaces = plan.vpc.interfaceEndpoints.count * Fixtures.reference.limits.endpointENIsPerAZ
        #expect(sizing.demands.contains { $0.addresses == interfaces && $0.what.contains("without NAT") })
        // The largest option's own ENIs come on top of the cluster's (alb-privatelink-nlb has one per AZ).
        let option = Fixtures.reference.limits.endpointENIsPerAZ
        for subnet in plan.subnets(role: .endpoints) {
            #expect(subnet.usableAddresses >= interfaces + option, "\(subnet.name)")
        }
        // With a NAT gateway there is nothing of the cluster's there: a design without an option
        // that uses the endpoint subnets gets none.
        let nat = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller}]"))
        #expect(nat.vpc.endpoints.isEmpty && nat.subnets(role: .endpoints).isEmpty)
        let none = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller}]", network: "natGateways: none"))
        #expect(none.subnets(role: .endpoints).count == none.availabilityZones.count)
        #expect(none.subnets(role: .endpoints).allSatisfy { $0.usableAddresses >= none.vpc.interfaceEndpoints.count })
    }

    @Test func everyOptionCarriesTheEndpointsAsSharedLines() throws {
        let plan = try Self.plan()
        let azs = Decimal(plan.availabilityZones.count)
        for option in plan.options {
            let cost = try #require(option.monthlyCost, "\(option.id) is not priced")
            for e in plan.vpc.interfaceEndpoints {
                let line = try #require(cost.shared.first { $0.component == "vpce-\(e.service)" }, "\(option.id) has no line for \(e.service)")
                #expect(line.item == "privatelink.endpoint-hour" && line.quantity == azs * 730)
                #expect(line.amount > 0)
            }
            #expect(cost.shared.contains { $0.item == "privatelink.data-processed" })
            #expect(!cost.shared.contains { $0.component == "vpce-s3" }, "the S3 gateway endpoint has no charge")
            #expect(!cost.lines.contains { $0.component.hasPrefix("vpce-") }, "shared lines stay out of the total")
        }
    }

    /// The pinned eu-west-1 file has no endpoint-hour price: every option shows the cluster's
    /// endpoints as unpriced lines, and the plan says who needs the price.
    @Test func aMissingEndpointPriceIsAnUnpricedLineOfEveryOption() throws {
        let yaml = try Fixtures.text(Self.designFile).replacingOccurrences(of: "region: us-east-1", with: "region: eu-west-1")
        let plan = try Self.plan(yaml)
        #expect(plan.options.allSatisfy { $0.monthlyCost?.unpricedItems.contains("privatelink.endpoint-hour") == true })
        #expect(plan.options.allSatisfy { $0.monthlyCost?.unpriced.contains { $0.component.hasPrefix("vpce-") } == true })
        let missing = try #require(plan.pricing?.missing)
        #expect(missing.contains { $0.item == "privatelink.endpoint-hour" && Set($0.neededBy) == Set(plan.options.map(\.id)) })
    }

    @Test func theDeployGuideInstallsOnlyFromTheMirror() throws {
        let plan = try Self.plan()
        let guide = try #require(try DeploymentEmitter().render(plan).first { $0.path == "README.md" }).contents
        #expect(guide.contains("crane copy") && guide.contains("helm push"))
        for option in plan.options {
            let rest = try #require(guide.components(separatedBy: "## \(option.id) (").dropFirst().first)
            let section = rest.components(separatedBy: "\n## ").first ?? rest
            #expect(section.contains("mirror_image \(ExampleAppImage.name)"), "\(option.id): the application's image is not mirrored")
            // Outside the mirror step, nothing is installed from the internet.
            let steps = section.components(separatedBy: "mirror_image \(ExampleAppImage.name)").last ?? ""
            for line in steps.split(separator: "\n") where line.contains("helm install") || line.contains("helm upgrade") || line.contains("helm template") {
                #expect(line.contains("oci://$EDGEPLAN_MIRROR/charts/"), "\(option.id): \(line)")
            }
            #expect(!steps.contains("https://github.com") && !steps.contains("--repo https://") && !steps.contains("helm repo add"), "\(option.id)")
            #expect(steps.contains("kubectl kustomize kubernetes/\(option.id)") && steps.contains("$EDGEPLAN_MIRROR\"'/#'"), "\(option.id): the manifests' images are not rewritten")
        }
        #expect(guide.contains("--set enableShield=false --set enableWaf=false --set enableWafv2=false"))
        #expect(guide.contains("--set global.image.registry=$EDGEPLAN_MIRROR"))
        // With a NAT gateway the guide keeps the public sources.
        let nat = try Self.plan(try Fixtures.text(Self.designFile).replacingOccurrences(of: "natGateways: none", with: "natGateways: per-az"))
        let public_ = try #require(try DeploymentEmitter().render(nat).first { $0.path == "README.md" }).contents
        #expect(!public_.contains("EDGEPLAN_MIRROR") && public_.contains("helm repo add eks"))
    }

    /// The single-NAT caveat's mitigation says edgeplan emits the endpoints and the mirror with
    /// `natGateways: none`: the same design so changed has both.
    @Test func theSingleNATMitigationIsWhatNoneEmits() throws {
        let single = try Self.plan(try Fixtures.text(Self.designFile).replacingOccurrences(of: "natGateways: none", with: "natGateways: single"))
        let caveat = try #require(single.options.first?.caveats.first { $0.id == "single-nat-gateway" })
        #expect(caveat.mitigation.contains("edgeplan emits the VPC endpoints") && caveat.mitigation.contains("mirrors images and charts into ECR"))
        let resources = try Self.network(try Self.plan())
        #expect(resources.values.filter { $0["Type"] as? String == "AWS::EC2::VPCEndpoint" }.count == Fixtures.reference.privateClusterEndpoints.count)
        #expect(try DeploymentEmitter().render(try Self.plan()).first { $0.path == "README.md" }?.contents.contains("crane copy") == true)
    }
}

/// The example application's image as the guide names it.
enum ExampleAppImage {
    static let name = "nginxinc/nginx-unprivileged:1.27-alpine"
}
