import EdgePlanCore
import Foundation

/// The service Region index of an AWS Price List offer,
/// `/offers/v1.0/aws/<offerCode>/current/region_index.json`: for each Region, the path of its
/// current offer file, `/offers/v1.0/aws/AWSELB/20260911124544/eu-west-1/index.json`.
///
/// The format is the one the AWS Billing User Guide gives ("Service Region index file for AWS
/// services": `formatVersion`, `disclaimer`, `publicationDate`, and `regions`, an object from
/// Region code to `regionCode` and `currentVersionUrl`); a real AWSELB index of 2026-09-11 is
/// `Elvis2131/preflight@6f3cb901d3d10bc9ed6eaba335d1ea8c8eac70a0:cmd/runnerd/internal/pricingfetch/testdata/awselb_region_index.json`.
/// Its `regions` also lists Local Zones and Wavelength Zones (`us-east-1-chi-1`); edgeplan asks only for Regions.
public struct PriceListRegionIndex: Sendable, Equatable {
    public var offerCode: String
    /// Region code → the path of its offer file, exactly as the index gives it.
    public var offerPaths: [String: String]

    /// A region index is some 20 KB (about 100 Regions and zones).
    public static let maxBytes = 1 << 20

    /// Where the index of `offerCode` is, below the Price List endpoint.
    public static func path(offerCode: String) -> String { "/offers/v1.0/aws/\(offerCode)/current/region_index.json" }

    private struct File: Decodable {
        struct Entry: Decodable {
            var regionCode: String
            var currentVersionUrl: String
        }

        var regions: [String: Entry]
    }

    /// Reads an index; errors are about `file` (the index's URL) and say what is wrong with it.
    public init(json: Data, offerCode: String, file: String) throws(DiagnosticError) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard json.count <= Self.maxBytes else {
            throw DiagnosticError([.error("", "is \(grouped(json.count)) bytes; a Price List region index is at most \(grouped(Self.maxBytes))", at: top)])
        }
        let decoded: File
        do { decoded = try JSONDecoder().decode(File.self, from: json) } catch {
            throw DiagnosticError([.error("", "not an AWS Price List region index (JSON with 'regions', each with 'regionCode' and 'currentVersionUrl')", at: top)])
        }
        for key in decoded.regions.keys.sorted() where decoded.regions[key]!.regionCode != key {
            throw DiagnosticError([.error("regions.\(key).regionCode", "is \(decoded.regions[key]!.regionCode.debugDescription), not the Region it is listed under", at: top)])
        }
        self.offerCode = offerCode
        self.offerPaths = decoded.regions.mapValues(\.currentVersionUrl)
    }

    /// The offer file of `region` and its version, or nil when the index lists no offer for it.
    /// Only a path of the published form is followed, `/offers/v1.0/aws/<offerCode>/<version
    /// digits>/<region>/index.json`: never another host, offer or Region.
    public func offer(for region: String, file: String) throws(DiagnosticError) -> (path: String, version: String)? {
        guard let path = offerPaths[region] else { return nil }
        let prefix = "/offers/v1.0/aws/\(offerCode)/", suffix = "/\(region)/index.json"
        let version = path.hasPrefix(prefix) && path.hasSuffix(suffix) && path.count > prefix.count + suffix.count
            ? String(path.dropFirst(prefix.count).dropLast(suffix.count)) : ""
        guard OfferImporter.isOfferVersion(version) else {
            throw DiagnosticError([.error("regions.\(region).currentVersionUrl", "\(path.debugDescription) is not the path of an offer file (\(prefix)<version digits>\(suffix)); edgeplan follows no other", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return (path, version)
    }
}
