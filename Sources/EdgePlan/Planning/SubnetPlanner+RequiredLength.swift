import EdgePlanCore

extension SubnetPlanner {
    /// The longest VPC prefix length (the smallest block) that holds the design's subnet plan:
    /// what `edgeplan cidr allocate --for DESIGN` and `vpcCidr: allocate` ask the ledger for.
    ///
    /// It prefers the role-blocks layout (a slot per AZ rounded up to a power of two, so adding an
    /// AZ later moves no subnet): the answer is the smallest block that keeps it. Only when even the
    /// largest VPC block AWS allows cannot keep the slots does it settle for the tightly packed
    /// layout. Subnet sizes do not depend on the VPC block, so the design is planned once in a
    /// placeholder block and its subnets are then laid out in candidate blocks, smallest first.
    public func requiredLength(for design: Design) throws(DiagnosticError) -> Int {
        var placeholder = design
        placeholder.network.vpcCidr = .fixed(IPv4Prefix(network: 0, length: 0)!)
        let plan = try self.plan(placeholder)
        let roles = plan.sizing.filter { $0.role != .pods }.map { (role: $0.role, length: $0.length) }
        let azCount = plan.availabilityZones.count
        let shortest = reference.limits.vpcCidrShortestPrefix
        let longest = reference.limits.vpcCidrLongestPrefix
        let candidates = stride(from: longest, through: shortest, by: -1).compactMap { IPv4Prefix(network: 0, length: $0) }
        for kind in [Layout.Kind.roleBlocks, .compact] {
            for block in candidates where SubnetLayout.place(in: block, lengths: roles, azCount: azCount)?.kind == kind {
                return Int(block.length)
            }
        }
        let needed = SubnetLayout.packedSize(lengths: roles, azCount: azCount)
        throw DiagnosticError([.error("network.vpcCidr", "the plan needs \(grouped(needed)) addresses, more than the largest VPC block (a /\(shortest)) holds: use fewer nodes or pods per node, or a podCidr")])
    }
}
