import EdgePlanCore
import Foundation

/// An HCL expression as the Terraform emitter writes it. Values render the way `terraform fmt`
/// leaves them: two-space indents, lists of scalars on one line, objects one key a line.
indirect enum HCLValue: Sendable {
    /// A quoted string, escaped (`${` and `%{` doubled, so it is never read as a template).
    case string(String)
    /// A quoted template: text and `${…}` interpolations of expressions.
    case template([HCLTemplatePart])
    /// An expression written as it is: `var.x`, `aws_vpc.vpc.id`, `true`, `30`, `null`.
    case raw(String)
    case list([HCLValue])
    case object([(String, HCLValue)])
    /// A function call: `jsonencode({…})`, `join(",", […])`.
    case call(String, [HCLValue])
    /// A multi-line string as an indented heredoc (`<<-EOT`).
    case heredoc(String)

    static let null = HCLValue.raw("null")
    static func bool(_ b: Bool) -> HCLValue { .raw(b ? "true" : "false") }
    static func int(_ i: Int) -> HCLValue { .raw(String(i)) }

    /// A template that is one interpolation and nothing else is the expression itself (as `terraform fmt` rewrites it).
    static func template(_ parts: [HCLTemplatePart], simplify: Bool) -> HCLValue {
        if simplify, parts.count == 1, case .interpolation(let e) = parts[0] { return .raw(e) }
        if parts.allSatisfy({ if case .text = $0 { true } else { false } }) {
            return .string(parts.map { if case .text(let t) = $0 { t } else { "" } }.joined())
        }
        return .template(parts)
    }

    var isHeredoc: Bool { if case .heredoc = self { true } else { false } }

    /// The expression on one line, for use inside another (an interpolation, an index, a condition).
    var inline: String { render(indent: 0) }

    func render(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .string(let s): return HCLWriter.quoted(s)
        case .template(let parts):
            return "\"" + parts.map { part -> String in
                switch part {
                case .text(let t): return HCLWriter.escaped(t)
                case .interpolation(let e): return "${\(e)}"
                }
            }.joined() + "\""
        case .raw(let e): return e
        case .list(let items):
            if items.isEmpty { return "[]" }
            let rendered = items.map { $0.render(indent: indent + 2) }
            if !rendered.contains(where: { $0.contains("\n") }) && items.allSatisfy(\.isScalar) {
                return "[" + rendered.joined(separator: ", ") + "]"
            }
            return "[\n" + rendered.map { "\(pad)  \($0),\n" }.joined() + "\(pad)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let lines = HCLWriter.aligned(fields.map { (HCLWriter.key($0.0), $0.1) }, indent: indent + 2)
            return "{\n" + lines + "\(pad)}"
        case .call(let name, let args):
            // A heredoc's closing marker stands alone on its line, so the parenthesis goes on the next.
            let close = args.last?.isHeredoc == true ? "\n\(pad))" : ")"
            return "\(name)(" + args.map { $0.render(indent: indent) }.joined(separator: ", ") + close
        case .heredoc(let text):
            let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = (body.last == "" ? body.dropLast() : body[...]).map { $0.isEmpty ? "" : "\(pad)  \(HCLWriter.escapedTemplateMarkers(String($0)))" }
            return "<<-EOT\n" + lines.map { $0 + "\n" }.joined() + "\(pad)EOT"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .string, .template, .raw: return true
        case .list, .object, .call, .heredoc: return false
        }
    }
}

enum HCLTemplatePart: Sendable {
    case text(String)
    case interpolation(String)
}

/// A block: `resource "aws_vpc" "vpc" { … }`.
struct HCLBlock: Sendable {
    var type: String
    var labels: [String]
    var items: [HCLItem]

    init(_ type: String, _ labels: [String] = [], _ items: [HCLItem]) {
        self.type = type
        self.labels = labels
        self.items = items
    }
}

enum HCLItem: Sendable {
    case attribute(String, HCLValue)
    case block(HCLBlock)
    case comment(String)
    case blank
}

/// Writes HCL the way `terraform fmt` formats it, so `terraform fmt -check` leaves every file as it
/// is: the equals signs of consecutive one-line attributes (a heredoc counts as one line) aligned,
/// and a multi-line value, a nested block, a comment or a blank line ending the run.
enum HCLWriter {
    static func file(_ blocks: [HCLBlock]) -> String {
        blocks.map { block($0, indent: 0) }.joined(separator: "\n")
    }

    static func block(_ b: HCLBlock, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let head = ([b.type] + b.labels.map(quoted)).joined(separator: " ")
        if b.items.isEmpty { return "\(pad)\(head) {}\n" }
        return "\(pad)\(head) {\n" + body(b.items, indent: indent + 2) + "\(pad)}\n"
    }

    static func body(_ items: [HCLItem], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        var run: [(String, HCLValue)] = []
        func flush() {
            if !run.isEmpty { out += aligned(run, indent: indent) }
            run = []
        }
        for item in items {
            switch item {
            case .attribute(let name, let value): run.append((name, value))
            case .block(let b):
                flush()
                out += block(b, indent: indent)
            case .comment(let text):
                flush()
                out += "\(pad)#\(text)\n"
            case .blank:
                flush()
                out += "\n"
            }
        }
        flush()
        return out
    }

    /// `key = value` lines; keys of consecutive one-line values padded to the longest.
    static func aligned(_ pairs: [(String, HCLValue)], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let rendered = pairs.map { ($0.0, $0.1.render(indent: indent), $0.1.isHeredoc) }
        var out = ""
        var i = 0
        while i < rendered.count {
            var j = i
            while j < rendered.count, rendered[j].2 || !rendered[j].1.contains("\n") { j += 1 }
            if j == i {
                out += "\(pad)\(rendered[i].0) = \(rendered[i].1)\n"
                i += 1
                continue
            }
            let width = rendered[i..<j].map(\.0.count).max() ?? 0
            for (k, v, _) in rendered[i..<j] {
                out += "\(pad)\(k)\(String(repeating: " ", count: width - k.count)) = \(v)\n"
            }
            i = j
        }
        return out
    }

    static func quoted(_ s: String) -> String { "\"" + escaped(s) + "\"" }

    /// String-literal escaping: backslash, quote and control characters, and the template markers.
    static func escaped(_ s: String) -> String {
        // Most strings have nothing to escape: no backslash, quote, control character or marker.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "%") }) {
            return s
        }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return escapedTemplateMarkers(out)
    }

    static func escapedTemplateMarkers(_ s: String) -> String {
        s.replacingBytes("${", with: "$${").replacingBytes("%{", with: "%%{")
    }

    /// An object key: bare when it is an identifier, quoted otherwise.
    static func key(_ k: String) -> String {
        let identifier = k.first.map { $0.isLetter || $0 == "_" } == true
            && k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return identifier ? k : quoted(k)
    }
}
