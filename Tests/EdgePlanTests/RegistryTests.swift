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

    /// Each kind appears in an example whose committed report draws it, and whose emitted output
    /// has its frontend stack; and in an example that prices it.
    @Test func everyKindIsPlannedDrawnPricedAndEmittedByAnExample() throws {
        var planned: Set<FrontendKind> = [], drawn: Set<FrontendKind> = [], emitted: Set<FrontendKind> = [], priced: Set<FrontendKind> = []
        for example in try Fixtures.examples() {
            let name = String(example.dropLast(".yaml".count))
            let plan = try Fixtures.pricedPlan(try Fixtures.text("examples/\(example)"), file: "examples/\(example)")
            let report = Fixtures.root.appendingPathComponent("reports/\(name)")
            for option in plan.options {
                planned.insert(option.frontend.kind)
                if FileManager.default.fileExists(atPath: report.appendingPathComponent("diagrams/\(option.id).svg").path) {
                    drawn.insert(option.frontend.kind)
                }
                let frontend = report.appendingPathComponent("cloudformation/\(option.id)/frontend.json")
                if FileManager.default.fileExists(atPath: frontend.path) { emitted.insert(option.frontend.kind) }
                if option.monthlyCost != nil { priced.insert(option.frontend.kind) }
            }
        }
        let all = Set(FrontendKind.allCases)
        #expect(all.subtracting(planned).isEmpty, "no example plans \(all.subtracting(planned).map(\.rawValue).sorted())")
        #expect(all.subtracting(drawn).isEmpty, "no report draws \(all.subtracting(drawn).map(\.rawValue).sorted())")
        #expect(all.subtracting(emitted).isEmpty, "no report emits \(all.subtracting(emitted).map(\.rawValue).sorted())")
        #expect(all.subtracting(priced).isEmpty, "no example prices \(all.subtracting(priced).map(\.rawValue).sorted())")
    }

    /// Every router and cluster mode is used by some example too.
    @Test func everyRouterAndClusterModeIsUsedByAnExample() throws {
        var routers: Set<Router> = [], modes: Set<ClusterMode> = []
        for example in try Fixtures.examples() {
            let plan = try Fixtures.plan(try Fixtures.text("examples/\(example)"), file: "examples/\(example)")
            for option in plan.options {
                routers.insert(option.realization.settings.router)
                modes.insert(option.realization.clusterMode)
            }
        }
        #expect(routers == Set(Router.allCases), "unused: \(Set(Router.allCases).subtracting(routers))")
        #expect(modes == Set(ClusterMode.allCases), "unused: \(Set(ClusterMode.allCases).subtracting(modes))")
    }
}
