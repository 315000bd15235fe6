import EdgePlanCore

/// `region` must be an AWS region edgeplan knows (listed in `limits/regions.json`).
struct RegionRule: DesignRule {
    let id = "region"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard reference.regions[design.region] == nil else { return [] }
        let known = reference.regions.keys.sorted()
        let hint = Spelling.closest(to: design.region, in: known).map { "; did you mean '\($0)'?" }
            ?? " (known: \(known.joined(separator: ", ")))"
        return [.error("region", "'\(design.region)' is not an AWS region edgeplan knows\(hint)")]
    }
}
