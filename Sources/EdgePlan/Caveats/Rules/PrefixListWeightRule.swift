import EdgePlanCore

/// The CloudFront origin-facing prefix list counts as many rules against the security group quota.
struct PrefixListWeightRule: CaveatRule {
    let id = "prefix-list-weight"
    let title = "The CloudFront prefix list counts as many rules against the security group quota"
    let when = "originProtection is prefix-list-sg"
    let reference = "AWS-managed prefix lists - Amazon VPC; Amazon VPC quotas"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.frontend.originProtection?.admitsOnlyCloudFront == true, f.topology.has(.cloudFront) else { return nil }
        let l = f.limits
        let two = 2 * l.cloudFrontPrefixListWeight
        return caveat(two > l.securityGroupInboundRules ? .warning : .info,
            detail: "A rule that references \(l.cloudFrontPrefixListName) counts as \(l.cloudFrontPrefixListWeight) rules against the default quota of \(l.securityGroupInboundRules) inbound rules per security group. One rule for port 443 fits; a second for port 80 (\(two) rules) does not without a quota increase.",
            mitigation: "Allow only port 443 from the prefix list (CloudFront to origin over HTTPS), or request a higher rules-per-security-group quota.")
    }
}
