import EdgePlanCore
import Foundation

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

    /// The tag the emitted network stack sets on its VPC, naming the ledger environment whose
    /// block it uses: how `cidr import` tells an environment's own VPC from a stranger's.
    public static let envTagKey = "edgeplan:env"

    /// A block in use in AWS, and who uses it.
    public struct Block: Sendable, Equatable {
        public var range: Ledger.TakenRange
        /// The VPC the block belongs to: the VPC's own id, or a subnet's `VpcId`.
        public var vpc: String?
        /// The VPC's `edgeplan:env` tag (describe-vpcs only).
        public var envTag: String?
        /// Where the block's CIDR sits in the file: its path (`Vpcs[0].CidrBlock`) and place.
        public var path: String
        public var location: SourceLocation?

        public init(range: Ledger.TakenRange, vpc: String? = nil, envTag: String? = nil, path: String = "", location: SourceLocation? = nil) {
            self.range = range
            self.vpc = vpc
            self.envTag = envTag
            self.path = path
            self.location = location
        }
    }

    public struct Result: Sendable, Equatable {
        public var kind: Kind
        /// In file order, one per CIDR block found (a VPC's primary block once).
        public var blocks: [Block]
        /// Blocks seen and left out on purpose, as notes.
        public var skipped: [Diagnostic]

        public var ranges: [Ledger.TakenRange] { blocks.map(\.range) }
    }

    /// The largest describe-vpcs or describe-subnets output read: about 30,000 subnets (each
    /// about 1 KB as the AWS CLI prints it). More is split with `--filters` or per Region.
    public static let maxBytes = 32 << 20

    public init() {}

    /// Reads the JSON with edgeplan's one JSON reader (`JSONValue`), which places every problem at
    /// its line and column and reads every string escape JSON allows (`\ud83d\ude00` too).
    public func read(_ data: Data, file: String) throws(DiagnosticError) -> Result {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= AWSImport.maxBytes else {
            throw DiagnosticError([.error("", "the file is \(grouped(data.count)) bytes; edgeplan reads at most \(grouped(AWSImport.maxBytes)) bytes of `aws ec2 describe-vpcs` or `describe-subnets` output: split it with --filters (for example Name=vpc-id) or per Region", at: top)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([.error("", "the file is not UTF-8 text: expected the JSON that `aws ec2 describe-vpcs` prints", at: top)])
        }
        let document: JSONValue.Located
        do {
            document = try JSONValue.parseLocated(text)
        } catch {
            throw DiagnosticError([.error("", "not valid JSON: \(error.message); expected the unchanged output of `aws ec2 describe-vpcs` or `describe-subnets`",
                                          at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        var r = Reader(file: file, document: document)
        guard case .object = document.value else {
            throw DiagnosticError([.error("", "expected the output of `aws ec2 describe-vpcs` or `aws ec2 describe-subnets` (an object with \"Vpcs\" or \"Subnets\")", at: top)])
        }
        var result: Result
        if let vpcs = document.value["Vpcs"] {
            result = Result(kind: .vpcs, blocks: [], skipped: [])
            for (i, vpc) in (r.list(vpcs, path: "Vpcs", what: "a list of VPCs") ?? []).enumerated() {
                readVPC(vpc, path: "Vpcs[\(i)]", into: &result, &r)
            }
        } else if let subnets = document.value["Subnets"] {
            result = Result(kind: .subnets, blocks: [], skipped: [])
            for (i, subnet) in (r.list(subnets, path: "Subnets", what: "a list of subnets") ?? []).enumerated() {
                readSubnet(subnet, path: "Subnets[\(i)]", into: &result, &r)
            }
        } else {
            throw DiagnosticError([.error("", "expected the output of `aws ec2 describe-vpcs` or `aws ec2 describe-subnets`: the object has neither \"Vpcs\" nor \"Subnets\"", at: top)])
        }
        guard !r.diagnostics.hasErrors else { throw DiagnosticError(r.diagnostics) }
        return result
    }

    private func readVPC(_ vpc: JSONValue, path: String, into result: inout Result, _ r: inout Reader) {
        guard case .object = vpc else {
            r.error(path, "expected a VPC (an object with VpcId and CidrBlock), got \(Reader.describe(vpc))")
            return
        }
        guard let id = r.required(vpc, "VpcId", path: path) else { return }
        let owner = r.optional(vpc, "OwnerId", path: path)
        let name = AWSImport.nameTag(vpc["Tags"])
        let env = AWSImport.tag(AWSImport.envTagKey, in: vpc["Tags"])
        let source = owner.map { "\(id) (account \($0))" } ?? id
        func block(_ cidr: IPv4Prefix, note: String?, at cidrPath: String) -> Block {
            Block(range: Ledger.TakenRange(cidr: cidr, source: source, note: note), vpc: id, envTag: env, path: cidrPath, location: r.location(cidrPath))
        }
        var seen: Set<IPv4Prefix> = []
        if let primary = r.required(vpc, "CidrBlock", path: path).flatMap({ r.prefix($0, path: "\(path).CidrBlock") }) {
            seen.insert(primary)
            result.blocks.append(block(primary, note: name.map { "Name=\($0)" }, at: "\(path).CidrBlock"))
        }
        guard let set = vpc["CidrBlockAssociationSet"] else { return }
        for (j, association) in (r.list(set, path: "\(path).CidrBlockAssociationSet", what: "a list of CIDR block associations") ?? []).enumerated() {
            let apath = "\(path).CidrBlockAssociationSet[\(j)]"
            guard case .object = association else {
                r.error(apath, "expected a CIDR block association, got \(Reader.describe(association))")
                continue
            }
            guard let cidr = r.required(association, "CidrBlock", path: apath).flatMap({ r.prefix($0, path: "\(apath).CidrBlock") }) else { continue }
            var state: String?
            if let stateObject = association["CidrBlockState"], case .object = stateObject {
                state = r.optional(stateObject, "State", path: "\(apath).CidrBlockState")
            }
            guard state == "associated" else {
                result.skipped.append(Diagnostic(.note, apath, "\(cidr) of \(id) is \(state.map { "'\($0)'" } ?? "in no state"), not associated: not imported", at: r.location("\(apath).CidrBlock")))
                continue
            }
            guard seen.insert(cidr).inserted else { continue }
            let note = ["secondary block"] + (name.map { ["Name=\($0)"] } ?? [])
            result.blocks.append(block(cidr, note: note.joined(separator: "; "), at: "\(apath).CidrBlock"))
        }
    }

    private func readSubnet(_ subnet: JSONValue, path: String, into result: inout Result, _ r: inout Reader) {
        guard case .object = subnet else {
            r.error(path, "expected a subnet (an object with SubnetId and CidrBlock), got \(Reader.describe(subnet))")
            return
        }
        guard let id = r.required(subnet, "SubnetId", path: path) else { return }
        guard subnet["CidrBlock"] != nil else {
            result.skipped.append(Diagnostic(.note, path, "\(id) has no IPv4 CidrBlock (an IPv6-only subnet): not imported", at: r.location(path)))
            return
        }
        guard let cidr = r.required(subnet, "CidrBlock", path: path).flatMap({ r.prefix($0, path: "\(path).CidrBlock") }) else { return }
        let vpc = r.optional(subnet, "VpcId", path: path)
        let owner = r.optional(subnet, "OwnerId", path: path)
        var source = id
        if let vpc { source += " in \(vpc)" }
        if let owner { source += " (account \(owner))" }
        let az = r.optional(subnet, "AvailabilityZone", path: path)
        let note = (az.map { [$0] } ?? []) + (AWSImport.nameTag(subnet["Tags"]).map { ["Name=\($0)"] } ?? [])
        result.blocks.append(Block(range: Ledger.TakenRange(cidr: cidr, source: source, note: note.isEmpty ? nil : note.joined(separator: "; ")),
                                   vpc: vpc, path: "\(path).CidrBlock", location: r.location("\(path).CidrBlock")))
    }

    /// The value of the tag `key` in an AWS `Tags` list (`[{"Key": …, "Value": …}]`), if any.
    static func tag(_ key: String, in tags: JSONValue?) -> String? {
        for tag in tags?.arrayItems ?? [] where tag["Key"]?.stringValue == key {
            if let value = tag["Value"]?.stringValue { return value }
        }
        return nil
    }

    /// The value of the `Name` tag in an AWS `Tags` list, if any.
    static func nameTag(_ tags: JSONValue?) -> String? { tag("Name", in: tags) }

    /// Typed fields out of the parsed document, each problem located at its value.
    private struct Reader {
        let file: String
        let document: JSONValue.Located
        var diagnostics: [Diagnostic] = []

        func location(_ path: String) -> SourceLocation {
            let (line, column) = document.position(of: path)
            return SourceLocation(file: file, line: line, column: column)
        }

        mutating func error(_ path: String, _ message: String) {
            diagnostics.append(.error(path, message, at: location(path)))
        }

        static func describe(_ value: JSONValue) -> String {
            switch value {
            case .object: return "an object"
            case .array: return "a list"
            case .string(let s): return "the text \"\(s)\""
            case .int(let n): return "the number \(n)"
            case .bool(let b): return "\(b)"
            case .null: return "null"
            }
        }

        mutating func list(_ value: JSONValue, path: String, what: String) -> [JSONValue]? {
            guard case .array(let items) = value else {
                error(path, "expected \(what), got \(Reader.describe(value))")
                return nil
            }
            return items
        }

        /// Text at `object[key]`; an error (at the object) when it is missing.
        mutating func required(_ object: JSONValue, _ key: String, path: String) -> String? {
            guard object[key] != nil else {
                error(join(path, key), "missing \"\(key)\": is this the unchanged output of `aws ec2 describe-vpcs` / `describe-subnets`?")
                return nil
            }
            return optional(object, key, path: path)
        }

        mutating func optional(_ object: JSONValue, _ key: String, path: String) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let s) = value else {
                error(join(path, key), "expected text, got \(Reader.describe(value))")
                return nil
            }
            return s
        }

        mutating func prefix(_ text: String, path: String) -> IPv4Prefix? {
            switch IPv4Prefix.parse(text) {
            case .success(let p): return p
            case .failure(let e):
                error(path, e.description)
                return nil
            }
        }
    }
}
