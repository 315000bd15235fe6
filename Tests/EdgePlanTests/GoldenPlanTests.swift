import EdgePlan
import EdgePlanRender
import Testing

/// The JSON plan of every example, priced from the checked-in `pricing/aws` files as `edgeplan plan`
/// prices it, compared byte for byte with `Tests/EdgePlanTests/Golden/`.
/// Re-record with `EDGEPLAN_RECORD=1 swift test --filter GoldenPlanTests`, then read the diff.
@Suite struct GoldenPlanTests {
    @Test(arguments: try! Fixtures.examples())
    func examplePlanMatchesGolden(_ example: String) throws {
        let plan = try Fixtures.examplePlan(example)
        let name = String(example.dropLast(".yaml".count))
        try expectGolden(PlanJSONRenderer().json(plan).serialized(), "Tests/EdgePlanTests/Golden/\(name).plan.json")
        try expectGolden(PlanSummaryRenderer().render(plan), "Tests/EdgePlanTests/Golden/\(name).summary.txt")
    }
}
