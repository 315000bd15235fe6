import EdgePlanCore

/// How many nodes one AZ's node (and pod) subnet holds under the VPC CNI model, and where a
/// subnet's prefix reservation goes. A subnet of size S with a reservation of size R at its end
/// holds S − R − 4 single addresses (AWS reserves the first four of its five there) and R / 16 − 1
/// prefixes (the last /28 holds the fifth, the subnet's last address).
enum NodeCapacity {
    static func nodes(nodeSubnet: PlannedSubnet?, podSubnet: PlannedSubnet?, nodes: NodePlan, reserved: Int, sharedInNodeSubnets: Int) -> Int {
        guard let nodeSubnet else { return 0 }
        let per = nodes.perNode
        let fit = Fit(prefixAddresses: nodes.cni.prefixAddresses, reserved: reserved)
        guard nodes.cni.customNetworking else {
            return fit(nodeSubnet.cidr, reservation: nodeSubnet.prefixReservation, single: per.nodeSubnet, prefixes: per.prefixes, shared: sharedInNodeSubnets)
        }
        guard let podSubnet else { return 0 }
        let byNodeAddress = fit(nodeSubnet.cidr, reservation: nil, single: per.nodeSubnet, prefixes: 0, shared: sharedInNodeSubnets)
        return min(byNodeAddress, fit(podSubnet.cidr, reservation: podSubnet.prefixReservation, single: per.podSubnet, prefixes: per.prefixes, shared: 0))
    }

    /// The reservation at the end of `cidr` that lets the most nodes fit (the smallest such block).
    static func reservation(in cidr: IPv4Prefix, nodes: NodePlan, reserved: Int, shared: Int) -> IPv4Prefix? {
        let per = nodes.perNode
        let single = nodes.singleAddressesBesidePods
        let fit = Fit(prefixAddresses: nodes.cni.prefixAddresses, reserved: reserved)
        guard let longest = IPv4Prefix.length(holding: UInt64(nodes.cni.prefixAddresses)) else { return nil }
        var best: (prefix: IPv4Prefix, nodes: Int)?
        for length in stride(from: longest, to: Int(cidr.length), by: -1) {
            let size = IPv4Prefix.size(ofLength: length)
            guard let block = IPv4Prefix(network: UInt32(cidr.end - size), length: length) else { continue }
            let fits = fit(cidr, reservation: block, single: single, prefixes: per.prefixes, shared: shared)
            if best == nil || fits > best!.nodes { best = (block, fits) }
        }
        return best?.prefix
    }

    private struct Fit {
        var prefixAddresses: Int
        var reserved: Int

        func callAsFunction(_ cidr: IPv4Prefix, reservation: IPv4Prefix?, single: Int, prefixes: Int, shared: Int) -> Int {
            let size = Int(cidr.size)
            guard prefixes > 0, let reservation else { return max(0, size - reserved - shared) / max(single, 1) }
            let outside = max(0, size - Int(reservation.size) - (reserved - 1) - shared)
            let slots = max(0, Int(reservation.size) / prefixAddresses - 1)
            return min(outside / max(single, 1), slots / prefixes)
        }
    }
}
