import EdgePlan
import EdgePlanCore
import Testing

/// The format table cannot fall behind the model: every field a frontend option takes, every
/// subnet role and every choice the parser offers is in it (the parser reads its field names from
/// the same table, so what it reads and what the schema describes are one list).
@Suite struct DesignFormatTests {
    static func names(_ fields: [DesignFormat.Field]) -> [String] { fields.map(\.name) }

    @Test func everyFrontendFieldAndSubnetRoleIsDescribed() throws {
        #expect(Set(Self.names(DesignFormat.frontend)) == Set(["kind", "id", "waf"] + FrontendField.allCases.map(\.rawValue)))
        let sizes = try #require(DesignFormat.network.first { $0.name == "subnetSizes" })
        guard case .object(let roles) = sizes.shape else { Issue.record("subnetSizes is not an object"); return }
        #expect(Self.names(roles) == SubnetRole.allCases.map(\.rawValue))
    }

    @Test func aFieldTheTableLacksIsAnUnknownFieldWarning() throws {
        // The parser's known fields are the table's: a name outside it is reported as unknown.
        let yaml = Fixtures.design(extra: "trafic: {requests: 1}")
        let plan = try Fixtures.pipeline.parser.parse(yaml, file: "t.yaml")
        #expect(plan.diagnostics.contains { $0.path == "trafic" && $0.message.contains("traffic") }, "\(plan.diagnostics.map(\.formatted))")
    }

    @Test func everyFieldHasADescriptionAndRequiredOnesAnExample() {
        func walk(_ fields: [DesignFormat.Field], _ at: String) {
            for f in fields {
                #expect(!f.description.isEmpty, "\(at)\(f.name)")
                if f.required { #expect(f.example != nil, "\(at)\(f.name) is required but has no example for its error") }
                if case .object(let inner) = f.shape { walk(inner, "\(at)\(f.name).") }
                if case .list(.object(let inner), _) = f.shape { walk(inner, "\(at)\(f.name)[].") }
            }
        }
        walk(DesignFormat.top, "")
    }
}
