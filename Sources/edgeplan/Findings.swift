import EdgePlan
import EdgePlanRender

/// SARIF for `plan --format sarif` and `validate --format sarif`, with each caveat rule's condition.
enum Findings {
    static func sarif(file: String, plan: Plan?, diagnostics: [Diagnostic]) -> String {
        let conditions = Dictionary(CaveatEngine.standardRules.map { ($0.id, $0.when) }, uniquingKeysWith: { a, _ in a })
        return SARIFRenderer(ruleConditions: conditions).render(file: file, plan: plan, diagnostics: diagnostics)
    }
}
