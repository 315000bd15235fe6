import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// `edgeplan diff`: one design (`Designs/diff/base.yaml`) against six changes of it, each with
/// what it must say and a golden of every format; and the properties every diff keeps, over the
/// examples: a plan against itself changes nothing, and the two directions mirror each other.
@Suite struct DiffTests {
    static let createOnly: [String: [String]] = {
        PlanDiff.createOnlyProperties(try! JSONValue.parse(try! Fixtures.text("limits/cloudformation-replacements.json")))
    }()

    /// A diff case's design, priced from the pinned price files.
    static func side(_ name: String) throws -> DiffSide {
        let yaml = try Fixtures.text("Tests/EdgePlanTests/Designs/diff/\(name).yaml")
        return try DiffSide(planned: try Fixtures.pricedPlan(yaml, file: "\(name).yaml"))
    }

    static func diff(_ name: String) throws -> PlanDiff {
        PlanDiff(old: try side("base"), new: try side(name), createOnly: createOnly)
    }

    static let cases = ["add-az", "add-role", "resize-nodes", "swap-options", "traffic", "region"]

    @Test(arguments: cases)
    func diffMatchesGolden(_ name: String) throws {
        let diff = try Self.diff(name)
        let renderer = DiffRenderer()
        try expectGolden(renderer.text(diff), "Tests/EdgePlanTests/Golden/diff/\(name).txt")
        try expectGolden(renderer.markdown(diff), "Tests/EdgePlanTests/Golden/diff/\(name).md")
        try expectGolden(renderer.json(diff).serialized(), "Tests/EdgePlanTests/Golden/diff/\(name).json")
    }

    private func actions(_ diff: PlanDiff) -> Set<PlanDiff.Action> {
        Set((diff.stacks ?? []).flatMap(\.resources).map(\.action))
    }

    @Test func addingAnAZMovesNothing() throws {
        let diff = try Self.diff("add-az")
        #expect(diff.subnetsReplaced == 0)
        #expect(!diff.subnets.isEmpty && diff.subnets.allSatisfy { $0.old == nil && $0.key.az == "us-east-1d" })
        #expect(actions(diff).isSubset(of: [.add, .change]))
        #expect(diff.stacks?.flatMap(\.resources).contains { $0.action == .add && $0.id == "NodesSubnetD" } == true)
    }

    @Test func addingARoleMovesNothingLarger() throws {
        let diff = try Self.diff("add-role")
        #expect(diff.subnetsReplaced == 0)
        #expect(Set(diff.subnets.map(\.key.role)) == ["pods"] && diff.subnets.allSatisfy { $0.old == nil })
        #expect(!(diff.stacks ?? []).flatMap(\.resources).contains { $0.type == "AWS::EC2::Subnet" && $0.action != .add })
    }

    @Test func resizingNodesMovesThatRoleAndSaysHowToKeepIt() throws {
        let diff = try Self.diff("resize-nodes")
        let nodes = diff.subnets.filter { $0.key.role == "nodes" }
        #expect(nodes.count == 3 && nodes.allSatisfy { $0.old?.cidr.length == 24 && $0.new?.cidr.length == 22 })
        #expect(diff.subnetsReplaced > 0)
        // Growing is needed: no advice to pin the old size.
        #expect(DiffRenderer.subnetAdvice(diff) == nil)
        let replaced = (diff.stacks ?? []).flatMap(\.resources).filter { $0.action == .replace }
        #expect(replaced.contains { $0.id == "NodesSubnetA" && $0.replacing == ["Properties.CidrBlock"] })
        // The mirror shrinks them: there the old size is the advice.
        #expect(DiffRenderer.subnetAdvice(diff.mirrored)?.hasSuffix("network.subnetSizes: {nodes: /22}") == true)
    }

    @Test func swappingOptionsAddsOneRemovesOneAndMovesTheRecommendation() throws {
        let diff = try Self.diff("swap-options")
        #expect(Dictionary(uniqueKeysWithValues: diff.options.map { ($0.id, $0.kind) }) == ["cloudfront-vpc-origin": .added, "cloudfront-public-nlb": .removed])
        #expect(diff.recommendation.old == "cloudfront-public-nlb" && diff.recommendation.new == "cloudfront-vpc-origin")
        #expect(diff.stacks?.contains { $0.path == "cloudformation/cloudfront-vpc-origin/frontend.json" && $0.kind == .added } == true)
        #expect(DiffRenderer.headline(diff).hasPrefix("Recommended option: cloudfront-public-nlb → cloudfront-vpc-origin"))
    }

    @Test func trafficChangesCostsOnly() throws {
        let diff = try Self.diff("traffic")
        #expect(diff.subnets.isEmpty && diff.stacks == [])
        #expect(!diff.options.isEmpty && diff.options.allSatisfy { !$0.pathChanged && $0.needs.isEmpty && $0.caveats.isEmpty && !$0.lines.isEmpty })
        let recommended = try #require(diff.options.first { $0.id == diff.recommendation.new })
        #expect(diff.recommendedDifference == recommended.difference && (recommended.difference ?? 0) > 0)
    }

    @Test func changingTheRegionChangesEverything() throws {
        let diff = try Self.diff("region")
        #expect(diff.region.old == "us-east-1" && diff.region.new == "eu-central-1")
        #expect(diff.subnets.allSatisfy { $0.old == nil || $0.new == nil })
        let subnets = (diff.stacks ?? []).flatMap(\.resources).filter { $0.type == "AWS::EC2::Subnet" }
        #expect(!subnets.isEmpty && subnets.allSatisfy { $0.action == .replace && $0.replacing.contains("Properties.AvailabilityZone") })
        // eu-central-1's pinned prices lack the NLB's: no difference is claimed from a partial total.
        #expect(diff.recommendedDifference == nil && DiffRenderer.headline(diff).contains("unpriced line"))
    }

    // MARK: Properties over the examples

    static let examples: [String: DiffSide] = {
        var sides: [String: DiffSide] = [:]
        for example in try! Fixtures.examples() {
            sides[example] = try! DiffSide(planned: try! Fixtures.examplePlan(example))
        }
        return sides
    }()

    @Test(arguments: try! Fixtures.examples())
    func aPlanAgainstItselfChangesNothing(_ example: String) throws {
        let side = try #require(Self.examples[example])
        let diff = PlanDiff(old: side, new: side, createOnly: Self.createOnly)
        #expect(diff.isEmpty)
        #expect(diff.stacks == [])
        #expect(DiffRenderer().text(diff).hasSuffix("No changes: the two plans make the same subnets, options, costs and stacks.\n"))
    }

    /// Every pair of examples, and every diff case, both ways round.
    static let pairs: [(String, String)] = {
        let names = try! Fixtures.examples()
        return names.indices.flatMap { i in names[(i + 1)...].map { (names[i], $0) } }
    }()

    @Test func theTwoDirectionsMirrorEachOther() throws {
        var sides = Self.examples
        for name in Self.cases + ["base"] { sides[name] = try Self.side(name) }
        let pairs = Self.pairs + Self.cases.map { ("base", $0) }
        let renderer = DiffRenderer()
        for (a, b) in pairs {
            let (x, y) = (try #require(sides[a]), try #require(sides[b]))
            let forward = PlanDiff(old: x, new: y, createOnly: Self.createOnly)
            let backward = PlanDiff(old: y, new: x, createOnly: Self.createOnly)
            #expect(!forward.isEmpty, "\(a) → \(b)")
            #expect(backward == forward.mirrored, "\(a) ↔ \(b)")
            #expect(renderer.json(backward) == renderer.json(forward.mirrored), "\(a) ↔ \(b)")
            #expect(forward.mirrored.mirrored == forward)
        }
    }

    // MARK: Formats

    @Test func colourIsOnlySymbolsAndSectionNamesAtTheStartOfLines() throws {
        let text = DiffRenderer().text(try Self.diff("resize-nodes"))
        #expect(!text.contains("\u{1B}"))
        let coloured = DiffRenderer.coloured(text)
        #expect(coloured.contains("\u{1B}[35m-/+\u{1B}[0m") && coloured.contains("\u{1B}[1mSubnets:\u{1B}[0m"))
        // Taking the escapes out gives the plain text back.
        #expect(coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "") == text)
    }

    @Test func theCommentCarriesAMarkerAndNothingThatVaries() throws {
        let diff = try Self.diff("swap-options")
        let comment = DiffRenderer().markdown(diff)
        #expect(comment.hasPrefix("<!-- edgeplan-diff: shop -->\n"))
        #expect(comment == DiffRenderer().markdown(try Self.diff("swap-options")))
        #expect(comment.contains("<details><summary>Stacks"))
        // A design name cannot end the marker's comment early.
        let hostile = DiffRenderer.commentSafe("a-->b<!--c")
        #expect(!hostile.contains("--") && !hostile.contains(">") && !hostile.contains("<"))
    }

    @Test func aCaveatThatChangesSeverityIsShownOnce() throws {
        var old = try Self.side("base"), new = old
        let id = try #require(old.options.first?.id)
        old.options[0].caveats["made-up"] = DiffSide.Caveat(severity: .info, title: "A caveat")
        new.options[0].caveats["made-up"] = DiffSide.Caveat(severity: .critical, title: "A caveat")
        let diff = PlanDiff(old: old, new: new, createOnly: [:])
        let change = try #require(diff.options.first { $0.id == id })
        #expect(change.caveats.map(\.id) == ["made-up"])
        #expect(DiffRenderer().text(diff).contains("caveat made-up (info → critical): A caveat"))
    }
}
