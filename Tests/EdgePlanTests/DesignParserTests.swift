import EdgePlan
import Foundation
import Testing

/// Every kind of bad design gets a located error naming the field.
@Suite struct DesignParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String
        var path: String
        var line: Int
        var column: Int
        var says: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed YAML", yaml: "edgeplan: 1\nname: [oops\n", path: "", line: 3, column: 1, says: "not valid YAML"),
        Case(name: "tab indentation", yaml: "edgeplan: 1\nnetwork:\n\tvpcCidr: 10.0.0.0/16\n", path: "", line: 3, column: 1, says: "not valid YAML"),
        Case(name: "empty file", yaml: "", path: "", line: 1, column: 1, says: "empty"),
        Case(name: "only comments", yaml: "# nothing here\n", path: "", line: 1, column: 1, says: "empty"),
        Case(name: "top level is a list", yaml: "- a\n- b\n", path: "", line: 1, column: 1, says: "expected a mapping"),
        Case(name: "missing version", yaml: "name: x\n", path: "edgeplan", line: 1, column: 1, says: "missing required field 'edgeplan'"),
        Case(name: "unknown version", yaml: "edgeplan: 2\nname: x\n", path: "edgeplan", line: 1, column: 11, says: "unknown format version 2"),
        Case(name: "version as text", yaml: "edgeplan: \"1\"\n", path: "edgeplan", line: 1, column: 11, says: "expected the format version"),
        Case(name: "duplicate key", yaml: "edgeplan: 1\nname: a\nname: b\n", path: "", line: 2, column: 1, says: "appears twice"),
        Case(name: "missing region",
             yaml: "edgeplan: 1\nname: a\ncluster: c\nnetwork: {vpcCidr: 10.0.0.0/16, azs: 3, nodes: {max: 3, podsPerNode: 10}}\nfrontends: [{kind: alb-controller}]\n",
             path: "region", line: 1, column: 1, says: "missing required field 'region'"),
        Case(name: "bad CIDR", yaml: Fixtures.design(vpc: "10.0.0.0/33"), path: "network.vpcCidr", line: 6, column: 12, says: "prefix length"),
        Case(name: "CIDR with host bits", yaml: Fixtures.design(vpc: "10.0.0.1/16"), path: "network.vpcCidr", line: 6, column: 12, says: "10.0.0.0/16"),
        Case(name: "CIDR with leading zeros", yaml: Fixtures.design(vpc: "10.000.0.0/16"), path: "network.vpcCidr", line: 6, column: 12, says: "leading zeros"),
        Case(name: "VPC block too large for AWS", yaml: Fixtures.design(vpc: "10.0.0.0/8"), path: "network.vpcCidr", line: 6, column: 12, says: "between /16 and /28"),
        Case(name: "wrong type for nodes.max", yaml: Fixtures.design().replacingOccurrences(of: "max: 30", with: "max: thirty"),
             path: "network.nodes.max", line: 8, column: 16, says: "expected the most worker nodes"),
        Case(name: "nodes.max zero", yaml: Fixtures.design(nodes: 0), path: "network.nodes.max", line: 8, column: 16, says: "out of range"),
        Case(name: "nodes.max negative", yaml: Fixtures.design(nodes: -3), path: "network.nodes.max", line: 8, column: 16, says: "out of range"),
        Case(name: "podsPerNode zero", yaml: Fixtures.design(pods: 0), path: "network.nodes.podsPerNode", line: 8, column: 33, says: "out of range"),
        Case(name: "AZ count too high", yaml: Fixtures.design(azs: "7"), path: "network.azs", line: 7, column: 8, says: "1 to 6"),
        Case(name: "AZ count zero", yaml: Fixtures.design(azs: "0"), path: "network.azs", line: 7, column: 8, says: "1 to 6"),
        Case(name: "more AZs than the region has", yaml: Fixtures.design(azs: "4"), path: "network.azs", line: 7, column: 8, says: "has 3 Availability Zones"),
        Case(name: "AZ name from another region", yaml: Fixtures.design(azs: "[eu-west-1a, us-east-1b]"), path: "network.azs[1]", line: 7, column: 21, says: "not an Availability Zone of eu-west-1"),
        Case(name: "duplicate AZ names", yaml: Fixtures.design(azs: "[eu-west-1a, eu-west-1a]"), path: "network.azs[1]", line: 7, column: 21, says: "listed twice"),
        Case(name: "one AZ is not enough for EKS", yaml: Fixtures.design(azs: "1"), path: "network.azs", line: 7, column: 8, says: "at least 2"),
        Case(name: "a pod block AWS refuses beside a 10/8 VPC", yaml: Fixtures.design(podCidr: "172.16.0.0/16"), path: "network.podCidr", line: 9, column: 12,
             says: "cannot add 172.16.0.0/16: AWS refuses secondary blocks in 172.16.0.0/12 beside it"),
        Case(name: "198.19.0.0/16 beside a 10/8 VPC", yaml: Fixtures.design(podCidr: "198.19.0.0/16"), path: "network.podCidr", line: 9, column: 12,
             says: "AWS refuses secondary blocks in 198.19.0.0/16 beside it"),
        Case(name: "a YAML 1.1 boolean", yaml: Fixtures.design(extra: "requirements: {waf: yes}"), path: "requirements.waf", line: 11, column: 21,
             says: "'yes' is a boolean only in YAML 1.1; YAML 1.2 tools read it as text: write true"),
        Case(name: "podCidr overlaps the VPC", yaml: Fixtures.design(podCidr: "10.128.128.0/17"), path: "network.podCidr", line: 9, column: 12, says: "overlaps vpcCidr"),
        Case(name: "unknown frontend kind", yaml: Fixtures.design(frontends: "[{kind: alb-privatelink}]"), path: "frontends[0].kind", line: 10, column: 20, says: "did you mean 'alb-privatelink-nlb'"),
        Case(name: "no frontends", yaml: Fixtures.design(frontends: "[]"), path: "frontends", line: 10, column: 12, says: "at least one"),
        Case(name: "duplicate frontend ids", yaml: Fixtures.design(frontends: "[{kind: alb-controller}, {kind: alb-controller}]"), path: "frontends[1].id", line: 10, column: 37, says: "already the id"),
        Case(name: "bad region", yaml: Fixtures.design().replacingOccurrences(of: "region: eu-west-1", with: "region: eu-west-9"), path: "region", line: 3, column: 9, says: "not an AWS region"),
        Case(name: "bad name", yaml: Fixtures.design().replacingOccurrences(of: "name: test-env", with: "name: Test_Env"), path: "name", line: 2, column: 7, says: "lower-case"),
        // 3 AZs × (public /27 + internal-elb /28 + endpoints /28 + control-plane /27 + nodes /21) = 3 × 2,144.
        Case(name: "VPC too small", yaml: Fixtures.design(vpc: "10.0.0.0/24"), path: "network.vpcCidr", line: 6, column: 12, says: "too small: the plan needs 12,576 addresses; use a /18 or larger"),
        Case(name: "hoursPerMonth zero", yaml: Fixtures.design(extra: "hoursPerMonth: 0"), path: "hoursPerMonth", line: 11, column: 16, says: "out of range"),
        Case(name: "traffic NaN", yaml: Fixtures.design(extra: "traffic: {dataOutGB: .nan}"), path: "traffic.dataOutGB", line: 11, column: 22, says: ".nan is not a finite number"),
        Case(name: "traffic infinite", yaml: Fixtures.design(extra: "traffic: {requests: -.inf}"), path: "traffic.requests", line: 11, column: 21, says: "-.inf is not a finite number"),
        Case(name: "traffic beyond Decimal's comfort", yaml: Fixtures.design(extra: "traffic: {dataOutGB: 1\(String(repeating: "0", count: 30))}"), path: "traffic.dataOutGB", line: 11, column: 22, says: "must be at most 1,000,000,000"),
        Case(name: "traffic with more digits than a Decimal holds", yaml: Fixtures.design(extra: "traffic: {dataOutGB: 1.00000000000000000000000000000000000000001}"),
             path: "traffic.dataOutGB", line: 11, column: 22, says: "cannot be read exactly"),
        Case(name: "traffic beyond any Decimal", yaml: Fixtures.design(extra: "traffic: {dataOutGB: \(String(repeating: "9", count: 201))}"), path: "traffic.dataOutGB", line: 11, column: 22, says: "must be at most 1,000,000,000"),
        Case(name: "traffic negative", yaml: Fixtures.design(extra: "traffic: {activeConnections: -1}"), path: "traffic.activeConnections", line: 11, column: 30, says: "is negative"),
        Case(name: "a field the kind does not take", yaml: Fixtures.design(frontends: "[{kind: alb-controller, router: envoy-gateway}]"),
             path: "frontends[0].router", line: 10, column: 44, says: "alb-controller takes no 'router': it sets the in-cluster router behind an NLB, which only alb-privatelink-nlb, apigw-vpclink-nlb, cloudfront-public-nlb, cloudfront-vpc-origin have"),
        Case(name: "a router the kind cannot use", yaml: Fixtures.design(frontends: "[{kind: cloudfront-public-nlb, router: none}]"),
             path: "frontends[0].router", line: 10, column: 51, says: "cannot use router 'none' here (the NLB sends to a router in the cluster"),
        Case(name: "an unknown router", yaml: Fixtures.design(frontends: "[{kind: alb-privatelink-nlb, router: nginx}]"),
             path: "frontends[0].router", line: 10, column: 49, says: "'nginx' is not one of envoy-gateway, ingress-nginx, none"),
        Case(name: "an unknown cluster mode", yaml: Fixtures.design(extra: "clusterMode: fargate"), path: "clusterMode", line: 11, column: 14,
             says: "'fargate' is not one of standard, auto"),
        Case(name: "custom networking in Auto Mode", yaml: Fixtures.design(podCidr: "100.64.0.0/16", extra: "clusterMode: auto"),
             path: "network.podCidr", line: 9, column: 12, says: "EKS Auto Mode does not support custom networking (ENIConfig)"),
        Case(name: "more pods per node than Auto Mode runs", yaml: Fixtures.design(pods: 200, extra: "clusterMode: auto"),
             path: "network.nodes.podsPerNode", line: 8, column: 33, says: "it caps every node at 110"),
        Case(name: "the controller's Gateway API in Auto Mode",
             yaml: Fixtures.design(frontends: "[{kind: alb-controller, loadBalancerApi: gateway-api}]", extra: "clusterMode: auto"),
             path: "frontends[0].loadBalancerApi", line: 10, column: 53, says: "use loadBalancerApi: ingress in Auto Mode"),
        Case(name: "deep nesting", yaml: "edgeplan: " + String(repeating: "[", count: 10_000), path: "", line: 1, column: 75, says: "nests more than"),
    ]

    @Test(arguments: cases)
    func badDesignGivesALocatedError(_ c: Case) throws {
        let errors = Fixtures.errors(c.yaml, file: "bad.yaml")
        let match = try #require(errors.first { $0.path == c.path }, "no error at \(c.path); got \(errors.map(\.formatted))")
        #expect(match.message.contains(c.says), "\(match.formatted)")
        #expect(match.location == EdgePlanCore.SourceLocation(file: "bad.yaml", line: c.line, column: c.column), "\(match.formatted)")
        #expect(match.formatted.hasPrefix("bad.yaml:\(c.line):\(c.column): error: "))
    }

    /// Numbers in plain decimal digits are read exactly (digits moved, never computed); every
    /// other spelling is refused (Safety/NumberSpellingTests).
    @Test func plainNumbersAreReadExactly() throws {
        let forms: [(String, String)] = [
            ("1000", "1000"), ("2500", "2500"), ("0.5", "0.5"), ("5", "5"), ("0.015", "0.015"),
            ("12345.6789", "12345.6789"), ("100.50", "100.5"), ("0", "0"), ("0.000", "0"),
        ]
        for (yaml, value) in forms {
            let (parsed, found) = Fixtures.pipeline.validate(Fixtures.design(extra: "traffic: {dataOutGB: \(yaml)}"), file: "t.yaml")
            #expect(found.filter { $0.severity == .error }.isEmpty, "\(yaml): \(found.map(\.formatted))")
            #expect(parsed?.design.traffic.dataOutGB?.plainString == value, "\(yaml)")
        }
    }

    @Test func unknownFieldsWarnWithASuggestion() throws {
        let yaml = Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  podCIDR: 100.64.0.0/16")
        let outcome = Fixtures.pipeline.run(yaml, file: "w.yaml")
        #expect(outcome.plan != nil)
        let warning = try #require(outcome.diagnostics.first { $0.severity == .warning && $0.path == "network.podCIDR" })
        #expect(warning.message.contains("did you mean 'podCidr'"))
    }

    @Test func garbageBytesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let length = Int.random(in: 0...400, using: &rng)
            let alphabet = Array("edgeplan: 1\nname:[]{}-,&*!|>'\"%@`#\t 0123456789abcz/.".unicodeScalars)
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            let outcome = Fixtures.pipeline.run(text, file: "fuzz.yaml")
            #expect(outcome.plan != nil || outcome.diagnostics.hasErrors)
        }
    }

    @Test func countOfZonesTakesTheRegionsFirstZones() throws {
        let yaml = Fixtures.design(azs: "3").replacingOccurrences(of: "eu-west-1", with: "ca-central-1")
        let plan = try Fixtures.plan(yaml)
        // ca-central-1 has no zone c: the first three are a, b and d.
        #expect(plan.availabilityZones == ["ca-central-1a", "ca-central-1b", "ca-central-1d"])
    }
}

@Suite struct ReviewFixTests {
    @Test func diagnosticsComeInFileOrderEveryTime() throws {
        let yaml = Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {nodes: x, public: y, endpoints: z, pods: w, internal-elb: v}")
        let first = Fixtures.errors(yaml).map(\.formatted)
        #expect(first.count >= 5)
        let columns = Fixtures.errors(yaml).compactMap { $0.location?.column }
        #expect(columns == columns.sorted(), "file order: \(first)")
        for _ in 0..<5 { #expect(Fixtures.errors(yaml).map(\.formatted) == first) }
    }

    @Test func theNameStartsWithALetterBecauseStackNamesMust() {
        let errors = Fixtures.errors(Fixtures.design().replacingOccurrences(of: "name: test-env", with: "name: 1st-env"))
        #expect(errors.first?.path == "name")
        #expect(errors.first?.message.contains("starting with a letter") == true)
    }

    @Test func optionIdsAreShortEnoughForStackAndWebACLNames() {
        let long = String(repeating: "a", count: 110)
        let errors = Fixtures.errors(Fixtures.design(frontends: "[{kind: alb-controller, id: \(long)}]"))
        let error = errors.first { $0.path == "frontends[0].id" }
        // test-env-<110 a>-waf-web-acl is 9 + 110 + 12 = 131 characters; AWS allows 128.
        #expect(error?.message.contains("would be 131 characters and AWS allows 128; use an id of at most 107 characters") == true)
        #expect(Fixtures.errors(Fixtures.design(frontends: "[{kind: alb-controller, id: \(String(repeating: "a", count: 107))}]")).isEmpty)
    }

    @Test func hoursPerMonthIsAtLeastOne() {
        #expect(Fixtures.errors(Fixtures.design(extra: "hoursPerMonth: 0.5")).first?.path == "hoursPerMonth")
        #expect(Fixtures.errors(Fixtures.design(extra: "hoursPerMonth: 1")).isEmpty)
    }

    @Test func theLayoutWarningNeverSuggestsABlockAWSRefuses() throws {
        // 218 nodes over 2 remaining AZs: 109 per AZ × 150 addresses = 16,350 need /18 node
        // subnets: 4 slots of them would need a /15, which no VPC may be.
        let outcome = Fixtures.pipeline.run(Fixtures.design(vpc: "10.0.0.0/16", nodes: 218), file: "t.yaml")
        let warning = try #require(outcome.diagnostics.first { $0.path == "network.vpcCidr" && $0.severity == .warning })
        #expect(!warning.message.contains("/15"))
        #expect(warning.message.contains("no VPC block AWS allows (the largest is a /16)"))
    }
}
