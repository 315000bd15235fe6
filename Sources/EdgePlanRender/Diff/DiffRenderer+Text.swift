import EdgePlanCore
import Foundation

extension DiffRenderer {
    /// For a terminal: four sections and Terraform's symbols, without colour (see `coloured`).
    public func text(_ diff: PlanDiff) -> String {
        var out = "edgeplan diff: \(diff.design.old) → \(diff.design.new)\n"
        if diff.isEmpty { return out + "No changes: the two plans make the same subnets, options, costs and stacks.\n" }
        out += "\n" + Self.headline(diff) + "\n"
        if diff.region.old != diff.region.new { out += "Region: \(diff.region.old) → \(diff.region.new) (\(Self.regionNote))\n" }
        if diff.vpcCidr.old != diff.vpcCidr.new { out += "VPC block: \(diff.vpcCidr.old) → \(diff.vpcCidr.new)\n" }

        out += "\nSubnets: " + Self.subnetVerdict(diff) + "\n"
        if let advice = Self.subnetAdvice(diff) { out += "  (\(advice))\n" }
        let subnetRows = diff.subnets.map { s -> [String] in
            let symbol = s.old == nil ? "+" : s.new == nil ? "-" : s.replacesExisting ? "-/+" : "~"
            return [symbol, s.key.label, s.kind, Self.cidr(s.old), Self.cidr(s.new)]
        }
        out += table(subnetRows)

        out += "\nOptions: " + Self.optionVerdict(diff) + "\n"
        for option in Self.ordered(diff) {
            let symbol = option.kind == .added ? "+" : option.kind == .removed ? "-" : "~"
            out += "  \(symbol) \(option.id)\n"
            if option.pathChanged, let old = option.old, let new = option.new {
                out += "      path: \(old.path)\n         → \(new.path)\n"
            }
            for fact in Self.optionFacts(option) { out += "      \(fact)\n" }
        }

        let priced = Self.ordered(diff).filter { $0.old?.total != $0.new?.total || !$0.lines.isEmpty }
        out += "\nCosts (a month): " + (priced.isEmpty ? "no option's cost changes" : "\(priced.count) option\(priced.count == 1 ? "" : "s") change") + "\n"
        if !priced.isEmpty {
            out += TextTable(header: ["option", "before", "after", "difference"], rows: priced.map {
                [$0.id, Self.total($0.old), Self.total($0.new), $0.difference.map(Self.signed) ?? "—"]
            }, rightAligned: [1, 2, 3]).render(indent: "  ")
            for option in priced where !option.lines.isEmpty && option.kind == .changed {
                out += "  \(option.id):\n"
                for line in option.lines { out += "      \(line.key.label): \(Self.change(line))\n" }
            }
        }

        out += "\n" + Self.stackVerdict(diff) + "\n"
        for stack in diff.stacks ?? [] {
            out += "  \(stack.path)" + (stack.kind == .changed ? "" : " (\(stack.kind == .added ? "new stack" : "stack removed"))") + "\n"
            out += table(stack.resources.map { [$0.action.symbol, $0.id, $0.type, Self.resourceDetail($0)] }, indent: "    ")
        }
        return out
    }

    /// Rows padded into columns, without a header.
    private func table(_ rows: [[String]], indent: String = "  ") -> String {
        TextTable(header: [], rows: rows).render(indent: indent)
    }

    /// `text` painted for a terminal as Terraform paints a plan: + green, - red, ~ yellow, -/+
    /// magenta at the start of a line, section names bold. Give it text already made safe for a
    /// terminal: the escapes it adds are the only ones the result may hold.
    public static func coloured(_ text: String) -> String {
        let sections = ["Subnets:", "Options:", "Costs ", "Stacks:", "Region:", "VPC block:"]
        let headlines = ["Monthly cost of the recommended option", "Recommended option:", "No option is recommended"]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if headlines.contains(where: { line.hasPrefix($0) }) { return "\u{1B}[1m\(line)\u{1B}[0m" }
            if let section = sections.first(where: { line.hasPrefix($0) }) {
                return "\u{1B}[1m\(section)\u{1B}[0m" + line.dropFirst(section.count)
            }
            let body = line.drop { $0 == " " }
            let indent = line.prefix(line.count - body.count)
            for (symbol, code) in [("-/+ ", "35"), ("+ ", "32"), ("- ", "31"), ("~ ", "33")] where body.hasPrefix(symbol) {
                return indent + "\u{1B}[\(code)m\(symbol.dropLast())\u{1B}[0m " + body.dropFirst(symbol.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
