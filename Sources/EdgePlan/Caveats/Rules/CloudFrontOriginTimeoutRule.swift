import EdgePlanCore

/// CloudFront waits only so long for the origin's response.
struct CloudFrontOriginTimeoutRule: CaveatRule {
    let id = "cloudfront-origin-timeout"
    let title = "CloudFront gives up on a slow origin after its response timeout"
    let when = "the option goes through CloudFront"
    let reference = "CustomOriginConfig - Amazon CloudFront API Reference"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.cloudFront) else { return nil }
        return caveat(.info,
            detail: "CloudFront waits \(f.limits.cloudFrontOriginTimeoutSeconds) s for the origin by default before returning 504 to the viewer; long-running requests need a longer origin read timeout.",
            mitigation: "Raise OriginReadTimeout on the origin for slow endpoints, or keep them on a path that does not go through CloudFront.")
    }
}
