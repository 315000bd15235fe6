import EdgePlanCore
import Foundation

/// What changes between two plans (`edgeplan diff OLD NEW`): subnets, options, costs and the
/// resources of the emitted stacks.
///
/// Every change keeps both sides (`old`, `new`) and derives its kind from them, so the diff of
/// NEW against OLD is this one with the sides swapped (`mirrored`), which the property tests hold
/// it to.
public struct PlanDiff: Sendable, Equatable {
    public struct Change<Value: Sendable & Equatable>: Sendable, Equatable {
        public var old: Value
        public var new: Value

        var mirrored: Change { Change(old: new, new: old) }
    }

    public enum Kind: String, Sendable, Equatable {
        case added, removed, changed
    }

    public struct SubnetChange: Sendable, Equatable {
        public var key: DiffSide.SubnetKey
        public var old: DiffSide.Subnet?
        public var new: DiffSide.Subnet?

        /// added, removed, resized (prefix length changed, same first address), moved (same size,
        /// another place) or `resized and moved`.
        public var kind: String {
            guard let old else { return "added" }
            guard let new else { return "removed" }
            let resized = old.cidr.length != new.cidr.length, moved = old.cidr.network != new.cidr.network
            return resized && moved ? "resized and moved" : resized ? "resized" : moved ? "moved" : "renamed"
        }

        /// Whether a subnet that exists today would have to be replaced: its CIDR block changes.
        public var replacesExisting: Bool {
            guard let old, let new else { return false }
            return old.cidr != new.cidr
        }

        var mirrored: SubnetChange { SubnetChange(key: key, old: new, new: old) }
    }

    public struct CostLineChange: Sendable, Equatable {
        public var key: DiffSide.CostLineKey
        public var old: DiffSide.CostLine?
        public var new: DiffSide.CostLine?

        /// new − old, a missing line counting as zero; nil when either side has the line unpriced.
        public var difference: Decimal? {
            if old != nil && old?.amount == nil || new != nil && new?.amount == nil { return nil }
            return (new?.amount ?? 0) - (old?.amount ?? 0)
        }
        var mirrored: CostLineChange { CostLineChange(key: key, old: new, new: old) }
    }

    public struct CaveatChange: Sendable, Equatable {
        public var id: String
        public var old: DiffSide.Caveat?
        public var new: DiffSide.Caveat?

        /// The graver of its two severities (a change has at least one side).
        var gravest: Caveat.Severity { [old?.severity, new?.severity].compactMap { $0 }.min() ?? .info }
        var mirrored: CaveatChange { CaveatChange(id: id, old: new, new: old) }
    }

    public struct OptionChange: Sendable, Equatable {
        public var id: String
        public var old: DiffSide.Option?
        public var new: DiffSide.Option?
        /// Needs whose verdict differs, by name: (met before, met after); nil where a side does not state the need.
        public var needs: [(need: String, old: Bool?, new: Bool?)]
        public var caveats: [CaveatChange]
        public var lines: [CostLineChange]

        public var kind: Kind { old == nil ? .added : new == nil ? .removed : .changed }
        public var pathChanged: Bool { old != nil && new != nil && old?.path != new?.path }
        public var total: Change<Decimal?> { Change(old: old?.total, new: new?.total) }
        /// new − old, when both sides are priced in full.
        public var difference: Decimal? {
            guard let a = old?.total, let b = new?.total, old?.unpriced == 0, new?.unpriced == 0 else { return nil }
            return b - a
        }
        public var isEmpty: Bool { kind == .changed && !pathChanged && needs.isEmpty && caveats.isEmpty && lines.isEmpty && old?.total == new?.total }

        public static func == (a: OptionChange, b: OptionChange) -> Bool {
            a.id == b.id && a.old == b.old && a.new == b.new && a.caveats == b.caveats && a.lines == b.lines
                && a.needs.elementsEqual(b.needs) { $0.need == $1.need && $0.old == $1.old && $0.new == $1.new }
        }

        var mirrored: OptionChange {
            OptionChange(id: id, old: new, new: old, needs: needs.map { ($0.need, $0.new, $0.old) },
                         caveats: caveats.map(\.mirrored), lines: lines.map(\.mirrored))
        }
    }

    public enum Action: String, Sendable, Equatable {
        case add, change, replace, destroy

        /// Terraform's plan symbols.
        public var symbol: String {
            switch self {
            case .add: return "+"
            case .change: return "~"
            case .replace: return "-/+"
            case .destroy: return "-"
            }
        }
    }

    public struct ResourceChange: Sendable, Equatable {
        public var id: String
        public var old: DiffSide.Resource?
        public var new: DiffSide.Resource?
        /// The property paths that differ ("Properties.CidrBlock", "Properties.Tags[2].Value").
        public var paths: [String]
        /// Those of `paths` CloudFormation cannot change in place, or "Type".
        public var replacing: [String]

        public var action: Action {
            if old == nil { return .add }
            if new == nil { return .destroy }
            return replacing.isEmpty ? .change : .replace
        }

        public var type: String { new?.type ?? old?.type ?? "" }
        var mirrored: ResourceChange { ResourceChange(id: id, old: new, new: old, paths: paths, replacing: replacing) }
    }

    public struct StackChange: Sendable, Equatable {
        /// The template's path in an output folder.
        public var path: String
        public var kind: Kind
        public var resources: [ResourceChange]

        var mirrored: StackChange {
            StackChange(path: path, kind: kind == .added ? .removed : kind == .removed ? .added : .changed, resources: resources.map(\.mirrored))
        }
    }

    public var design: Change<String>
    public var region: Change<String>
    public var vpcCidr: Change<String>
    /// Only the subnets that change, by AZ, role and place.
    public var subnets: [SubnetChange]
    /// Only the options that change, by id (the renderers put the recommended one first).
    public var options: [OptionChange]
    public var recommendation: Change<String?>
    /// Each side's recommended option (nil when that side recommends none).
    public var recommended: Change<DiffSide.Option?>
    /// Nil when a side has no templates to compare; `stacksMissing` says which.
    public var stacks: [StackChange]?
    public var stacksMissing: [String]

    public var isEmpty: Bool {
        region.old == region.new && vpcCidr.old == vpcCidr.new && subnets.isEmpty && options.isEmpty
            && recommendation.old == recommendation.new && recommended.old?.total == recommended.new?.total && (stacks ?? []).isEmpty
    }

    /// The number of existing subnets the change replaces.
    public var subnetsReplaced: Int { subnets.filter(\.replacesExisting).count }

    /// The `createOnly` table from limits/cloudformation-replacements.json (its `types`).
    public static func createOnlyProperties(_ file: JSONValue) -> [String: [String]] {
        Dictionary((file["types"]?.fields ?? []).map { ($0.0, $0.1.arrayItems.compactMap(\.stringValue)) }, uniquingKeysWith: { a, _ in a })
    }

    /// `createOnly`: per resource type, the properties CloudFormation replaces the resource to change
    /// ("CidrBlock", "DnsOptions.PrivateDnsPreference"), from the resource provider schemas.
    public init(old: DiffSide, new: DiffSide, createOnly: [String: [String]]) {
        design = Change(old: old.design, new: new.design)
        region = Change(old: old.region, new: new.region)
        vpcCidr = Change(old: old.vpcCidr, new: new.vpcCidr)
        subnets = Set(old.subnets.keys).union(new.subnets.keys).sorted().compactMap { key in
            let change = SubnetChange(key: key, old: old.subnets[key], new: new.subnets[key])
            return change.old == change.new ? nil : change
        }
        let oldOptions = Dictionary(old.options.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newOptions = Dictionary(new.options.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        options = Set(oldOptions.keys).union(newOptions.keys).sorted().compactMap { id in
            let change = Self.option(id, old: oldOptions[id], new: newOptions[id])
            return change.isEmpty ? nil : change
        }
        recommendation = Change(old: old.recommendation, new: new.recommendation)
        recommended = Change(old: old.recommendation.flatMap { oldOptions[$0] }, new: new.recommendation.flatMap { newOptions[$0] })
        stacksMissing = [(old.stacks, "old"), (new.stacks, "new")].compactMap { $0.0 == nil ? $0.1 : nil }
        if let a = old.stacks, let b = new.stacks {
            stacks = Set(a.keys).union(b.keys).sorted().compactMap { path in
                let resources = Self.resources(a[path] ?? [:], b[path] ?? [:], createOnly: createOnly)
                let kind: Kind = a[path] == nil ? .added : b[path] == nil ? .removed : .changed
                return resources.isEmpty && kind == .changed ? nil : StackChange(path: path, kind: kind, resources: resources)
            }
        } else {
            stacks = nil
        }
    }

    private init(design: Change<String>, region: Change<String>, vpcCidr: Change<String>, subnets: [SubnetChange], options: [OptionChange],
                 recommendation: Change<String?>, recommended: Change<DiffSide.Option?>, stacks: [StackChange]?, stacksMissing: [String]) {
        (self.design, self.region, self.vpcCidr, self.subnets, self.options) = (design, region, vpcCidr, subnets, options)
        (self.recommendation, self.recommended, self.stacks, self.stacksMissing) = (recommendation, recommended, stacks, stacksMissing)
    }

    /// The diff of the same two plans taken the other way round.
    public var mirrored: PlanDiff {
        PlanDiff(design: design.mirrored, region: region.mirrored, vpcCidr: vpcCidr.mirrored, subnets: subnets.map(\.mirrored),
                 options: options.map(\.mirrored), recommendation: recommendation.mirrored, recommended: recommended.mirrored, stacks: stacks.map { $0.map(\.mirrored) },
                 stacksMissing: stacksMissing.map { $0 == "old" ? "new" : "old" }.sorted { $0 > $1 })
    }

    private static func option(_ id: String, old: DiffSide.Option?, new: DiffSide.Option?) -> OptionChange {
        let needNames = Set((old?.meets ?? [:]).keys).union((new?.meets ?? [:]).keys).sorted()
        let needs = needNames.compactMap { need -> (need: String, old: Bool?, new: Bool?)? in
            let (a, b) = (old?.meets[need], new?.meets[need])
            return a == b ? nil : (need, a, b)
        }
        let caveatIds = Set((old?.caveats ?? [:]).keys).union((new?.caveats ?? [:]).keys)
        let caveats = caveatIds.compactMap { id -> CaveatChange? in
            let (a, b) = (old?.caveats[id], new?.caveats[id])
            return a?.severity == b?.severity ? nil : CaveatChange(id: id, old: a, new: b)
        }.sorted { $0.gravest != $1.gravest ? $0.gravest < $1.gravest : $0.id < $1.id }
        let lineKeys = Set((old?.lines ?? [:]).keys).union((new?.lines ?? [:]).keys).sorted()
        let lines = lineKeys.compactMap { key -> CostLineChange? in
            let (a, b) = (old?.lines[key], new?.lines[key])
            return a == b ? nil : CostLineChange(key: key, old: a, new: b)
        }
        return OptionChange(id: id, old: old, new: new, needs: needs, caveats: caveats, lines: lines)
    }

    private static func resources(_ a: [String: DiffSide.Resource], _ b: [String: DiffSide.Resource], createOnly: [String: [String]]) -> [ResourceChange] {
        Set(a.keys).union(b.keys).sorted().compactMap { id in
            let (old, new) = (a[id], b[id])
            guard let old, let new else { return ResourceChange(id: id, old: old, new: new, paths: [], replacing: []) }
            guard old.body != new.body else { return nil }
            var paths: [String] = []
            differences(old.body, new.body, at: "", into: &paths)
            let fixed = Set((createOnly[old.type] ?? []) + (createOnly[new.type] ?? [])).map { "Properties.\($0)" }
            var replacing = paths.filter { path in fixed.contains { covers($0, path) || covers(path, $0) } }
            if old.type != new.type { replacing.insert("Type", at: 0) }
            return ResourceChange(id: id, old: old, new: new, paths: paths, replacing: replacing)
        }
    }

    /// Whether `outer` is `inner` or one of its enclosing paths.
    private static func covers(_ outer: String, _ inner: String) -> Bool {
        inner == outer || inner.hasPrefix(outer + ".") || inner.hasPrefix(outer + "[")
    }

    /// The paths at which two values differ: objects field by field, arrays of one length item by
    /// item, anything else as a whole.
    static func differences(_ a: JSONValue, _ b: JSONValue, at path: String, into paths: inout [String]) {
        guard a != b else { return }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            let left = Dictionary(x, uniquingKeysWith: { first, _ in first }), right = Dictionary(y, uniquingKeysWith: { first, _ in first })
            for key in Set(left.keys).union(right.keys).sorted() {
                let here = path.isEmpty ? key : "\(path).\(key)"
                differences(left[key] ?? .null, right[key] ?? .null, at: here, into: &paths)
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (i, (p, q)) in zip(x, y).enumerated() { differences(p, q, at: "\(path)[\(i)]", into: &paths) }
        default:
            paths.append(path)
        }
    }
}
