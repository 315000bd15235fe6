import EdgePlanCore

/// One design of a fleet: its plan, or why there is none.
public struct FleetEntry: Sendable {
    /// The design file, for designs that did not parse far enough to have a name.
    public var file: String
    public var name: String?
    public var plan: Plan?
    /// What happened, in a few words: `ok`, `ok, new block`, `2 warnings`, `failed`.
    public var status: String

    public init(file: String, name: String?, plan: Plan?, status: String) {
        self.file = file
        self.name = name
        self.plan = plan
        self.status = status
    }
}

/// The one table `edgeplan plan --fleet` prints: a line per design with its VPC, AZs, subnets,
/// capacity and free space, so a platform team sees its whole estate at once.
public struct FleetSummaryRenderer: Sendable {
    public init() {}

    public func render(_ entries: [FleetEntry]) -> String {
        let rows = entries.map { e -> [String] in
            guard let plan = e.plan else { return [e.name ?? e.file, "-", "-", "-", "-", "-", "-", "-", e.status] }
            let total = plan.totalAddresses
            let free = plan.freeAddresses
            return [
                plan.design.name, plan.design.region, plan.vpc.cidr.description, String(plan.availabilityZones.count),
                String(plan.subnets.count), grouped(plan.capacity.nodes), grouped(plan.capacity.pods), percent(free, of: total), e.status,
            ]
        }
        let planned = entries.filter { $0.plan != nil }.count
        var out = Table.render(header: ["name", "region", "vpc cidr", "azs", "subnets", "nodes", "pods", "free", "status"],
                               rows: rows, rightAligned: [3, 4, 5, 6, 7])
        out += "\n\(grouped(entries.count)) design\(entries.count == 1 ? "" : "s"): \(grouped(planned)) planned, \(grouped(entries.count - planned)) failed\n"
        return out
    }
}
