import EdgePlanCore
import Foundation

extension DiffRenderer {
    /// The marker a CI job looks for to update its earlier comment instead of adding another:
    /// one per design, so a pull request that changes two designs keeps two comments.
    public static func marker(_ diff: PlanDiff) -> String {
        "<!-- edgeplan-diff: \(commentSafe(diff.design.new)) -->"
    }

    /// A pull-request comment (GitHub-flavoured Markdown): the headline, one line per section,
    /// then each section in a collapsed `<details>`.
    public func markdown(_ diff: PlanDiff) -> String {
        var out = Self.marker(diff) + "\n"
        out += "### edgeplan diff: \(Self.code(diff.design.new))" + (diff.design.old == diff.design.new ? "" : " (was \(Self.code(diff.design.old)))") + "\n\n"
        guard !diff.isEmpty else { return out + "No changes: the two plans make the same subnets, options, costs and stacks.\n" }
        out += "**\(Self.escaped(Self.headline(diff)))**\n\n"
        if diff.region.old != diff.region.new { out += "- **Region:** \(Self.code(diff.region.old)) → \(Self.code(diff.region.new)) (\(Self.regionNote))\n" }
        if diff.vpcCidr.old != diff.vpcCidr.new { out += "- **VPC block:** \(Self.code(diff.vpcCidr.old)) → \(Self.code(diff.vpcCidr.new))\n" }
        out += "- **Subnets:** \(Self.escaped(Self.subnetVerdict(diff)))" + (Self.subnetAdvice(diff).map { " (\(Self.escaped($0)))" } ?? "") + "\n"
        out += "- **Options:** \(Self.escaped(Self.optionVerdict(diff)))\n"
        out += "- **\(Self.escaped(Self.stackVerdict(diff)))**\n"

        if !diff.subnets.isEmpty {
            out += details("Subnets (\(diff.subnets.count) change\(diff.subnets.count == 1 ? "" : "s"))",
                           table(["change", "AZ", "role", "old CIDR", "new CIDR", "replaces a subnet"], diff.subnets.map {
                               [$0.kind, $0.key.az, $0.key.role + ($0.key.ordinal > 0 ? " #\($0.key.ordinal + 1)" : ""), Self.cidr($0.old), Self.cidr($0.new), $0.replacesExisting ? "yes" : ""]
                           }))
        }
        if !diff.options.isEmpty {
            var body = ""
            for option in Self.ordered(diff) {
                body += "#### \(Self.code(option.id)): \(option.kind.rawValue)\n\n"
                if option.pathChanged, let old = option.old, let new = option.new {
                    body += "- Path was: \(Self.escaped(old.path))\n- Path now: \(Self.escaped(new.path))\n"
                } else if let only = option.new ?? option.old, option.kind != .changed {
                    body += "- Path: \(Self.escaped(only.path))\n"
                }
                for fact in Self.optionFacts(option) { body += "- \(Self.escaped(fact.prefix(1).uppercased() + fact.dropFirst()))\n" }
                body += "\n"
            }
            out += details("Options (\(diff.options.count) change\(diff.options.count == 1 ? "" : "s"))", body)
        }
        let priced = Self.ordered(diff).filter { $0.old?.total != $0.new?.total || !$0.lines.isEmpty }
        if !priced.isEmpty {
            var body = table(["option", "before", "after", "difference"], priced.map {
                [Self.code($0.id), Self.total($0.old), Self.total($0.new), $0.difference.map(Self.signed) ?? "—"]
            }, right: [1, 2, 3])
            for option in priced where !option.lines.isEmpty && option.kind == .changed {
                body += "\n\(Self.code(option.id)), the lines that change:\n\n"
                body += table(["line", "before", "after", "difference"], option.lines.map {
                    [Self.code($0.key.item) + " (\($0.key.component))", Self.line($0.old), Self.line($0.new), $0.difference.map(Self.signed) ?? "—"]
                }, right: [1, 2, 3])
            }
            out += details("Costs a month (\(priced.count) option\(priced.count == 1 ? "" : "s"))", body)
        }
        if let stacks = diff.stacks, !stacks.isEmpty {
            var body = ""
            for stack in stacks {
                body += "\(Self.code(stack.path))" + (stack.kind == .changed ? "" : stack.kind == .added ? ": new stack" : ": stack removed") + "\n\n```diff\n"
                for r in stack.resources {
                    let detail = Self.resourceDetail(r)
                    // GitHub's diff highlighting colours a line by its first character: a replacement reads as a removal.
                    body += "\(r.action.symbol) \(r.id) (\(r.type))" + (detail.isEmpty ? "" : ": \(detail)") + "\n"
                }
                body += "```\n\n"
            }
            out += details("Stacks (\(stacks.count) template\(stacks.count == 1 ? "" : "s"))", body)
        }
        return out
    }

    private func details(_ summary: String, _ body: String) -> String {
        var body = body
        while body.hasSuffix("\n") { body.removeLast() }
        return "\n<details><summary>\(Self.escaped(summary))</summary>\n\n\(body)\n\n</details>\n"
    }

    private func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        let rule = header.indices.map { right.contains($0) ? "---:" : "---" }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    }

    /// Text from a design (names, titles, paths) made inert in Markdown: no HTML, no emphasis, no links.
    static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!": out.append("\\"); out.append(c)
            case "\n": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }

    /// An identifier in backticks, longer fences when it holds one.
    static func code(_ s: String) -> String {
        let clean = s.replacingOccurrences(of: "\n", with: " ")
        return clean.contains("`") ? "`` \(clean) ``" : "`\(clean)`"
    }

    /// A design name inside an HTML comment: letters, digits, '.', '_' and single '-', so nothing ends it early.
    public static func commentSafe(_ s: String) -> String {
        var out = ""
        for c in s {
            let keep = c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || (c == "-" && out.last != "-"))
            out.append(keep ? c : "_")
        }
        return out
    }
}
