import EdgePlanCore

/// With `natGateways: single`, every AZ's private route table sends internet traffic to one NAT
/// gateway in the first AZ: losing that AZ (or its NAT gateway) cuts egress for the nodes of every
/// AZ, and the other AZs' egress crosses AZs, which EC2 bills per GB each way.
struct SingleNATGatewayRule: CaveatRule {
    let id = "single-nat-gateway"
    let title = "One NAT gateway serves every AZ: its AZ's failure cuts the egress of all of them"
    let when = "natGateways: single, with more than one AZ"
    let reference = "NAT gateways - Amazon Virtual Private Cloud (NAT gateway basics); Amazon EC2 On-Demand Pricing, data transfer within AWS"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.design.network.natGateways == .single, f.azCount > 1 else { return nil }
        let others = f.azCount - 1
        return caveat(.warning,
            detail: "The network stack makes one NAT gateway, in the first AZ's public subnet, and routes the private subnets of all \(f.azCount) AZs to it. A NAT gateway is redundant only inside its own AZ: AWS says that when resources in several AZs share one and its AZ is down, the resources in the other AZs lose internet access. Here the nodes of \(others == 1 ? "the other AZ" : "the other \(others) AZs") could no longer pull images, reach AWS APIs, or call out. Their egress also crosses AZs to reach it, billed as data transfer between AZs in each direction on top of the NAT gateway's per-GB charge.",
            mitigation: "Use natGateways: per-az (the default), one NAT gateway per AZ with each AZ's route table to its own, as AWS recommends for an AZ-independent architecture; or natGateways: none, where edgeplan emits the VPC endpoints the cluster needs and the deploy guide mirrors images and charts into ECR.")
    }
}
