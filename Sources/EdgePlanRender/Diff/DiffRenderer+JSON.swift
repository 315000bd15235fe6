import EdgePlanCore
import Foundation

extension DiffRenderer {
    /// The diff as JSON, layout version 1 (docs/diff.md; schema/diff-v1.json). Keys never change
    /// meaning within a version; amounts are decimal strings as in plan.json.
    public func json(_ diff: PlanDiff) -> JSONValue {
        let subnets: [JSONValue] = diff.subnets.map(subnetChange)
        let recommendation: [(String, JSONValue)] = [
            ("old", diff.recommendation.old.map(JSONValue.string) ?? .null),
            ("new", diff.recommendation.new.map(JSONValue.string) ?? .null),
            ("monthlyCost", moneyChange(diff.recommended.old, diff.recommended.new)),
        ]
        let stacks: JSONValue = diff.stacks.map { stacks in .array(stacks.map(stack)) } ?? .null
        var fields: [(String, JSONValue)] = [
            ("diffVersion", .int(1)),
            ("changed", .bool(!diff.isEmpty)),
            ("headline", .string(Self.headline(diff))),
        ]
        fields.append(("design", change(diff.design, JSONValue.string)))
        fields.append(("region", change(diff.region, JSONValue.string)))
        fields.append(("vpcCidr", change(diff.vpcCidr, JSONValue.string)))
        fields.append(("subnets", .object([
            ("existingReplaced", .int(diff.subnetsReplaced)),
            ("advice", Self.subnetAdvice(diff).map(JSONValue.string) ?? .null),
            ("changes", .array(subnets)),
        ])))
        fields.append(("recommendation", .object(recommendation)))
        fields.append(("options", .array(Self.ordered(diff).map(option))))
        fields.append(("stacks", stacks))
        fields.append(("stacksNotCompared", .array(diff.stacksMissing.map(JSONValue.string))))
        fields.append(("summary", summary(diff)))
        return .object(fields)
    }

    private func summary(_ diff: PlanDiff) -> JSONValue {
        let n = diff.actionCounts
        let counts: [(String, Int)] = [
            ("subnetsAdded", diff.subnets.filter { $0.old == nil }.count),
            ("subnetsRemoved", diff.subnets.filter { $0.new == nil }.count),
            ("subnetsReplaced", diff.subnetsReplaced),
            ("optionsAdded", diff.options.filter { $0.kind == .added }.count),
            ("optionsRemoved", diff.options.filter { $0.kind == .removed }.count),
            ("optionsChanged", diff.options.filter { $0.kind == .changed }.count),
            ("resourcesToAdd", n[.add] ?? 0),
            ("resourcesToChange", n[.change] ?? 0),
            ("resourcesToReplace", n[.replace] ?? 0),
            ("resourcesToDestroy", n[.destroy] ?? 0),
        ]
        return .object(counts.map { ($0.0, JSONValue.int($0.1)) })
    }

    private func subnetChange(_ s: PlanDiff.SubnetChange) -> JSONValue {
        let fields: [(String, JSONValue)] = [
            ("az", .string(s.key.az)), ("role", .string(s.key.role)), ("ordinal", .int(s.key.ordinal)),
            ("change", .string(s.kind)), ("replacesExisting", .bool(s.replacesExisting)),
            ("old", subnet(s.old)), ("new", subnet(s.new)),
        ]
        return .object(fields)
    }

    private func change<T>(_ c: PlanDiff.Change<T>, _ value: (T) -> JSONValue) -> JSONValue {
        .object([("old", value(c.old)), ("new", value(c.new))])
    }

    private func subnet(_ s: DiffSide.Subnet?) -> JSONValue {
        guard let s else { return .null }
        return .object([("name", .string(s.name)), ("cidr", .string(s.cidr.description))])
    }

    /// An option's total on each side (null where it is not an option or not priced), the lines
    /// each leaves unpriced, and the difference when both are priced in full.
    private func moneyChange(_ old: DiffSide.Option?, _ new: DiffSide.Option?) -> JSONValue {
        let complete = old?.unpriced == 0 && new?.unpriced == 0
        return .object([
            ("old", old?.total.map(JSONValue.money) ?? .null),
            ("new", new?.total.map(JSONValue.money) ?? .null),
            ("oldUnpricedLines", .int(old?.unpriced ?? 0)),
            ("newUnpricedLines", .int(new?.unpriced ?? 0)),
            ("difference", complete ? old?.total.flatMap { a in new?.total.map { JSONValue.money($0 - a) } } ?? .null : .null),
        ])
    }

    private func option(_ o: PlanDiff.OptionChange) -> JSONValue {
        let path: [(String, JSONValue)] = [("old", o.old.map { .string($0.path) } ?? .null), ("new", o.new.map { .string($0.path) } ?? .null)]
        let needs: [JSONValue] = o.needs.map { need in
            .object([("need", .string(need.need)), ("old", need.old.map(JSONValue.bool) ?? .null), ("new", need.new.map(JSONValue.bool) ?? .null)])
        }
        let caveats: [JSONValue] = o.caveats.map(caveat)
        let lines: [JSONValue] = o.lines.map(costLine)
        let fields: [(String, JSONValue)] = [
            ("id", .string(o.id)),
            ("change", .string(o.kind.rawValue)),
            ("path", .object(path)),
            ("needs", .array(needs)),
            ("caveats", .array(caveats)),
            ("monthlyCost", moneyChange(o.old, o.new)),
            ("lines", .array(lines)),
        ]
        return .object(fields)
    }

    private func caveat(_ c: PlanDiff.CaveatChange) -> JSONValue {
        let fields: [(String, JSONValue)] = [
            ("id", .string(c.id)),
            ("title", .string((c.new ?? c.old)?.title ?? "")),
            ("old", c.old.map { .string($0.severity.rawValue) } ?? .null),
            ("new", c.new.map { .string($0.severity.rawValue) } ?? .null),
        ]
        return .object(fields)
    }

    private func costLine(_ line: PlanDiff.CostLineChange) -> JSONValue {
        let fields: [(String, JSONValue)] = [
            ("component", .string(line.key.component)), ("item", .string(line.key.item)), ("ordinal", .int(line.key.ordinal)),
            ("old", lineAmount(line.old)),
            ("new", lineAmount(line.new)),
            ("difference", line.difference.map(JSONValue.money) ?? .null),
        ]
        return .object(fields)
    }

    /// A line's amount; "unpriced" for a line without a price, null where the side has no such line.
    private func lineAmount(_ line: DiffSide.CostLine?) -> JSONValue {
        guard let line else { return .null }
        return line.amount.map(JSONValue.money) ?? .string("unpriced")
    }

    private func stack(_ s: PlanDiff.StackChange) -> JSONValue {
        .object([
            ("path", .string(s.path)),
            ("change", .string(s.kind.rawValue)),
            ("resources", .array(s.resources.map { r in
                .object([
                    ("id", .string(r.id)), ("type", .string(r.type)),
                    ("action", .string(r.action.rawValue)), ("symbol", .string(r.action.symbol)),
                    ("paths", .array(r.paths.map(JSONValue.string))),
                    ("replacing", .array(r.replacing.map(JSONValue.string))),
                ])
            })),
        ])
    }
}
