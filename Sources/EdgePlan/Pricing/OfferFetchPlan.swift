import EdgePlanCore
import Foundation

/// Which AWS Price List offers `edgeplan pricing fetch` downloads, and why it leaves the others.
/// It downloads the offers `OfferItemMap` maps rows of (nothing else could change a price file)
/// except those whose regional files are far too large to read whole.
public enum OfferFetchPlan {
    /// The offers the front door's prices come from (AWS Price List offer codes).
    public static let candidates = [
        "AWSELB", "AmazonVPC", "AmazonEC2", "AmazonApiGateway", "AmazonCloudFront", "awswaf", "AWSDataTransfer", "AmazonEKS",
        "AWSGlobalAccelerator",
    ]

    /// Offers with mapped rows that are not downloaded, and why.
    static let tooLarge: [String: String] = [
        "AmazonEC2": "a regional AmazonEC2 offer is gigabytes (every instance type), far above the \(grouped(OfferImporter.maxBytes)) bytes edgeplan reads, for two items (natgw.hour, natgw.data-processed) the cost model does not bill; cut it down and use 'edgeplan pricing import' (README)",
    ]

    /// The offers downloaded, in this order.
    public static var fetched: [String] { OfferItemMap.offerCodes.filter { tooLarge[$0] == nil } }

    /// The offers not downloaded, each with the reason, in the order of `candidates`.
    public static var notFetched: [(offerCode: String, why: String)] {
        let mapped = Set(OfferItemMap.offerCodes)
        return (candidates + OfferItemMap.offerCodes.filter { !candidates.contains($0) }).compactMap { code in
            if let why = tooLarge[code], mapped.contains(code) { return (code, why) }
            if !mapped.contains(code) { return (code, "no OfferItemMap rule maps their rows to price items yet, so they could change no price file") }
            return nil
        }
    }
}
