/// One Kubernetes minor version on Amazon EKS: when EKS released it and when its standard and
/// extended support end (dates as YYYY-MM-DD), with where that was read.
public struct EKSVersion: Sendable, Equatable, Codable {
    public var version: String
    public var released: String
    public var standardSupportEnds: String
    public var extendedSupportEnds: String
    public var source: Source

    public init(version: String, released: String, standardSupportEnds: String, extendedSupportEnds: String, source: Source) {
        self.version = version
        self.released = released
        self.standardSupportEnds = standardSupportEnds
        self.extendedSupportEnds = extendedSupportEnds
        self.source = source
    }

    public enum Support: String, Sendable, Equatable, Codable {
        case standard, extended, ended, unreleased
    }

    /// Where the version stands on `day` (YYYY-MM-DD, which orders as text does).
    public func support(on day: String) -> Support {
        if day < released { return .unreleased }
        if day < standardSupportEnds { return .standard }
        if day < extendedSupportEnds { return .extended }
        return .ended
    }
}

/// The EKS release calendar as read on `asOf`. Support is judged on that day, not on the day a plan
/// is made, so that the same design and data give the same plan on any day; updating the calendar
/// (a new version, a new `asOf`) is what moves a version from standard to extended support.
public struct EKSVersionCalendar: Sendable, Equatable, Codable {
    public var asOf: String
    /// Newest first.
    public var versions: [EKSVersion]

    public init(asOf: String, versions: [EKSVersion]) {
        self.asOf = asOf
        self.versions = versions
    }

    public func version(_ v: String) -> EKSVersion? { versions.first { $0.version == v } }

    /// What a new cluster can be created with on `asOf`: standard or extended support.
    public var available: [EKSVersion] { versions.filter { [.standard, .extended].contains($0.support(on: asOf)) } }

    /// The default: the newest version in standard support.
    public var newestInStandardSupport: EKSVersion? { versions.first { $0.support(on: asOf) == .standard } }
}

/// The Kubernetes version a plan's cluster runs, and where it stood when the calendar was read.
public struct KubernetesVersionPlan: Sendable, Equatable {
    public var version: String
    public var support: EKSVersion.Support
    public var standardSupportEnds: String
    public var extendedSupportEnds: String
    /// The day support was judged on (the calendar's `asOf`).
    public var asOf: String
    /// Whether the design chose it (else it is the newest in standard support).
    public var chosen: Bool

    public init(version: String, support: EKSVersion.Support, standardSupportEnds: String, extendedSupportEnds: String, asOf: String, chosen: Bool) {
        self.version = version
        self.support = support
        self.standardSupportEnds = standardSupportEnds
        self.extendedSupportEnds = extendedSupportEnds
        self.asOf = asOf
        self.chosen = chosen
    }
}
