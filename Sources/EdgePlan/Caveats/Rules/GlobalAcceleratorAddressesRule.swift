import EdgePlanCore

/// An accelerator's static addresses last exactly as long as the accelerator: they are what
/// clients allow-list, and Global Accelerator passes TCP through without looking at it.
struct GlobalAcceleratorAddressesRule: CaveatRule {
    let id = "global-accelerator-addresses"
    let title = "The accelerator's static IPs last as long as the accelerator, and it only forwards TCP"
    let when = "the option goes through AWS Global Accelerator"
    let reference = "How AWS Global Accelerator works; Best practices for AWS Global Accelerator; Preserve client IP addresses in AWS Global Accelerator"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard let accelerator = f.topology.components(of: .globalAccelerator).first else { return nil }
        let l = f.limits
        return caveat(.info,
            detail: "The \(l.globalAcceleratorStaticIPs) static anycast addresses are the accelerator's until it is deleted: deleting it (or its stack) gives them up for good, and a new one gets new addresses. It forwards TCP without terminating TLS, caches nothing, closes TCP connections idle for \(l.globalAcceleratorTCPIdleTimeoutSeconds) s, takes the ALB's health from the ALB's own target health, and keeps sending traffic when no endpoint is healthy. It adds an ENI in each of the ALB's subnets and a security group of its own, which must not be edited.",
            mitigation: "edgeplan emits the accelerator with DeletionPolicy and UpdateReplacePolicy Retain, so a deleted or replaced stack keeps the addresses; bring your own addresses (BYOIP) where they must outlive the account's accelerator, keep long-lived connections under the idle timeout, and alarm on the ALB's healthy host count.",
            on: accelerator.id)
    }
}
