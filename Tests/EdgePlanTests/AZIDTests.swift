import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// Issue 12, AZ IDs: a design may list AZ IDs, the same physical zone in every account; EKS does
/// not allow cluster subnets in some of them (EKS "View Amazon EKS networking requirements for VPC
/// and subnets": use1-az3, usw1-az2, cac1-az3), so the plan puts every role there but the control
/// plane's, and emits subnets by `AvailabilityZoneId`. Zone names and counts stay accepted, with a
/// note (a warning where a name may be such an AZ ID) that AZ IDs are safer.
@Suite struct AZIDTests {
    static let designFile = "examples/az-ids.yaml"

    static func design() throws -> String { try Fixtures.text(designFile) }

    static func plan(_ yaml: String? = nil) throws -> Plan {
        try Fixtures.pricedPlan(yaml ?? design(), file: designFile)
    }

    static func varied(_ azs: String, _ extra: (String) -> String = { $0 }) throws -> String {
        let text = try design().replacingOccurrences(of: "azs: [use1-az1, use1-az3, use1-az4]", with: "azs: \(azs)")
        return extra(text)
    }

    static func template(_ plan: Plan, _ path: String) throws -> [String: [String: Any]] {
        try Fixtures.resources(try DeploymentEmitter().render(plan), path)
    }

    // MARK: - The data file

    @Test func everyRegionSaysWhichAZIDsEKSRefusesWithItsSource() {
        for region in Fixtures.reference.regions.values {
            let list = region.eksControlPlaneUnsupportedAzIds
            #expect(list != nil, "\(region.code) has no eksControlPlaneUnsupportedAzIds")
            #expect(list?.source.url == "https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html" && list?.source.read != nil && list?.source.kind != nil)
        }
        let refused = Fixtures.reference.regions.mapValues(\.eksUnsupportedZoneIDs).filter { !$0.value.isEmpty }
        #expect(refused == ["us-east-1": ["use1-az3"], "us-west-1": ["usw1-az2"], "ca-central-1": ["cac1-az3"]])
    }

    @Test func theExampleRegionsHaveTheirAZIDsWithTheirSource() throws {
        let expected = [
            "us-east-1": ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"],
            "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
            "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
            "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
            "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
        ]
        for (code, ids) in expected {
            let list = try #require(Fixtures.reference.regions[code]?.azIds, "\(code)")
            #expect(list.ids == ids, "\(code)")
            #expect(list.source.url != nil && list.source.read != nil && list.source.kind != nil, "\(code)")
        }
        #expect(Fixtures.reference.regions["us-east-1"]?.azIds?.namesMappedPerAccount == true)
        #expect(Fixtures.reference.regions["eu-central-1"]?.azIds?.namesMappedPerAccount == false)
        // Every AZ ID of a region starts with the same prefix, so one region's ID is never taken for another's.
        for region in Fixtures.reference.regions.values {
            let prefixes = Set((region.azIds?.ids ?? []).map { $0.split(separator: "-")[0] })
            #expect(prefixes.count <= 1, "\(region.code): \(prefixes)")
        }
    }

    @Test func aMalformedAZIDInTheDataFileIsRefused() throws {
        let regions = try Fixtures.text("limits/regions.json").replacingOccurrences(of: "\"use1-az6\"", with: "\"us-east-1f\"")
        #expect(throws: ReferenceError.malformed("limits/regions.json", "us-east-1: 'us-east-1f' is not an AZ ID (such as use1-az1)")) {
            try AWSReference(limitsJSON: Data(try Fixtures.text("limits/aws.json").utf8), kubernetesJSON: Data(try Fixtures.text("limits/kubernetes.json").utf8),
                             regionsJSON: Data(regions.utf8))
        }
    }

    // MARK: - Parsing and validation

    @Test func aListOfAZIDsIsReadAsAZIDs() throws {
        let parsed = try DesignParser().parse(try Self.design(), file: "d.yaml")
        #expect(parsed.design.network.azs == .ids(["use1-az1", "use1-az3", "use1-az4"]))
        #expect(RegionInfo.isZoneID("use1-az1") && RegionInfo.isZoneID("apse1-az3"))
        #expect(!RegionInfo.isZoneID("us-east-1a") && !RegionInfo.isZoneID("use1-az") && !RegionInfo.isZoneID("1-az1") && !RegionInfo.isZoneID("USE1-az1"))
    }

    @Test func namesAndIDsDoNotMix() throws {
        let errors = Fixtures.errors(try Self.varied("[use1-az1, us-east-1b]"), file: "d.yaml")
        #expect(errors.map(\.formatted) == ["d.yaml:11:9: error: network.azs[0]: 'use1-az1' is an AZ ID but other entries are zone names: list AZ IDs only (use1-az1) or zone names only (us-east-1a)"])
    }

    @Test func anAZIDOfAnotherRegionIsALocatedError() throws {
        let errors = Fixtures.errors(try Self.varied("[use1-az1, euw1-az2, use1-az4]"), file: "d.yaml")
        #expect(errors.count == 1)
        #expect(errors.first?.formatted.hasPrefix("d.yaml:11:19: error: network.azs[1]: 'euw1-az2' is an AZ ID of eu-west-1, not of us-east-1") == true, "\(errors)")
        let unknown = Fixtures.errors(try Self.varied("[use1-az1, use1-az7]"), file: "d.yaml")
        #expect(unknown.first?.formatted.hasPrefix("d.yaml:11:19: error: network.azs[1]: 'use1-az7' is not an AZ ID of us-east-1") == true, "\(unknown)")
    }

    @Test func aRegionWithoutAZIDsInTheDataFileSaysSo() throws {
        let yaml = try Self.varied("[use2-az1, use2-az2]") { $0.replacingOccurrences(of: "region: us-east-1", with: "region: us-east-2") }
        let errors = Fixtures.errors(yaml, file: "d.yaml")
        #expect(errors.first?.formatted.hasPrefix("d.yaml:11:8: error: network.azs: edgeplan has no AZ IDs of us-east-2") == true, "\(errors)")
    }

    @Test func tooFewAZsEKSTakesIsAnError() throws {
        let errors = Fixtures.errors(try Self.varied("[use1-az3, use1-az4]"), file: "d.yaml")
        #expect(errors.map(\.formatted) == [
            "d.yaml:11:8: error: network.azs: EKS needs control-plane subnets in at least 2 Availability Zones it supports, and it does not allow cluster subnets in use1-az3 (EKS \"View Amazon EKS networking requirements for VPC and subnets\"), which leaves 1; add use1-az1 or use1-az2 or use1-az5 or use1-az6",
        ])
        #expect(Fixtures.errors(try Self.varied("[use1-az1, use1-az4]")).isEmpty, "two AZs EKS takes are enough")
    }

    @Test func autoModeRefusesAnAZIDEKSRefuses() throws {
        // Auto Mode gives the cluster the node subnets: the AZ cannot be kept for the nodes alone.
        let yaml = try Self.design().replacingOccurrences(of: "cluster: ledger-api-eks\n", with: "cluster: ledger-api-eks\nclusterMode: auto\n")
            .replacingOccurrences(of: "  podCidr: 100.64.0.0/20\n", with: "")
        let errors = Fixtures.errors(yaml, file: "d.yaml")
        #expect(errors.count == 1 && errors.first?.formatted.hasPrefix("d.yaml:12:19: error: network.azs[1]: EKS does not allow cluster subnets in use1-az3") == true, "\(errors)")
    }

    // MARK: - The plan

    @Test func noControlPlaneSubnetInAnAZIDEKSRefusesEveryOtherRoleThere() throws {
        let plan = try Self.plan()
        #expect(plan.azKind == .id && plan.availabilityZones == ["use1-az1", "use1-az3", "use1-az4"])
        #expect(plan.subnets(role: .controlPlane).map(\.az) == ["use1-az1", "use1-az4"])
        for role in [SubnetRole.public, .internalELB, .endpoints, .nodes, .pods] {
            #expect(plan.subnets(role: role).map(\.az) == plan.availabilityZones, "\(role)")
        }
        #expect(plan.subnets.allSatisfy { $0.azId == $0.az })
        #expect(plan.subnets(role: .nodes).map(\.name) == ["ledger-api-nodes-az1", "ledger-api-nodes-az3", "ledger-api-nodes-az4"])
        // Role blocks: the control plane's slot for use1-az3 stays free, so nothing moves if EKS takes it later.
        let block = try #require(plan.layout.roleBlocks.first { $0.role == .controlPlane }?.cidr)
        let slot = try #require(block.subnet(length: Int(plan.subnets(role: .controlPlane)[0].cidr.length), index: 1))
        #expect(plan.freeCidrs.contains(slot))
        let note = try #require(plan.notes.first { $0.path == "network.azs[1]" })
        #expect(note.severity == .note && note.message.hasPrefix("no control-plane subnet in use1-az3: EKS does not allow cluster subnets there"))
        #expect(note.location == SourceLocation(file: Self.designFile, line: 11, column: 19))
        #expect(!plan.notes.contains { $0.path == "network.azs" }, "AZ IDs need no advice to list AZ IDs")
    }

    @Test func zoneNamesInARegionWithARefusedAZIDGetAWarning() throws {
        let plan = try Self.plan(try Self.varied("3"))
        #expect(plan.azKind == .name && plan.subnets.allSatisfy { $0.azId == nil })
        #expect(plan.subnets(role: .controlPlane).count == 3, "with names the plan cannot tell which is use1-az3")
        let warning = try #require(plan.notes.first { $0.path == "network.azs" })
        #expect(warning.severity == .warning && warning.location == SourceLocation(file: Self.designFile, line: 11, column: 8))
        #expect(warning.message.contains("us-east-1a, us-east-1b, us-east-1c can be different physical zones (AZ IDs) in each account"))
        #expect(warning.message.contains("EKS does not allow cluster subnets in use1-az3"))
        #expect(warning.message.contains("list AZ IDs instead (network.azs: [use1-az1, use1-az2, use1-az4])"))
    }

    @Test func zoneNamesElsewhereGetANote() throws {
        let plan = try Fixtures.plan(Fixtures.design(azs: "[eu-west-1a, eu-west-1b, eu-west-1c]"))
        let note = try #require(plan.notes.first { $0.path == "network.azs" })
        #expect(note.severity == .note && note.message.contains("eu-west-1 maps zone names to zones per account"))
        #expect(note.message.contains("EKS allows cluster subnets in every AZ ID of eu-west-1"))
        #expect(note.message.contains("(network.azs: [euw1-az1, euw1-az2, euw1-az3])"))
    }

    // MARK: - What is emitted

    @Test func theNetworkStackPlacesSubnetsByAZID() throws {
        let plan = try Self.plan()
        let network = try Self.template(plan, "cloudformation/network.json")
        let subnets = network.filter { $0.value["Type"] as? String == "AWS::EC2::Subnet" }.compactMap { $0.value["Properties"] as? [String: Any] }
        #expect(subnets.count == plan.subnets.count)
        for planned in plan.subnets {
            let subnet = try #require(subnets.first { $0["CidrBlock"] as? String == planned.cidr.description })
            #expect(subnet["AvailabilityZoneId"] as? String == planned.azId && subnet["AvailabilityZone"] == nil, "\(planned.name)")
        }
        // The cluster gets the control-plane export: use1-az1's and use1-az4's subnets only.
        #expect(network["ControlPlaneSubnetA"] != nil && network["ControlPlaneSubnetB"] == nil && network["ControlPlaneSubnetC"] != nil)
    }

    @Test func withNamesTheNetworkStackKeepsAvailabilityZone() throws {
        let plan = try Self.plan(try Self.varied("3"))
        let network = try Self.template(plan, "cloudformation/network.json")
        let subnets = network.values.filter { $0["Type"] as? String == "AWS::EC2::Subnet" }.compactMap { $0["Properties"] as? [String: Any] }
        #expect(subnets.allSatisfy { $0["AvailabilityZoneId"] == nil && ($0["AvailabilityZone"] as? String)?.hasPrefix("us-east-1") == true })
    }

    @Test func theENIConfigsAreNamedForTheAZIDsAndMatchedByTheZoneIDLabel() throws {
        for (yaml, label, keys) in [
            (try Self.design(), "topology.k8s.aws/zone-id", ["use1-az1", "use1-az3", "use1-az4"]),
            (try Self.varied("3"), "topology.kubernetes.io/zone", ["us-east-1a", "us-east-1b", "us-east-1c"]),
        ] {
            let cluster = try Self.template(try Self.plan(yaml), "cloudformation/cluster.json")
            let addon = try #require(cluster["EksVpcCniAddon"]?["Properties"] as? [String: Any])
            let sub = try #require((addon["ConfigurationValues"] as? [String: Any])?["Fn::Sub"] as? [Any])
            let text = try #require(sub.first as? String)
            let values = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect((values["env"] as? [String: String])?["ENI_CONFIG_LABEL_DEF"] == label)
            let subnets = try #require((values["eniConfig"] as? [String: Any])?["subnets"] as? [String: Any])
            #expect(subnets.keys.sorted() == keys)
        }
    }

    @Test func planJSONCarriesTheAZIDs() throws {
        let json = try PlanJSONRenderer().json(try Self.plan()).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["azKind"] as? String == "id")
        let subnets = try #require(object["subnets"] as? [[String: Any]])
        #expect(subnets.allSatisfy { ($0["azId"] as? String)?.hasPrefix("use1-az") == true && $0["az"] == nil })
        let named = try PlanJSONRenderer().json(try Self.plan(try Self.varied("3"))).serialized()
        #expect(named.contains("\"azKind\": \"name\"") && named.contains("\"az\": \"us-east-1a\"") && !named.contains("\"azId\""))
    }

    @Test func theSummaryAndTheReportShowTheAZIDs() throws {
        let plan = try Self.plan()
        let summary = PlanSummaryRenderer().render(plan)
        #expect(summary.contains("\nuse1-az3 (AZ ID)\n"))
        #expect(summary.contains("note: network.azs[1]: no control-plane subnet in use1-az3"))
        let report = MarkdownReport().render(plan)
        #expect(report.contains("### use1-az3 (AZ ID)") && report.contains("`AvailabilityZoneId`") && report.contains("`topology.k8s.aws/zone-id`"))
    }
}
