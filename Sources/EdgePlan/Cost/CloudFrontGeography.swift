/// Which CloudFront price items apply. CloudFront bills by the edge location that serves each
/// viewer, not by the origin's Region; edgeplan assumes the viewers are in the geography of the
/// design's region. The price files hold North America and Europe: their data-out and to-origin
/// rates are identical (one item each), their request rates differ (`.europe`). Any other
/// geography asks for items such as `cloudfront.data-out.asia-pacific`, which are not sourced yet,
/// so pricing CloudFront there is a named error rather than a guess.
public enum CloudFrontGeography: String, Sendable, Equatable {
    case northAmerica = "north-america"
    case europe
    case asiaPacific = "asia-pacific"
    case southAmerica = "south-america"
    case middleEast = "middle-east"
    case africa

    /// The geography of a region code, by its prefix (`eu-`, `us-`, …). Israel is billed with Europe.
    public init(region: String) {
        switch region.split(separator: "-").first.map(String.init) ?? "" {
        case "us", "ca", "mx": self = .northAmerica
        case "eu", "il": self = .europe
        case "sa": self = .southAmerica
        case "me": self = .middleEast
        case "af": self = .africa
        default: self = .asiaPacific
        }
    }

    private var sharedSuffix: String {
        switch self {
        case .northAmerica, .europe: return ""
        default: return ".\(rawValue)"
        }
    }

    /// Regional data transfer out to the internet (tiered, GB).
    public var dataOutItem: String { "cloudfront.data-out" + sharedSuffix }
    /// Regional data transfer out to the origin (requests forwarded to it, GB).
    public var dataToOriginItem: String { "cloudfront.data-to-origin" + sharedSuffix }
    /// HTTPS requests (per 10,000).
    public var httpsRequestsItem: String {
        switch self {
        case .northAmerica: return "cloudfront.https-requests"
        default: return "cloudfront.https-requests.\(rawValue)"
        }
    }
}
