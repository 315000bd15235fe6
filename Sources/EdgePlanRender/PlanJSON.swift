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
            ("notes", .array(plan.notes.map(note))),
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
