import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// The registries cannot be incomplete: every rule file is registered, and every frontend kind is
/// planned, drawn, priced and emitted by some example (swift-format's GeneratedFilesValidityTests
/// is the model). The exhaustive switches over the kinds, routers and cluster modes make a missing
/// case a compile error; these tests catch what a switch cannot: a file nobody registered.
@Suite struct RegistryTests {
    /// The primary type of each Swift file in a source folder, by file name.
    static func types(in folder: String, except: Set<String> = []) throws -> Set<String> {
        let url = Fixtures.root.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }
        return Set(files.map { String($0.dropLast(".swift".count)) }).subtracting(except)
    }

    @Test func everyCaveatRuleFileIsRegistered() throws {
        let registered = Set(CaveatEngine.standardRules.map { String(describing: type(of: $0)) })
        #expect(try Self.types(in: "Sources/EdgePlan/Caveats/Rules") == registered)
        #expect(CaveatEngine.standardRules.count == registered.count, "a rule is registered twice")
    }

    @Test func everyDesignRuleFileIsRegistered() throws {
        let registered = Set(DesignValidator.standardRules.map { String(describing: type(of: $0)) })
        #expect(try Self.types(in: "Sources/EdgePlan/Validate", except: ["DesignRule"]) == registered)
    }

    @Test func everyKindHasItsOwnDescriptionFile() throws {
        let described = Set(FrontendKind.allCases.map { String(describing: type(of: $0.descriptor)) })
        #expect(try Self.types(in: "Sources/EdgePlan/Topology/Kinds") == described)
        #expect(described.count == FrontendKind.allCases.count, "two kinds share a description")
    }
}
