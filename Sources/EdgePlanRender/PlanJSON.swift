import EdgePlanCore

/// `plan.json`: the machine-readable plan, a contract (see `schemaVersion`). Keys come in a fixed
/// order, numbers that must be exact are strings, and nothing depends on where edgeplan ran.
public struct PlanJSONRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        [OutputFile(path: "plan.json", contents: json(plan).serialized())]
    }

    public func json(_ plan: Plan) -> JSONValue {
        .object([
            ("schemaVersion", .int(Plan.schemaVersion)),
            ("design", design(plan.design)),
            ("vpc", .object([
                ("cidr", .string(plan.vpc.cidr.description)),
                ("secondaryCidrs", .array(plan.vpc.secondaryCidrs.map { .string($0.description) })),
            ])),
            ("availabilityZones", .array(plan.availabilityZones.map(JSONValue.string))),
            ("subnets", .array(plan.subnets.map(subnet))),
            ("sizing", .array(plan.sizing.map(sizing))),
            ("capacity", capacity(plan.capacity)),
            ("layout", .object([
                ("kind", .string(plan.layout.kind.rawValue)),
                ("azSlots", .int(plan.layout.azSlots)),
                ("roleBlocks", .array(plan.layout.roleBlocks.map {
                    .object([("role", .string($0.role.rawValue)), ("cidr", .string($0.cidr.description))])
                })),
            ])),
            ("freeCidrs", .array(plan.freeCidrs.map { .string($0.description) })),
            ("options", .array(plan.options.map { option($0, azCount: plan.availabilityZones.count) })),
            ("recommendation", plan.recommendation.map { r in
                .object([("option", .string(r.option)), ("why", .string(r.why)), ("ranking", .array(r.ranking.map(JSONValue.string)))])
            } ?? .null),
            ("notes", .array(plan.notes.map(note))),
        ])
    }

    private func option(_ o: PlannedOption, azCount: Int) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(o.id)),
            ("kind", .string(o.frontend.kind.rawValue)),
        ]
        if let api = o.frontend.api { fields.append(("api", .string(api.rawValue))) }
        if let p = o.frontend.originProtection { fields.append(("originProtection", .string(p.rawValue))) }
        if let origin = o.frontend.origin { fields.append(("origin", .string(origin.rawValue))) }
        if let style = o.frontend.deployStyle { fields.append(("deployStyle", .string(style.rawValue))) }
        fields += [
            ("summary", .string(o.summary)),
            ("path", .string(o.topology.pathLine(azCount: azCount))),
            ("wafOn", o.topology.wafOn.map(JSONValue.string) ?? .null),
            ("components", .array(o.topology.components.map(component))),
            ("edges", .array(o.topology.edges.map(edge))),
            ("meets", .object(o.meets.map { ($0.need.rawValue, .object([("met", .bool($0.met)), ("why", .string($0.why))])) })),
            ("caveats", .array(o.caveats.map(caveat))),
        ]
        if let cost = o.monthlyCost { fields.append(("monthlyCost", monthlyCost(cost))) }
        return .object(fields)
    }

    private func component(_ c: Component) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(c.id)), ("kind", .string(c.kind.rawValue)), ("label", .string(c.label)),
            ("scheme", .string(c.scheme.rawValue)), ("owner", .string(c.owner.rawValue)),
        ]
        if let role = c.subnetRole {
            fields.append(("subnetRole", .string(role.rawValue)))
            fields.append(("addressesPerAz", .int(c.addressesPerAZ)))
        }
        fields += [
            ("securityGroups", .string(c.securityGroups.rawValue)),
            ("wafAttachable", .bool(c.wafAttachable)),
            ("notes", .array(c.notes.map(JSONValue.string))),
        ]
        return .object(fields)
    }

    private func edge(_ e: Edge) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("from", .string(e.from)), ("to", .string(e.to)), ("protocol", .string(e.protocol)), ("port", .int(e.port)),
            ("tls", .string(e.tls.rawValue)), ("hop", .string(e.hop.rawValue)), ("bypass", .bool(e.bypass)),
        ]
        if let note = e.note { fields.append(("note", .string(note))) }
        return .object(fields)
    }

    private func caveat(_ c: Caveat) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("severity", .string(c.severity.rawValue)), ("title", .string(c.title)),
            ("detail", .string(c.detail)), ("mitigation", .string(c.mitigation)), ("reference", .string(c.reference)),
        ])
    }

    private func monthlyCost(_ m: MonthlyCost) -> JSONValue {
        .object([
            ("currency", .string(m.currency)),
            ("total", .decimal(m.total.rounded(2))),
            ("lines", .array(m.lines.map { l in
                .object([
                    ("component", .string(l.component)), ("item", .string(l.item)), ("quantity", .decimal(l.quantity)),
                    ("unit", .string(l.unit)), ("unitPrice", .string(l.unitPrice)), ("amount", .decimal(l.amount.rounded(2))),
                    ("price", .string(l.priceRef)),
                ])
            })),
        ])
    }

    private func design(_ d: DesignSummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(d.name)), ("region", .string(d.region))]
        if let regionName = d.regionName { fields.append(("regionName", .string(regionName))) }
        fields.append(("cluster", .string(d.cluster)))
        return .object(fields)
    }

    private func subnet(_ s: PlannedSubnet) -> JSONValue {
        .object([
            ("name", .string(s.name)),
            ("role", .string(s.role.rawValue)),
            ("az", .string(s.az)),
            ("cidr", .string(s.cidr.description)),
            ("totalAddresses", .int(Int(s.cidr.size))),
            ("usableAddresses", .int(s.usableAddresses)),
            ("tags", .object(s.tags.map { ($0.key, .string($0.value)) })),
        ])
    }

    private func sizing(_ s: RoleSizing) -> JSONValue {
        .object([
            ("role", .string(s.role.rawValue)),
            ("prefixLength", .int(s.length)),
            ("addressesNeeded", .int(s.addressesNeeded)),
            ("fixedByDesign", .bool(s.fixedByDesign)),
            ("reason", .string(s.reason)),
            ("holds", .array(s.demands.map { .object([("what", .string($0.what)), ("addresses", .int($0.addresses))]) })),
        ])
    }

    private func capacity(_ c: Capacity) -> JSONValue {
        .object([
            ("nodes", .int(c.nodes)),
            ("pods", .int(c.pods)),
            ("requestedNodes", .int(c.requestedNodes)),
            ("podsPerNode", .int(c.podsPerNode)),
            ("plannedNodesPerAz", .int(c.plannedNodesPerAZ)),
            ("nodesWithOneAzLost", .int(c.nodesWithOneAZLost)),
        ])
    }

    private func note(_ d: Diagnostic) -> JSONValue {
        .object([("severity", .string(d.severity.rawValue)), ("field", .string(d.path)), ("message", .string(d.message))])
    }
}
