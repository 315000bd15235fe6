/// What a CloudFront flat-rate pricing plan includes and does not allow, as a price file states it
/// (`flatRatePlan` on a `cloudfront.flat-rate.*` entry; pricing/README.md, "CloudFront flat-rate
/// plans"). The plan's fee is the entry's `usd`; its monthly allowances and its WAF rule limit are
/// the entry's `dimensions` (`allowanceRequestsPerMonth`, `allowanceGBPerMonth`, `wafRules`).
public struct FlatRatePlanTerms: Sendable, Equatable {
    /// The plan's name as AWS gives it ("Business", "Premium (75 TB, 750 M requests)").
    public var name: String
    /// Features the plan includes beyond the distribution itself; one the plan leaves out is not
    /// available on it (the Developer Guide's table of features by tier).
    public var includes: [FlatRateFeature]
    /// Features a distribution on the plan cannot use (the Developer Guide's "Unsupported features").
    public var excludes: [FlatRateFeature]

    public init(name: String, includes: [FlatRateFeature], excludes: [FlatRateFeature]) {
        self.name = name
        self.includes = includes
        self.excludes = excludes
    }

    /// The dimensions every flat-rate plan entry has: requests and GB a month, and WAF rules.
    public static let allowanceRequests = "allowanceRequestsPerMonth"
    public static let allowanceGB = "allowanceGBPerMonth"
    public static let wafRuleLimit = "wafRules"
    public static let dimensions = [allowanceRequests, allowanceGB, wafRuleLimit]
    /// The prefix of the items that are flat-rate plans.
    public static let itemPrefix = "cloudfront.flat-rate."
}

/// A feature that decides whether a CloudFront distribution can be on a flat-rate plan. Price files
/// name them by `rawValue`; every one a file names must be listed here (the reader refuses others),
/// so what a plan includes or excludes always has a sentence to show.
public enum FlatRateFeature: String, Sendable, Equatable, CaseIterable {
    // Included by tier ("Pricing plan features").
    case wafWebACL = "waf-web-acl"
    case ddosProtection = "ddos-protection"
    case tlsCertificate = "tls-certificate"
    case route53DNS = "route53-dns"
    case accessLogs = "access-logs"
    case wafRequestLogs = "waf-request-logs"
    case vpcOrigins = "vpc-origins"
    // Not allowed on any plan ("Unsupported features", "Unsupported associations", constraints).
    case realTimeLogs = "real-time-logs"
    case wafRuleGroups = "waf-rule-groups"
    case wafTargetedBots = "waf-targeted-bots"
    case wafPartnerManagedRules = "waf-partner-managed-rules"
    case wafAccountFraudPrevention = "waf-account-fraud-prevention"
    case multiTenantDistributions = "multi-tenant-distributions"
    case continuousDeployment = "continuous-deployment"
    case anycastIPLists = "anycast-ip-lists"
    case legacyFeatures = "legacy-features"
    case shieldAdvanced = "shield-advanced"
    case firewallManager = "firewall-manager"
    case sharedWithOtherDistributions = "shared-with-other-distributions"

    /// The feature in a few words, for "includes …" and "does not allow …".
    public var phrase: String {
        switch self {
        case .wafWebACL: return "the AWS WAF web ACL, its custom rules and AWS Managed Rules, and its request fees"
        case .ddosProtection: return "always-on DDoS protection"
        case .tlsCertificate: return "a TLS certificate from AWS Certificate Manager"
        case .route53DNS: return "Route 53 DNS for the domain, when its hosted zone is attached to the plan"
        case .accessLogs: return "CloudWatch Logs ingestion of CloudFront standard (access) logs"
        case .wafRequestLogs: return "CloudWatch Logs ingestion of AWS WAF request logs"
        case .vpcOrigins: return "VPC origins (private origins within a VPC)"
        case .realTimeLogs: return "real-time access logs"
        case .wafRuleGroups: return "AWS WAF rule groups of your own (AWS Managed Rules are allowed)"
        case .wafTargetedBots: return "AWS WAF Bot Control for targeted bots"
        case .wafPartnerManagedRules: return "partner managed rules"
        case .wafAccountFraudPrevention: return "AWS WAF account creation fraud prevention and account takeover protection"
        case .multiTenantDistributions: return "multi-tenant distributions"
        case .continuousDeployment: return "continuous deployment and staging distributions"
        case .anycastIPLists: return "Anycast static IP lists"
        case .legacyFeatures: return "legacy features (ForwardedValues and legacy cache settings, dedicated IP SSL, field-level encryption, IAM server certificates, origin access identity)"
        case .shieldAdvanced: return "AWS Shield Advanced on the distribution"
        case .firewallManager: return "AWS Firewall Manager managing the web ACL"
        case .sharedWithOtherDistributions: return "a web ACL or CloudFront Functions shared with another distribution"
        }
    }
}
