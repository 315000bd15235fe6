import EdgePlanCore
import Foundation

/// `edgeplan diff` written out: text for a terminal, Markdown for a pull-request comment, JSON for
/// tools (layout in docs/diff.md, schema in schema/diff-v1.json). All three say the same things in
/// the same order, and nothing in them depends on when or where they were made.
public struct DiffRenderer: Sendable {
    public init() {}

    // MARK: What the three formats share

    /// "+$16.86", "-$3.00", "$0.00".
    static func signed(_ d: Decimal) -> String {
        d > 0 ? "+" + money(d) : money(d)
    }

    static func amount(_ d: Decimal?) -> String { d.map(money) ?? "not priced" }

    /// An option's monthly total on one side: "—" where it is not an option, and how many lines
    /// it leaves out for want of a price.
    static func total(_ option: DiffSide.Option?) -> String {
        guard let option else { return "—" }
        let missing = option.unpriced
        return amount(option.total) + (missing == 0 || option.total == nil ? "" : " + \(missing) unpriced line\(missing == 1 ? "" : "s")")
    }

    /// The recommended option's change first (the new recommendation, then the old), then the rest by id.
    static func ordered(_ diff: PlanDiff) -> [PlanDiff.OptionChange] {
        let first = [diff.recommendation.new, diff.recommendation.old].compactMap { $0 }
        return diff.options.sorted { a, b in
            let (x, y) = (first.firstIndex(of: a.id) ?? first.count, first.firstIndex(of: b.id) ?? first.count)
            return (x, a.id) < (y, b.id)
        }
    }

    /// "Monthly cost of the recommended option: $1,204.80 → $1,380.12 (+$175.32)", or what changed
    /// about the recommendation when it is another option now.
    public static func headline(_ diff: PlanDiff) -> String {
        let (old, new) = (diff.recommendation.old, diff.recommendation.new)
        let (a, b) = (diff.recommended.old, diff.recommended.new)
        let difference = diff.recommendedDifference.map { " (\(signed($0)))" } ?? ""
        guard old == new else {
            return "Recommended option: \(old ?? "none") → \(new ?? "none"), \(total(a)) → \(total(b)) a month" + difference
        }
        guard let id = new else { return "No option is recommended on either side" }
        guard a?.total != b?.total || a?.unpriced != b?.unpriced else { return "Monthly cost of the recommended option (\(id)): \(total(b)), unchanged" }
        return "Monthly cost of the recommended option (\(id)): \(total(a)) → \(total(b))" + difference
    }

    /// "3 added, 1 resized; no existing subnet moves" or "…; 2 existing subnets move: …".
    static func subnetVerdict(_ diff: PlanDiff) -> String {
        let replaced = diff.subnetsReplaced, removed = diff.subnets.filter { $0.new == nil }.count
        var verdict = replaced == 0
            ? "no existing subnet moves"
            : "\(replaced) existing subnet\(replaced == 1 ? " moves" : "s move"): CloudFormation replaces a subnet whose CIDR block changes, and everything in it must move first"
        if removed > 0 { verdict += "; \(removed) existing subnet\(removed == 1 ? " is" : "s are") deleted, with everything in \(removed == 1 ? "it" : "them")" }
        guard !diff.subnets.isEmpty else { return "no change; " + verdict }
        return counts(diff.subnets.map(\.kind), order: ["added", "removed", "resized", "moved", "resized and moved", "renamed"]) + "; " + verdict
    }

    /// When existing subnets shrink (edgeplan sizes them for the nodes per AZ, so more AZs can
    /// shrink them and move the rest): the design line that keeps them where they are. Keeping the
    /// larger old size is always room enough; a subnet that grows needs to, and gets no advice.
    public static func subnetAdvice(_ diff: PlanDiff) -> String? {
        var lengths: [String: Set<Int>] = [:]
        for change in diff.subnets {
            guard let old = change.old, let new = change.new, new.cidr.length > old.cidr.length else { continue }
            lengths[change.key.role, default: []].insert(Int(old.cidr.length))
        }
        let pins = lengths.keys.sorted().compactMap { role in lengths[role].flatMap { $0.count == 1 ? "\(role): /\($0.first!)" : nil } }
        guard !pins.isEmpty else { return nil }
        return "to keep the existing subnets where they are, fix their sizes in the new design: network.subnetSizes: {\(pins.joined(separator: ", "))}"
    }

    static func optionVerdict(_ diff: PlanDiff) -> String {
        let options = diff.options.isEmpty ? "no option changes" : counts(diff.options.map(\.kind.rawValue), order: ["added", "removed", "changed"])
        let rec = diff.recommendation
        return options + "; " + (rec.old == rec.new ? "recommendation unchanged (\(rec.new ?? "none"))" : "recommendation \(rec.old ?? "none") → \(rec.new ?? "none")")
    }

    /// "Stacks: 3 to add, 1 to change, 0 to replace, 0 to destroy."
    static func stackVerdict(_ diff: PlanDiff) -> String {
        guard diff.stacks != nil else {
            let side = diff.stacksMissing.count == 2 ? "neither side has" : "the \(diff.stacksMissing.joined()) side has no"
            return "Stacks: not compared: \(side) templates (a plan.json without the cloudformation/ folder plan --out writes beside it, or a design whose every option emit refuses)."
        }
        let n = diff.actionCounts
        return "Stacks: \(n[.add] ?? 0) to add, \(n[.change] ?? 0) to change, \(n[.replace] ?? 0) to replace, \(n[.destroy] ?? 0) to destroy."
    }

    /// "2 added, 1 changed", in a fixed order, leaving out kinds that do not occur.
    static func counts(_ kinds: [String], order: [String]) -> String {
        order.compactMap { kind in
            let n = kinds.filter { $0 == kind }.count
            return n == 0 ? nil : "\(n) \(kind)"
        }.joined(separator: ", ")
    }

    /// Said wherever the Region changes: the diff compares templates, but a stack lives in one Region.
    static let regionNote = "stacks are regional: the new Region's stacks are new ones, and the old Region's stay until you delete them"

    /// What else changes about an option, one line each, in words both formats print: its needs
    /// (all of them for an option only one side has, else those whose verdict changes) and its caveats.
    static func optionFacts(_ option: PlanDiff.OptionChange) -> [String] {
        var facts: [String] = []
        if option.kind != .changed, let only = option.new ?? option.old {
            if let needs = needs(of: only) { facts.append(needs) }
        } else {
            facts += option.needs.map { "need \($0.need): \(need($0.old)) → \(need($0.new))" }
        }
        facts += option.caveats.map { "caveat \($0.id) (\(severity($0))): \(($0.new ?? $0.old)?.title ?? "")" }
        return facts
    }

    /// For an option only one side has: "meets waf, privateOrigin; does not meet caching".
    static func needs(of option: DiffSide.Option) -> String? {
        let met = option.meets.filter(\.value).keys.sorted(), unmet = option.meets.filter { !$0.value }.keys.sorted()
        let parts = (met.isEmpty ? [] : ["meets " + met.joined(separator: ", ")]) + (unmet.isEmpty ? [] : ["does not meet " + unmet.joined(separator: ", ")])
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func need(_ met: Bool?) -> String { met.map { $0 ? "met" : "not met" } ?? "not stated" }

    static func severity(_ caveat: PlanDiff.CaveatChange) -> String {
        switch (caveat.old, caveat.new) {
        case (nil, let new?): return "added, \(new.severity.rawValue)"
        case (let old?, nil): return "cleared, was \(old.severity.rawValue)"
        case (let old?, let new?): return "\(old.severity.rawValue) → \(new.severity.rawValue)"
        default: return ""
        }
    }

    static func cidr(_ subnet: DiffSide.Subnet?) -> String { subnet.map { $0.cidr.description } ?? "—" }

    /// A cost line on one side: "—" where that side has no such line.
    static func line(_ line: DiffSide.CostLine?) -> String { line.map { amount($0.amount) } ?? "—" }

    static func change(_ change: PlanDiff.CostLineChange) -> String {
        "\(line(change.old)) → \(line(change.new))" + (change.difference.map { " (\(signed($0)))" } ?? "")
    }

    static func resourceDetail(_ r: PlanDiff.ResourceChange) -> String {
        switch r.action {
        case .add, .destroy: return ""
        case .replace: return "replaced for " + r.replacing.joined(separator: ", ") + (r.paths.count > r.replacing.count ? "; also " + r.paths.filter { !r.replacing.contains($0) }.joined(separator: ", ") : "")
        case .change: return r.paths.joined(separator: ", ")
        }
    }
}

extension PlanDiff {
    /// The change in the recommended option's monthly total (each side's own recommendation),
    /// when both are priced in full.
    public var recommendedDifference: Decimal? {
        guard let a = recommended.old, let b = recommended.new, let x = a.total, let y = b.total, a.unpriced == 0, b.unpriced == 0 else { return nil }
        return y - x
    }

    /// Resources per action, over every stack.
    public var actionCounts: [Action: Int] {
        var n: [Action: Int] = [:]
        for stack in stacks ?? [] { for r in stack.resources { n[r.action, default: 0] += 1 } }
        return n
    }
}
