import EdgePlanCore
import Foundation
import Yams

/// A design as read from its file: the values, where each field sits, and the warnings found on the way.
public struct ParsedDesign: Sendable, Equatable {
    public var design: Design
    public var file: String
    /// Field path → location of its value, for diagnostics raised by later stages.
    public var locations: [String: SourceLocation]
    public var diagnostics: [Diagnostic]

    /// The location of `path`, or of its nearest enclosing field, or the top of the file.
    public func location(of path: String) -> SourceLocation {
        var candidate = path
        while !candidate.isEmpty {
            if let found = locations[candidate] { return found }
            if let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) {
                candidate = String(candidate[..<cut])
            } else {
                break
            }
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// Gives every diagnostic without a location the location of its field.
    public func locate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { d in
            var d = d
            if d.location == nil { d.location = location(of: d.path) }
            return d
        }
    }
}

/// Stage 1: YAML text → `Design`. Checks syntax, structure and types; meaning is checked by the validator.
public struct DesignParser: Sendable {
    /// The format versions this build reads.
    public static let supportedVersions = 1...1
    /// Designs are small; anything larger is refused before parsing.
    public static let maxBytes = 1 << 20
    /// Deeper nesting than this is not a design; refusing it keeps the recursive parser safe.
    public static let maxNesting = 64
    /// The most frontend options one design compares: every kind in every variant is 36 options,
    /// and the break-even search and the report grow with each one (500 took 106 s).
    public static let maxFrontends = 64

    public init() {}

    public func parse(_ text: String, file: String) throws(DiagnosticError) -> ParsedDesign {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= DesignParser.maxBytes else {
            throw DiagnosticError([.error("", "the file is \(text.utf8.count) bytes; a design file is at most \(DesignParser.maxBytes) bytes", at: top)])
        }
        // CRLF and lone CR line ends read as LF, as YAML reads them, so every line count agrees.
        let text = YAMLReader.normalizingLineBreaks(text)
        if let deep = DesignParser.tooDeep(text, file: file) { throw DiagnosticError([deep]) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)  // tags: YAMLReader.resolvedTag; the encoding named (its default reads the environment on every call)
        } catch let error as YamlError {
            throw DiagnosticError([YAMLReader.placedInside(DesignParser.diagnostic(for: error, file: file), text: text)])
        } catch {
            throw DiagnosticError([.error("", "the file is not valid YAML", at: top)])
        }
        guard let root else {
            throw DiagnosticError([.error("", "the file is empty: a design needs at least edgeplan, name, region, cluster, network and frontends", at: top)])
        }
        var reader = YAMLReader(file: file, text: text)
        let design = read(root, &reader)
        let diagnostics = reader.diagnostics
        guard let design, !diagnostics.hasErrors else { throw DiagnosticError(diagnostics) }
        return ParsedDesign(design: design, file: file, locations: reader.locations, diagnostics: diagnostics)
    }

    // MARK: - Fields

    // Field names, ranges and the examples of missing-field errors come from `DesignFormat`,
    // which `edgeplan schema` describes too.
    private typealias F = DesignFormat
    private static let topFields = F.names(F.top)

    private func read(_ root: Node, _ r: inout YAMLReader) -> Design? {
        guard let top = r.fields(root, path: "", known: DesignParser.topFields) else { return nil }
        // The version decides how to read the rest: check it first.
        guard let versionNode = r.required(top, "edgeplan", path: "", in: root, example: F.example(F.top, "edgeplan")) else { return nil }
        guard let version = r.int(versionNode, path: "edgeplan", range: 0...Int.max, what: "the format version") else { return nil }
        guard DesignParser.supportedVersions.contains(version) else {
            r.error("edgeplan", "unknown format version \(version): this edgeplan reads version \(DesignParser.supportedVersions.lowerBound)", at: versionNode)
            return nil
        }
        let name = r.required(top, "name", path: "", in: root, example: F.example(F.top, "name")).flatMap { r.string($0, path: "name") }
        let region = r.required(top, "region", path: "", in: root, example: F.example(F.top, "region")).flatMap { r.string($0, path: "region") }
        let cluster = r.required(top, "cluster", path: "", in: root, example: F.example(F.top, "cluster")).flatMap { r.string($0, path: "cluster") }
        let network = r.required(top, "network", path: "", in: root, example: F.example(F.top, "network"))
            .flatMap { readNetwork($0, &r) }
        let frontends = r.required(top, "frontends", path: "", in: root, example: F.example(F.top, "frontends"))
            .flatMap { readFrontends($0, &r) }
        let traffic = top["traffic"].map { readTraffic($0, &r) } ?? Traffic()
        let requirements = top["requirements"].map { readRequirements($0, &r) } ?? Requirements()
        let hours = top["hoursPerMonth"].flatMap { r.decimal($0, path: "hoursPerMonth", what: "hours per month") } ?? 730
        let mode = top["clusterMode"].map { r.choice($0, path: "clusterMode", as: ClusterMode.self) } ?? .standard
        // A minor version such as 1.36, read as the text written (a YAML number would make 1.30 1.3).
        var kubernetes: String?? = .some(nil)
        if let n = top["kubernetesVersion"] {
            if case .scalar(let s) = n, s.string.wholeMatch(of: /1\.[0-9]{1,3}/) != nil {
                kubernetes = .some(s.string)
            } else {
                r.error("kubernetesVersion", "write a Kubernetes minor version such as 1.36", at: n)
                kubernetes = nil
            }
        }
        guard let name, let region, let cluster, let network, let frontends, let traffic, let requirements, let mode, let kubernetes else { return nil }
        return Design(
            formatVersion: version, name: name, region: region, cluster: cluster, network: network,
            frontends: frontends, traffic: traffic, requirements: requirements, hoursPerMonth: hours, clusterMode: mode,
            kubernetesVersion: kubernetes)
    }

    private func readNetwork(_ node: Node, _ r: inout YAMLReader) -> Network? {
        let p = "network"
        guard let f = r.fields(node, path: p, known: F.names(F.network)) else { return nil }
        let vpc: Network.CIDRChoice? = r.required(f, "vpcCidr", path: p, in: node, example: F.example(F.network, "vpcCidr")).flatMap { n in
            guard let text = r.string(n, path: "network.vpcCidr") else { return nil }
            if text == "allocate" { return .allocate }
            return prefix(text, n, path: "network.vpcCidr", &r).map { .fixed($0) }
        }
        let azs = r.required(f, "azs", path: p, in: node, example: F.example(F.network, "azs")).flatMap { readAZs($0, &r) }
        let nodes = r.required(f, "nodes", path: p, in: node, example: F.example(F.network, "nodes")).flatMap { n -> Nodes? in
            guard let nf = r.fields(n, path: "network.nodes", known: F.names(F.nodes)) else { return nil }
            let max = r.required(nf, "max", path: "network.nodes", in: n, example: F.example(F.nodes, "max"))
                .flatMap { r.int($0, path: "network.nodes.max", range: F.range(F.nodes, "max"), what: "the most worker nodes across all AZs") }
            let pods = r.required(nf, "podsPerNode", path: "network.nodes", in: n, example: F.example(F.nodes, "podsPerNode"))
                .flatMap { r.int($0, path: "network.nodes.podsPerNode", range: F.range(F.nodes, "podsPerNode"), what: "pods per node") }
            let instanceType = nf["instanceType"].map { r.string($0, path: "network.nodes.instanceType") }
            let prefixDelegation = nf["prefixDelegation"].map { r.bool($0, path: "network.nodes.prefixDelegation") }
            guard let max, let pods, instanceType != .some(nil), prefixDelegation != .some(nil) else { return nil }
            return Nodes(max: max, podsPerNode: pods, instanceType: instanceType ?? nil, prefixDelegation: prefixDelegation ?? nil)
        }
        var podCidr: IPv4Prefix?? = .some(nil)
        if let n = f["podCidr"] {
            podCidr = r.string(n, path: "network.podCidr").flatMap { prefix($0, n, path: "network.podCidr", &r) }.map { .some($0) }
        }
        let nat = f["natGateways"].map { r.choice($0, path: "network.natGateways", as: Network.NATGateways.self) } ?? .perAZ
        var sizes: [SubnetRole: Int]? = [:]
        if let n = f["subnetSizes"] { sizes = readSubnetSizes(n, &r) }
        guard let vpc, let azs, let nodes, let podCidr, let nat, let sizes else { return nil }
        return Network(vpcCidr: vpc, azs: azs, nodes: nodes, podCidr: podCidr, natGateways: nat, subnetSizes: sizes)
    }

    private func readAZs(_ node: Node, _ r: inout YAMLReader) -> Network.AZChoice? {
        if case .sequence(let list) = node {
            var names: [String] = []
            for (i, item) in list.enumerated() {
                let path = "network.azs[\(i)]"
                r.record(path, item)
                guard let name = r.string(item, path: path) else { return nil }
                names.append(name)
            }
            // AZ IDs (use1-az1) or zone names (us-east-1a), never a mix: the plan is made in one or the other.
            let ids = names.map(RegionInfo.isZoneID)
            if ids.allSatisfy({ $0 }) && !names.isEmpty { return .ids(names) }
            if let i = ids.firstIndex(of: true) {
                r.error("network.azs[\(i)]", "'\(names[i])' is an AZ ID but other entries are zone names: list AZ IDs only (use1-az1) or zone names only (us-east-1a)", at: list[i])
                return nil
            }
            return .names(names)
        }
        guard case .scalar = node, [.int, .float].contains(r.resolvedTag(node)) else {
            r.error("network.azs", "expected a count of Availability Zones (1–6), a list of AZ IDs (use1-az1) or a list of zone names, got \(r.describe(node))", at: node)
            return nil
        }
        return r.int(node, path: "network.azs", range: 0...Int.max, what: "a count of Availability Zones").map { .count($0) }
    }

    private func readSubnetSizes(_ node: Node, _ r: inout YAMLReader) -> [SubnetRole: Int]? {
        let p = "network.subnetSizes"
        guard let f = r.fields(node, path: p, known: F.names(F.fieldsOf(F.field(F.network, "subnetSizes").shape))) else { return nil }
        var sizes: [SubnetRole: Int] = [:]
        var ok = true
        for (key, value) in f.entries {
            guard let role = SubnetRole(rawValue: key) else { continue }
            let path = "\(p).\(key)"
            // Accept `/24` or `24`.
            var text: String?
            if case .scalar(let s) = value { text = s.string }
            let digits = text.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
            guard let digits, YAMLReader.isPlainInteger(digits), let length = Int(digits), (0...32).contains(length) else {
                r.error(path, "expected a prefix length such as /24, got \(r.describe(value))", at: value)
                ok = false
                continue
            }
            sizes[role] = length
        }
        return ok ? sizes : nil
    }

    private func readFrontends(_ node: Node, _ r: inout YAMLReader) -> [Frontend]? {
        guard let list = r.sequence(node, path: "frontends", what: "a list of frontend options, e.g. [{kind: alb-privatelink-nlb}]") else { return nil }
        guard list.count <= DesignParser.maxFrontends else {
            r.error("frontends", "\(list.count) frontend options: a design compares at most \(DesignParser.maxFrontends); split them across designs", at: node)
            return nil
        }
        var result: [Frontend] = []
        var ok = true
        for (i, item) in list.enumerated() {
            let p = "frontends[\(i)]"
            r.record(p, item)
            guard let f = r.fields(item, path: p, known: F.names(F.frontend)) else { ok = false; continue }
            guard let kindNode = r.required(f, "kind", path: p, in: item, example: F.example(F.frontend, "kind")),
                  let kind = r.choice(kindNode, path: "\(p).kind", as: FrontendKind.self)
            else { ok = false; continue }
            let id = f["id"].flatMap { r.string($0, path: "\(p).id") }
            let api = f["api"].flatMap { r.choice($0, path: "\(p).api", as: Frontend.API.self) }
            let protection = f["originProtection"].flatMap { r.choice($0, path: "\(p).originProtection", as: Frontend.OriginProtection.self) }
            let origin = f["origin"].flatMap { r.choice($0, path: "\(p).origin", as: Frontend.VPCOriginTarget.self) }
            let deploy = f["deployStyle"].flatMap { r.choice($0, path: "\(p).deployStyle", as: Frontend.DeployStyle.self) }
            let waf = f["waf"].flatMap { r.bool($0, path: "\(p).waf") }
            let router = f["router"].flatMap { r.choice($0, path: "\(p).router", as: Router.self) }
            let lbAPI = f["loadBalancerApi"].flatMap { r.choice($0, path: "\(p).loadBalancerApi", as: LoadBalancerAPI.self) }
            var risks: [AcceptedRisk] = []
            if let n = f["acceptRisk"] {
                // One risk or a list of them.
                let list = n.sequence.map(Array.init)
                for (k, item) in (list ?? [n]).enumerated() {
                    let path = list == nil ? "\(p).acceptRisk" : "\(p).acceptRisk[\(k)]"
                    if let risk = r.choice(item, path: path, as: AcceptedRisk.self), !risks.contains(risk) { risks.append(risk) }
                }
            }
            result.append(Frontend(id: id, kind: kind, api: api, originProtection: protection, origin: origin, deployStyle: deploy, waf: waf,
                                   router: router, loadBalancerAPI: lbAPI, acceptRisk: risks))
        }
        return ok ? result : nil
    }

    private func readTraffic(_ node: Node, _ r: inout YAMLReader) -> Traffic? {
        let p = "traffic"
        guard let f = r.fields(node, path: p, known: F.names(F.traffic)) else { return nil }
        var t = Traffic()
        // Upper bounds far above any real front door (a trillion requests, an exabyte a month) keep
        // every cost within Decimal's exact range.
        let limit = Traffic.limits
        t.requests = f["requests"].flatMap { r.decimal($0, path: "\(p).requests", what: "requests per month", max: limit.requests) }
        t.dataOutGB = f["dataOutGB"].flatMap { r.decimal($0, path: "\(p).dataOutGB", what: "GB sent to clients per month", max: limit.dataGB) }
        t.dataInGB = f["dataInGB"].flatMap { r.decimal($0, path: "\(p).dataInGB", what: "GB received from clients per month", max: limit.dataGB) }
        t.newConnectionsPerSecond = f["newConnectionsPerSecond"].flatMap { r.decimal($0, path: "\(p).newConnectionsPerSecond", what: "new connections per second", max: limit.connections) }
        t.activeConnections = f["activeConnections"].flatMap { r.decimal($0, path: "\(p).activeConnections", what: "concurrent connections", max: limit.connections) }
        t.wafRules = f["wafRules"].flatMap { r.int($0, path: "\(p).wafRules", range: F.range(F.traffic, "wafRules"), what: "WAF rules") }
        return t
    }

    private func readRequirements(_ node: Node, _ r: inout YAMLReader) -> Requirements? {
        let p = "requirements"
        guard let f = r.fields(node, path: p, known: F.names(F.requirements)) else { return nil }
        return Requirements(
            waf: f["waf"].flatMap { r.bool($0, path: "\(p).waf") },
            apiKeys: f["apiKeys"].flatMap { r.bool($0, path: "\(p).apiKeys") },
            caching: f["caching"].flatMap { r.bool($0, path: "\(p).caching") },
            privateOrigin: f["privateOrigin"].flatMap { r.bool($0, path: "\(p).privateOrigin") },
            staticIps: f["staticIps"].flatMap { r.bool($0, path: "\(p).staticIps") })
    }

    private func prefix(_ text: String, _ node: Node, path: String, _ r: inout YAMLReader) -> IPv4Prefix? {
        switch IPv4Prefix.parse(text) {
        case .success(let p): return p
        case .failure(let e):
            r.error(path, e.description, at: node)
            return nil
        }
    }

    // MARK: - Guards and YAML errors

    /// Refuses flow nesting or indentation far beyond any design before the recursive parser sees it.
    static func tooDeep(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, column = 0, indent = 0, atLineStart = true
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1; column = 0; indent = 0; atLineStart = true
                continue
            }
            if atLineStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")) {
                indent += 1
            } else {
                atLineStart = false
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
            }
            if depth > maxNesting || indent > maxNesting * 4 {
                return .error("", "the file nests more than \(maxNesting) levels deep; a design is a few levels of fields", at: SourceLocation(file: file, line: line, column: column))
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error("", "not valid YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("", "a field appears twice in one mapping (\(duplicates.joined(separator: ", "))): keep one", at: at(context.mark))
        case .reader(let problem, let offset, _, _):
            let where_ = offset.map { " at byte \($0)" } ?? ""
            return .error("", "the file is not UTF-8 text (\(problem)\(where_))", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("", "the file is not valid YAML (\(error))", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
