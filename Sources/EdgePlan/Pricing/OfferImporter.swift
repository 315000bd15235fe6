import EdgePlanCore
import Foundation

/// `edgeplan pricing import`: reads an AWS Price List offer file and updates the region price files
/// with what it says, by `OfferItemMap`. Pure: the caller reads the offer and the folder's files and
/// writes the files returned. An entry whose price is unchanged is left exactly as it is (its
/// hand-researched note and source stay); a changed or new entry gets the offer as its source.
public struct OfferImporter: Sendable {
    /// Each Region's usage-type prefix in the Price List (`AWSReference.priceListUsagePrefixes`).
    public var usagePrefixes: [String: String]

    public init(usagePrefixes: [String: String]) {
        self.usagePrefixes = usagePrefixes
    }

    /// An importer with the usage-type prefixes of `limits/regions.json`.
    public init(reference: AWSReference) {
        self.init(usagePrefixes: reference.priceListUsagePrefixes)
    }

    /// One price read from the offer, in edgeplan's units.
    public struct ImportedPrice: Sendable, Equatable {
        public var region: String
        public var location: String
        public var rule: OfferItemMap.Rule
        public var tiers: [PriceCatalog.Tier]
        public var sku: String
        public var usagetype: String
        public var operation: String?
        public var descriptions: [String]
        public var effectiveDate: String?
    }

    /// What an offer holds for edgeplan.
    public struct Reading: Sendable, Equatable {
        public var offerCode: String
        public var version: String
        public var publicationDate: String
        /// By region, then item.
        public var prices: [ImportedPrice]
        /// Rows that match an item but could not be used, and why.
        public var skipped: [String]

        public var regions: [String] { Array(Set(prices.map(\.region))).sorted() }
    }

    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, changed, unchanged }
        public var item: String
        public var kind: Kind
        public var old: String?
        public var new: String
    }

    /// The files to write (`<region>.json`, only those that change) and what changed in each.
    public struct Result: Sendable, Equatable {
        public var files: [OutputFile]
        public var changes: [(file: String, changes: [Change])]
        public var skipped: [String]

        public static func == (a: Result, b: Result) -> Bool {
            a.files == b.files && a.skipped == b.skipped && a.changes.map(\.file) == b.changes.map(\.file)
                && a.changes.map(\.changes) == b.changes.map(\.changes)
        }
    }

    // MARK: - Reading the offer

    /// The largest offer file read: the regional AWSELB, AmazonVPC and AmazonApiGateway offers
    /// are a few MB; a regional AmazonEC2 offer is gigabytes and is cut down first (README).
    /// JSONDecoder holds a file in about 4 times its size, and text of tiny values in 25 times.
    public static let maxBytes = 16 << 20

    public func read(_ data: Data, file: String) throws(DiagnosticError) -> Reading {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= OfferImporter.maxBytes else {
            throw DiagnosticError([.error("", "the file is \(grouped(data.count)) bytes; edgeplan reads offer files of at most \(grouped(OfferImporter.maxBytes)) bytes (a regional AmazonEC2 offer is far larger: keep only the rows edgeplan maps, as the README shows)", at: top)])
        }
        let offer: PriceOffer
        do {
            offer = try JSONDecoder().decode(PriceOffer.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DiagnosticError([.error(Self.path(context.codingPath + [key]), "missing: this is not an AWS Price List offer file", at: top)])
        } catch let DecodingError.typeMismatch(_, context) {
            throw DiagnosticError([.error(Self.path(context.codingPath), "has the wrong type for an AWS Price List offer file", at: top)])
        } catch let DecodingError.valueNotFound(_, context) {
            throw DiagnosticError([.error(Self.path(context.codingPath), "is null in what should be an AWS Price List offer file", at: top)])
        } catch {
            throw DiagnosticError([.error("", "not valid JSON: this is not an AWS Price List offer file", at: top)])
        }
        guard OfferItemMap.offerCodes.contains(offer.offerCode) else {
            throw DiagnosticError([.error("offerCode", "edgeplan maps no items from the \(offer.offerCode) offer; it reads \(OfferItemMap.offerCodes.joined(separator: ", "))", at: top)])
        }
        // Both go into the sources edgeplan writes (a URL and a title): only what AWS writes there.
        guard Self.isOfferVersion(offer.version) else {
            throw DiagnosticError([.error("version", "\(offer.version.debugDescription) is not an AWS Price List offer version (digits, such as 20260911124544)", at: top)])
        }
        guard Self.isPublicationDate(offer.publicationDate) else {
            throw DiagnosticError([.error("publicationDate", "\(offer.publicationDate.debugDescription) is not a date and time such as 2026-09-11T12:45:44Z", at: top)])
        }
        var found: [ImportedPrice] = []
        var skipped: [String] = []
        for sku in offer.products.keys.sorted() {
            let product = offer.products[sku]!
            guard let rule = OfferItemMap.rule(offerCode: offer.offerCode, attributes: product.attributes, prefixes: usagePrefixes),
                  let region = product.attributes["regionCode"]
            else { continue }
            let usagetype = product.attributes["usagetype"] ?? ""
            let terms = offer.terms.onDemand?[sku] ?? [:]
            guard terms.count == 1, let term = terms.values.first else {
                skipped.append("\(region) \(rule.item): SKU \(sku) (\(usagetype)) has \(terms.count) on-demand terms, not one")
                continue
            }
            switch tiers(term, rule: rule) {
            case .failure(let why):
                skipped.append("\(region) \(rule.item): SKU \(sku) (\(usagetype)) \(why.why)")
            case .success(let tiers):
                let descriptions = term.priceDimensions.keys.sorted().compactMap { term.priceDimensions[$0]?.description }
                found.append(ImportedPrice(
                    region: region, location: product.attributes["location"] ?? region, rule: rule, tiers: tiers, sku: sku,
                    usagetype: usagetype, operation: product.attributes["operation"], descriptions: descriptions,
                    effectiveDate: term.effectiveDate))
            }
        }
        // One price per region and item: look-alike SKUs with the same price collapse to the first.
        var prices: [ImportedPrice] = []
        let groups = Dictionary(grouping: found) { "\($0.region)\u{0}\($0.rule.item)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { $0.sku < $1.sku }
            if group.allSatisfy({ $0.tiers == group[0].tiers }) {
                prices.append(group[0])
            } else {
                skipped.append("\(group[0].region) \(group[0].rule.item): SKUs \(group.map(\.sku).joined(separator: ", ")) map to it with different prices; none was used")
            }
        }
        return Reading(offerCode: offer.offerCode, version: offer.version, publicationDate: offer.publicationDate, prices: prices, skipped: skipped)
    }

    /// The term's price dimensions as edgeplan tiers, or why they cannot be.
    private func tiers(_ term: PriceOffer.Term, rule: OfferItemMap.Rule) -> Swift.Result<[PriceCatalog.Tier], ImportProblem> {
        func decimal(_ s: String?) -> Decimal? { s.flatMap(Decimal.init(plainText:)) }
        var rows: [(begin: Decimal, end: Decimal?, usd: Decimal)] = []
        for key in term.priceDimensions.keys.sorted() {
            let d = term.priceDimensions[key]!
            guard d.unit == rule.offerUnit else { return .failure(ImportProblem("is priced per '\(d.unit)', not per '\(rule.offerUnit)'")) }
            guard let text = d.pricePerUnit["USD"] else { return .failure(ImportProblem("has no USD price")) }
            guard let usd = decimal(text) else { return .failure(ImportProblem("has a USD price that is not a plain decimal ('\(text)')")) }
            guard let begin = decimal(d.beginRange ?? "0") else { return .failure(ImportProblem("has a beginRange that is not a number")) }
            let end: Decimal?
            if d.endRange == nil || d.endRange == "Inf" { end = nil } else {
                guard let e = decimal(d.endRange) else { return .failure(ImportProblem("has an endRange that is not a number")) }
                end = e
            }
            rows.append((begin, end, usd))
        }
        rows.sort { $0.begin < $1.begin }
        guard !rows.isEmpty, rows[0].begin == 0 else { return .failure(ImportProblem("has no price dimension starting at 0")) }
        for (k, row) in rows.enumerated() {
            let last = k == rows.count - 1
            guard (row.end == nil) == last else { return .failure(ImportProblem("has ranges that do not end with 'Inf' exactly once")) }
            if !last, rows[k + 1].begin != row.end { return .failure(ImportProblem("has ranges with a gap or an overlap")) }
        }
        return .success(rows.map { PriceCatalog.Tier(upTo: $0.end.map { $0 / rule.scale }, usd: $0.usd * rule.scale) })
    }

    private struct ImportProblem: Error {
        var why: String
        init(_ why: String) { self.why = why }
    }

    /// AWS Price List versions are timestamps written as digits (`20260911124544`).
    static func isOfferVersion(_ text: String) -> Bool {
        (1...32).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `2026-09-11T12:45:44Z`: a date, then an optional time of digits, ':', '.', '+', '-' and 'T'/'Z'.
    static func isPublicationDate(_ text: String) -> Bool {
        let chars = Array(text)
        guard (10...40).contains(chars.count), chars[4] == "-", chars[7] == "-",
              chars[0..<10].enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element.isASCII && $0.element.isNumber) })
        else { return false }
        return chars[10...].allSatisfy { ($0.isASCII && $0.isNumber) || ":.+-TZ".contains($0) }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map(\.stringValue).joined(separator: ".")
    }

    // MARK: - Updating the price files

    /// Applies a reading to the folder's price files (`folder`: file name → contents, e.g.
    /// `eu-west-1.json`). `folderLabel` names the folder in messages; `regionNames` holds every
    /// Region edgeplan knows (`limits/regions.json`) and names the Regions of new files. A
    /// `regionCode` that is not one of them is skipped: it never becomes a file name.
    public func apply(_ reading: Reading, folder: [String: Data], folderLabel: String, regionNames: [String: String]) throws(DiagnosticError) -> Result {
        var files: [OutputFile] = []
        var report: [(file: String, changes: [Change])] = []
        var skipped = reading.skipped
        for region in reading.regions {
            guard let regionName = regionNames[region] else {
                let count = reading.prices.filter { $0.region == region }.count
                skipped.append("regionCode \(region.debugDescription) is not an AWS Region edgeplan knows (limits/regions.json); its \(count) price\(count == 1 ? "" : "s") \(count == 1 ? "was" : "were") not imported")
                continue
            }
            let name = "\(region).json"
            let label = folderLabel.isEmpty ? name : "\(folderLabel)/\(name)"
            let prices = reading.prices.filter { $0.region == region }
            var document: JSONValue
            var existing: PriceCatalog?
            if let data = folder[name] {
                // Checked whole first (every problem located in the file), then edited as a document.
                do { existing = try PriceCatalog(json: data, file: label, region: region) } catch {
                    throw DiagnosticError(error.malformedFile ?? [.error("", error.description, at: SourceLocation(file: label, line: 1, column: 1))])
                }
                do { document = try JSONValue.parse(String(decoding: data, as: UTF8.self)) } catch {
                    throw DiagnosticError([.error("", "not a valid price file: \(error.message)", at: SourceLocation(file: label, line: error.line, column: error.column))])
                }
            } else {
                document = .object([
                    ("formatVersion", .int(1)), ("region", .string(region)),
                    ("regionName", .string(regionName)), ("currency", .string("USD")), ("prices", .array([])),
                ])
            }
            guard case .object(var top) = document, let pricesIndex = top.firstIndex(where: { $0.0 == "prices" }),
                  case .array(var entries) = top[pricesIndex].1
            else {
                throw DiagnosticError([.error("prices", "not a valid price file: no 'prices' list", at: SourceLocation(file: label, line: 1, column: 1))])
            }
            var changes: [Change] = []
            for price in prices {
                let newText = Self.describe(price.tiers)
                if let k = entries.firstIndex(where: { $0["item"]?.stringValue == price.rule.item }),
                   let old = existing?.prices[price.rule.item]?.tiers {
                    if old == price.tiers {
                        changes.append(Change(item: price.rule.item, kind: .unchanged, old: newText, new: newText))
                    } else {
                        entries[k] = entry(price, reading: reading, replacing: entries[k], folder: folder, region: region)
                        changes.append(Change(item: price.rule.item, kind: .changed, old: Self.describe(old), new: newText))
                    }
                } else {
                    entries.append(entry(price, reading: reading, replacing: nil, folder: folder, region: region))
                    changes.append(Change(item: price.rule.item, kind: .added, old: nil, new: newText))
                }
            }
            report.append((label, changes))
            guard changes.contains(where: { $0.kind != .unchanged }) else { continue }
            entries.sort { ($0["item"]?.stringValue ?? "") < ($1["item"]?.stringValue ?? "") }
            top[pricesIndex].1 = .array(entries)
            let contents = JSONValue.object(top).serialized()
            do { _ = try PriceCatalog(json: Data(contents.utf8), file: label, region: region) } catch {
                throw DiagnosticError([.error("", "the updated file would not read back: \(error.description)", at: SourceLocation(file: label, line: 1, column: 1))])
            }
            files.append(OutputFile(path: name, contents: contents))
        }
        return Result(files: files, changes: report, skipped: skipped)
    }

    /// A price entry for `price`, keeping the description, unit, dimensions and any other field of
    /// the entry it replaces; key order as pricing/README.md says.
    private func entry(_ price: ImportedPrice, reading: Reading, replacing old: JSONValue?, folder: [String: Data], region: String) -> JSONValue {
        let rule = price.rule
        var note = "Imported by edgeplan pricing import from the AWS Price List offer \(reading.offerCode) version \(reading.version) (publicationDate \(reading.publicationDate)): SKU \(price.sku), usagetype \(price.usagetype)"
        if let op = price.operation, !op.isEmpty { note += ", operation \(op)" }
        if let date = price.effectiveDate { note += ", effectiveDate \(date)" }
        note += price.descriptions.isEmpty ? "." : "; " + price.descriptions.map { "'\($0.trimmingCharacters(in: .whitespaces))'" }.joined(separator: "; ") + "."
        if rule.scale != 1 { note += " The offer prices per \(rule.offerUnit.lowercased().dropLast()); prices multiplied and ranges divided by \(grouped(Int(truncating: rule.scale as NSNumber)))." }
        var dimensions = old?["dimensions"]
        if dimensions == nil, let (from, copied) = Self.dimensions(of: rule.item, in: folder, except: "\(region).json") {
            dimensions = copied
            note += " dimensions copied from \(from): the Price List does not carry them, and AWS defines them once for all Regions."
        }
        let date = String(reading.publicationDate.prefix(10))
        let source = JSONValue.object([
            ("title", .string("AWS Price List API offer \(reading.offerCode) \(reading.version)")),
            ("url", .string("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/\(reading.offerCode)/\(reading.version)/\(region)/index.json")),
            ("region", .string(price.location)),
            ("read", .string(date)),
            ("kind", .string(PriceCatalog.Evidence.priceList.rawValue)),
        ])
        var fields: [(String, JSONValue)] = [
            ("item", .string(rule.item)),
            ("description", old?["description"] ?? .string(rule.description)),
            ("unit", old?["unit"] ?? .string(rule.unit)),
        ]
        if price.tiers.count == 1 {
            fields.append(("usd", .string(price.tiers[0].usd.plainString)))
        } else {
            fields.append(("tiers", .array(price.tiers.map { t in
                .object((t.upTo.map { [("upTo", JSONValue.string($0.plainString))] } ?? []) + [("usd", .string(t.usd.plainString))])
            })))
        }
        if let dimensions { fields.append(("dimensions", dimensions)) }
        fields += [("note", .string(note)), ("source", source)]
        let known: Set = ["item", "description", "unit", "usd", "tiers", "dimensions", "note", "source"]
        if case .object(let oldFields) = old { fields += oldFields.filter { !known.contains($0.0) } }
        return .object(fields)
    }

    /// The `dimensions` of `item` in the first other file of the folder that has them.
    static func dimensions(of item: String, in folder: [String: Data], except: String) -> (String, JSONValue)? {
        for name in folder.keys.sorted() where name != except {
            guard let doc = try? JSONValue.parse(String(decoding: folder[name]!, as: UTF8.self)),
                  case .array(let entries)? = doc["prices"],
                  let dims = entries.first(where: { $0["item"]?.stringValue == item })?["dimensions"]
            else { continue }
            return (name, dims)
        }
        return nil
    }

    /// "0.0252", or "0.01 up to 1048576, 0.006 up to 5242880, then 0.004".
    static func describe(_ tiers: [PriceCatalog.Tier]) -> String {
        guard tiers.count > 1 else { return tiers.first?.usd.plainString ?? "none" }
        return tiers.map { t in t.upTo.map { "\(t.usd.plainString) up to \($0.plainString)" } ?? "then \(t.usd.plainString)" }.joined(separator: ", ")
    }
}
