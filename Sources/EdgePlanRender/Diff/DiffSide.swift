import EdgePlanCore
import Foundation

/// One side of `edgeplan diff`: what a plan says, read from the plan.json edgeplan writes, with
/// the CloudFormation templates emitted beside it.
///
/// A design is compared by planning it and reading the plan.json of that plan, so a design and
/// the plan.json committed from it make the same side, and `diff` has one reader.
public struct DiffSide: Sendable, Equatable {
    /// A subnet, named by what it is for rather than by its name: its role, its AZ, and its place
    /// among the subnets of that role in that AZ.
    public struct SubnetKey: Hashable, Comparable, Sendable {
        /// The zone's name (us-east-1a) or its ID (use1-az1), as the design gives them.
        public var az: String
        public var role: String
        public var ordinal: Int

        public static func < (a: SubnetKey, b: SubnetKey) -> Bool {
            (a.az, a.role, a.ordinal) < (b.az, b.role, b.ordinal)
        }

        /// "eu-west-1a private", with "#2" for the second of a role in one AZ.
        public var label: String { "\(az) \(role)" + (ordinal > 0 ? " #\(ordinal + 1)" : "") }
    }

    public struct Subnet: Sendable, Equatable {
        public var key: SubnetKey
        public var name: String
        public var cidr: IPv4Prefix
    }

    public struct Caveat: Sendable, Equatable {
        public var severity: EdgePlanCore.Caveat.Severity
        public var title: String

        public init(severity: EdgePlanCore.Caveat.Severity, title: String) {
            (self.severity, self.title) = (severity, title)
        }
    }

    /// A cost line, named by the price it uses and what it is charged for; the ordinal tells apart
    /// two lines of one item in one component (inter-AZ transfer on two hops).
    public struct CostLineKey: Hashable, Comparable, Sendable {
        public var component: String
        public var item: String
        public var ordinal: Int

        public static func < (a: CostLineKey, b: CostLineKey) -> Bool {
            (a.component, a.item, a.ordinal) < (b.component, b.item, b.ordinal)
        }

        public var label: String { "\(item) (\(component))" + (ordinal > 0 ? " #\(ordinal + 1)" : "") }
    }

    public struct CostLine: Sendable, Equatable {
        public var quantity: String
        public var unit: String
        /// Nil for a line the price file has no price for (plan.json's `unpriced`).
        public var amount: Decimal?
    }

    public struct Option: Sendable, Equatable {
        public var id: String
        public var path: String
        /// Each stated need and whether the option meets it.
        public var meets: [String: Bool]
        public var caveats: [String: Caveat]
        /// The sum of the priced lines; nil when the option is not priced at all (no price file).
        public var total: Decimal?
        public var lines: [CostLineKey: CostLine]

        /// Lines without a price: the total leaves them out.
        public var unpriced: Int { lines.values.filter { $0.amount == nil }.count }
    }

    public struct Resource: Sendable, Equatable {
        public var type: String
        /// The resource's whole definition: `Type`, `Properties`, `DependsOn`, `Condition` ….
        public var body: JSONValue
    }

    public var design: String
    public var region: String
    public var vpcCidr: String
    public var subnets: [SubnetKey: Subnet]
    /// In the plan's order.
    public var options: [Option]
    public var recommendation: String?
    /// Each CloudFormation template by its path in an output folder ("cloudformation/network.json"),
    /// with its resources by logical id; nil when the side has no templates to compare (a plan.json
    /// without the folder `plan --out` writes around it).
    public var stacks: [String: [String: Resource]]?

    public struct ReadError: Error, Sendable, Equatable {
        /// The JSON path of the value that is wrong, as `JSONValue.Located.position(of:)` takes it.
        public var path: String
        public var message: String
    }

    /// Reads a plan.json (`plan`) and the templates emitted with it (`templates`: path → parsed
    /// JSON; files without a `Resources` object, such as stack policies, are skipped).
    public init(plan: JSONValue, templates: [String: JSONValue]?) throws(ReadError) {
        guard case .int(1) = plan["schemaVersion"] ?? .null else {
            throw ReadError(path: "schemaVersion", message: "not a plan.json edgeplan writes: it has no schemaVersion 1")
        }
        design = try Self.string(plan, "design", "name")
        region = try Self.string(plan, "design", "region")
        vpcCidr = try Self.string(plan, "vpc", "cidr")
        subnets = [:]
        for (i, subnet) in (plan["subnets"]?.arrayItems ?? []).enumerated() {
            let here = "subnets[\(i)]"
            // A design names its zones or their IDs (azKind); either names the subnet's place.
            let az = try Self.string(subnet, subnet["azId"] != nil ? "azId" : "az", at: here), role = try Self.string(subnet, "role", at: here)
            let text = try Self.string(subnet, "cidr", at: here)
            guard case .success(let cidr) = IPv4Prefix.parse(text) else {
                throw ReadError(path: "\(here).cidr", message: "\(text) is not an IPv4 CIDR block")
            }
            var key = SubnetKey(az: az, role: role, ordinal: 0)
            while subnets[key] != nil { key.ordinal += 1 }
            subnets[key] = Subnet(key: key, name: try Self.string(subnet, "name", at: here), cidr: cidr)
        }
        options = try (plan["options"]?.arrayItems ?? []).enumerated().map { (i, option) throws(ReadError) in
            try Self.option(option, at: "options[\(i)]")
        }
        recommendation = plan["recommendation"]?["option"]?.stringValue
        guard let templates else { stacks = nil; return }
        var stacks: [String: [String: Resource]] = [:]
        for (path, template) in templates {
            guard case .object(let resources) = template["Resources"] ?? .null else { continue }
            var byId: [String: Resource] = [:]
            for (id, body) in resources {
                byId[id] = Resource(type: body["Type"]?.stringValue ?? "", body: body)
            }
            stacks[path] = byId
        }
        self.stacks = stacks
    }

    private static func option(_ o: JSONValue, at here: String) throws(ReadError) -> Option {
        var meets: [String: Bool] = [:]
        for (need, verdict) in o["meets"]?.fields ?? [] {
            if case .bool(let met) = verdict["met"] ?? .null { meets[need] = met }
        }
        var caveats: [String: Caveat] = [:]
        for (i, c) in (o["caveats"]?.arrayItems ?? []).enumerated() {
            let at = "\(here).caveats[\(i)]"
            let severity = try string(c, "severity", at: at)
            guard let graded = EdgePlanCore.Caveat.Severity(rawValue: severity) else {
                throw ReadError(path: "\(at).severity", message: "\(severity) is not a severity (critical, warning or info)")
            }
            caveats[try string(c, "id", at: at)] = Caveat(severity: graded, title: c["title"]?.stringValue ?? "")
        }
        var total: Decimal?
        var lines: [CostLineKey: CostLine] = [:]
        if let cost = o["monthlyCost"], cost != .null {
            total = try money(cost["total"], at: "\(here).monthlyCost.total")
            for (i, line) in (cost["lines"]?.arrayItems ?? []).enumerated() {
                let at = "\(here).monthlyCost.lines[\(i)]"
                var key = CostLineKey(component: try string(line, "component", at: at), item: try string(line, "item", at: at), ordinal: 0)
                while lines[key] != nil { key.ordinal += 1 }
                guard let amount = try money(line["amount"], at: "\(at).amount") else {
                    throw ReadError(path: "\(at).amount", message: "a cost line needs an amount")
                }
                lines[key] = CostLine(quantity: line["quantity"]?.stringValue ?? "", unit: line["unit"]?.stringValue ?? "", amount: amount)
            }
            for (i, line) in (cost["unpriced"]?.arrayItems ?? []).enumerated() {
                let at = "\(here).monthlyCost.unpriced[\(i)]"
                var key = CostLineKey(component: try string(line, "component", at: at), item: try string(line, "item", at: at), ordinal: 0)
                while lines[key] != nil { key.ordinal += 1 }
                lines[key] = CostLine(quantity: line["quantity"]?.stringValue ?? "", unit: line["unit"]?.stringValue ?? "", amount: nil)
            }
        }
        return Option(id: try string(o, "id", at: here), path: o["path"]?.stringValue ?? "", meets: meets, caveats: caveats, total: total, lines: lines)
    }

    /// An amount of money as plan.json writes it: a decimal string, "-" first when negative.
    private static func money(_ value: JSONValue?, at path: String) throws(ReadError) -> Decimal? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue else { throw ReadError(path: path, message: "an amount is a decimal string such as \"403.24\"") }
        let negative = text.hasPrefix("-")
        guard let magnitude = Decimal(plainText: negative ? text.dropFirst() : Substring(text)) else {
            throw ReadError(path: path, message: "\(text) is not a decimal amount such as \"403.24\"")
        }
        return negative ? -magnitude : magnitude
    }

    private static func string(_ value: JSONValue, _ keys: String..., at base: String = "") throws(ReadError) -> String {
        var here = value
        var path = base
        for key in keys {
            path = path.isEmpty ? key : "\(path).\(key)"
            guard let next = here[key] else { throw ReadError(path: path, message: "missing: a plan.json edgeplan writes has it") }
            here = next
        }
        guard let text = here.stringValue else { throw ReadError(path: path, message: "expected a string") }
        return text
    }
}

extension DiffSide {
    /// A plan as `plan --out` would write it: its plan.json, and the templates of the options
    /// `emit` would write. Options that take a risk the design has not accepted are refused by
    /// `emit`, so their stacks are not compared; when every option is refused, there are none.
    public init(planned plan: Plan) throws(ReadError) {
        let emitted = plan.options.filter(\.refusals.isEmpty).map(\.id)
        var templates: [String: JSONValue]?
        if !emitted.isEmpty, let files = try? DeploymentEmitter(optionIDs: emitted).render(plan) {
            var parsed: [String: JSONValue] = [:]
            for file in files where file.path.hasPrefix("cloudformation/") && file.path.hasSuffix(".json") {
                parsed[file.path] = try? JSONValue.parse(file.contents)
            }
            templates = parsed
        }
        try self.init(plan: PlanJSONRenderer().json(plan), templates: templates)
    }
}
