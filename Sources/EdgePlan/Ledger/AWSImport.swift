import EdgePlanCore
import Foundation
import Yams

/// Ranges in use in AWS, read from the JSON that `aws ec2 describe-vpcs` or
/// `aws ec2 describe-subnets` prints (bytes in, taken ranges out; the caller reads the file).
///
/// From `describe-vpcs`: each VPC's primary `CidrBlock` and every block of its
/// `CidrBlockAssociationSet` whose `CidrBlockState.State` is `associated` (blocks being
/// disassociated, or that failed, hold no addresses). From `describe-subnets`: each subnet's
/// `CidrBlock` (IPv6-only subnets have none and are skipped). Other fields are ignored, so output
/// from newer CLI versions reads too.
public struct AWSImport: Sendable {
    public enum Kind: String, Sendable, Equatable {
        case vpcs = "describe-vpcs"
        case subnets = "describe-subnets"
    }

    public struct Result: Sendable, Equatable {
        public var kind: Kind
        /// In file order, one per CIDR block found (a VPC's primary block once).
        public var ranges: [Ledger.TakenRange]
        /// Blocks seen and left out on purpose, as notes.
        public var skipped: [Diagnostic]
    }

    public init() {}

    public func read(_ data: Data, file: String) throws(DiagnosticError) -> Result {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([.error("", "the file is not UTF-8 text: expected the JSON that `aws ec2 describe-vpcs` prints", at: top)])
        }
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw DiagnosticError([AWSImport.syntaxError(text, file: file)])
        }
        if let deep = DesignParser.tooDeep(text, file: file) {
            throw DiagnosticError([.error("", "the file nests far deeper than `aws ec2 describe-vpcs` output does", at: deep.location)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw DiagnosticError([.error("", "the JSON could not be read", at: top)])
        }
        var r = YAMLReader(file: file)
        guard let root, case .mapping(let mapping) = root else {
            throw DiagnosticError([.error("", "expected the output of `aws ec2 describe-vpcs` or `aws ec2 describe-subnets` (an object with \"Vpcs\" or \"Subnets\")", at: top)])
        }
        var result: Result
        if let vpcs = mapping["Vpcs"] {
            result = Result(kind: .vpcs, ranges: [], skipped: [])
            for (i, vpc) in (r.sequence(vpcs, path: "Vpcs", what: "a list of VPCs") ?? []).enumerated() {
                readVPC(vpc, path: "Vpcs[\(i)]", into: &result, &r)
            }
        } else if let subnets = mapping["Subnets"] {
            result = Result(kind: .subnets, ranges: [], skipped: [])
            for (i, subnet) in (r.sequence(subnets, path: "Subnets", what: "a list of subnets") ?? []).enumerated() {
                readSubnet(subnet, path: "Subnets[\(i)]", into: &result, &r)
            }
        } else {
            throw DiagnosticError([.error("", "expected the output of `aws ec2 describe-vpcs` or `aws ec2 describe-subnets`: the object has neither \"Vpcs\" nor \"Subnets\"", at: r.location(root))])
        }
        guard !r.diagnostics.hasErrors else { throw DiagnosticError(r.diagnostics) }
        return result
    }

    private func readVPC(_ node: Node, path: String, into result: inout Result, _ r: inout YAMLReader) {
        guard case .mapping(let vpc) = node else {
            r.error(path, "expected a VPC (an object with VpcId and CidrBlock), got \(r.describe(node))", at: node)
            return
        }
        guard let id = field(vpc, "VpcId", path: path, parent: node, &r) else { return }
        let owner = optionalText(vpc, "OwnerId", path: path, &r)
        let name = AWSImport.nameTag(vpc["Tags"])
        let source = owner.map { "\(id) (account \($0))" } ?? id
        var seen: Set<IPv4Prefix> = []
        if let primary = field(vpc, "CidrBlock", path: path, parent: node, &r).flatMap({ prefix($0, path: "\(path).CidrBlock", at: vpc["CidrBlock"]!, &r) }) {
            seen.insert(primary)
            result.ranges.append(Ledger.TakenRange(cidr: primary, source: source, note: name.map { "Name=\($0)" }))
        }
        guard let set = vpc["CidrBlockAssociationSet"] else { return }
        for (j, association) in (r.sequence(set, path: "\(path).CidrBlockAssociationSet", what: "a list of CIDR block associations") ?? []).enumerated() {
            let apath = "\(path).CidrBlockAssociationSet[\(j)]"
            guard case .mapping(let a) = association else {
                r.error(apath, "expected a CIDR block association, got \(r.describe(association))", at: association)
                continue
            }
            guard let text = field(a, "CidrBlock", path: apath, parent: association, &r),
                  let cidr = prefix(text, path: "\(apath).CidrBlock", at: a["CidrBlock"]!, &r)
            else { continue }
            var state: String?
            if let stateNode = a["CidrBlockState"], case .mapping(let s) = stateNode {
                state = optionalText(s, "State", path: "\(apath).CidrBlockState", &r)
            }
            guard state == "associated" else {
                result.skipped.append(Diagnostic(.note, "\(apath)", "\(cidr) of \(id) is \(state.map { "'\($0)'" } ?? "in no state"), not associated: not imported", at: r.location(association)))
                continue
            }
            guard seen.insert(cidr).inserted else { continue }
            let note = ["secondary block"] + (name.map { ["Name=\($0)"] } ?? [])
            result.ranges.append(Ledger.TakenRange(cidr: cidr, source: source, note: note.joined(separator: "; ")))
        }
    }

    private func readSubnet(_ node: Node, path: String, into result: inout Result, _ r: inout YAMLReader) {
        guard case .mapping(let subnet) = node else {
            r.error(path, "expected a subnet (an object with SubnetId and CidrBlock), got \(r.describe(node))", at: node)
            return
        }
        guard let id = field(subnet, "SubnetId", path: path, parent: node, &r) else { return }
        guard let cidrNode = subnet["CidrBlock"] else {
            result.skipped.append(Diagnostic(.note, path, "\(id) has no IPv4 CidrBlock (an IPv6-only subnet): not imported", at: r.location(node)))
            return
        }
        guard let text = r.string(cidrNode, path: "\(path).CidrBlock"), let cidr = prefix(text, path: "\(path).CidrBlock", at: cidrNode, &r) else { return }
        let vpc = optionalText(subnet, "VpcId", path: path, &r)
        let owner = optionalText(subnet, "OwnerId", path: path, &r)
        var source = id
        if let vpc { source += " in \(vpc)" }
        if let owner { source += " (account \(owner))" }
        let az = optionalText(subnet, "AvailabilityZone", path: path, &r)
        let note = (az.map { [$0] } ?? []) + (AWSImport.nameTag(subnet["Tags"]).map { ["Name=\($0)"] } ?? [])
        result.ranges.append(Ledger.TakenRange(cidr: cidr, source: source, note: note.isEmpty ? nil : note.joined(separator: "; ")))
    }

    // MARK: - Values

    private func field(_ object: Node.Mapping, _ key: String, path: String, parent: Node, _ r: inout YAMLReader) -> String? {
        guard let node = object[key] else {
            r.error(join(path, key), "missing \"\(key)\": is this the unchanged output of `aws ec2 describe-vpcs` / `describe-subnets`?", at: parent)
            return nil
        }
        return r.string(node, path: join(path, key))
    }

    private func optionalText(_ object: Node.Mapping, _ key: String, path: String, _ r: inout YAMLReader) -> String? {
        object[key].flatMap { r.string($0, path: join(path, key)) }
    }

    private func prefix(_ text: String, path: String, at node: Node, _ r: inout YAMLReader) -> IPv4Prefix? {
        switch IPv4Prefix.parse(text) {
        case .success(let p): return p
        case .failure(let e):
            r.error(path, e.description, at: node)
            return nil
        }
    }

    /// The value of the `Name` tag in an AWS `Tags` list, if any.
    static func nameTag(_ tags: Node?) -> String? {
        guard let tags, case .sequence(let list) = tags else { return nil }
        for tag in list {
            guard case .mapping(let t) = tag, t["Key"]?.string == "Name", let value = t["Value"]?.string else { continue }
            return value
        }
        return nil
    }

    /// A located error for text that is not JSON: the first place where a JSON reader stops.
    static func syntaxError(_ text: String, file: String) -> Diagnostic {
        var scanner = JSONScanner(bytes: Array(text.utf8))
        let (offset, problem) = scanner.firstError() ?? (0, "not valid JSON")
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return .error("", "not valid JSON: \(problem); expected the unchanged output of `aws ec2 describe-vpcs` or `describe-subnets`", at: SourceLocation(file: file, line: line, column: column))
    }
}

/// Finds where JSON text stops being JSON, for the error's location (Foundation's reader says
/// that it failed, not where). Only used on text that has already failed to parse.
struct JSONScanner {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func firstError() -> (Int, String)? {
        do {
            skipSpace()
            try value()
            skipSpace()
            if i < bytes.count { return (i, "unexpected text after the end of the JSON value") }
            return nil
        } catch {
            return (error.offset, error.problem)
        }
    }

    struct Stop: Error {
        var offset: Int
        var problem: String
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private func stop(_ problem: String) -> Stop {
        Stop(offset: min(i, bytes.count), problem: i >= bytes.count ? "the file ends in the middle of a value (truncated?)" : problem)
    }

    private mutating func value() throws(Stop) {
        guard i < bytes.count else { throw stop("") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth < 512 else { throw stop("nested too deeply") }
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw stop("expected a quoted key") }
                try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw stop("expected ':' after a key") }
                i += 1; skipSpace()
                try value()
                skipSpace()
                guard i < bytes.count else { throw stop("") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
                throw stop("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            depth += 1
            guard depth < 512 else { throw stop("nested too deeply") }
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
            while true {
                skipSpace()
                try value()
                skipSpace()
                guard i < bytes.count else { throw stop("") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
                throw stop("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            i += 1
            while i < bytes.count, "0123456789.eE+-".utf8.contains(bytes[i]) { i += 1 }
        default:
            throw stop("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func string() throws(Stop) {
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): i += 1; return
            case UInt8(ascii: "\\"): i += 2
            case 0..<0x20: throw stop("a control character inside a string")
            default: i += 1
            }
        }
        throw stop("")
    }

    private mutating func word(_ w: String) throws(Stop) {
        for c in w.utf8 {
            guard i < bytes.count, bytes[i] == c else { throw stop("expected '\(w)'") }
            i += 1
        }
    }
}
