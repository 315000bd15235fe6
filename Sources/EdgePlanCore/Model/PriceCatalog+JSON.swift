import Foundation

extension PriceCatalog {
    /// The largest price file edgeplan reads: about 30 times the largest bundled one (37 KB), room
    /// for a thousand prices with long notes, and read in well under a second.
    public static let maxBytes = 1 << 20

    /// Reads a price file's bytes (the caller reads the file). `file` names it in errors; `region`,
    /// when given, is the region the file must be for (the one its name says). Every field is
    /// checked and every problem reported at its line and column with the path to the value
    /// (`pricing/aws/eu-west-1.json:12:15: error: prices[0].usd: …`): a file that cannot be read
    /// exactly is refused whole, never read in part. Fields the format does not name are ignored.
    public init(json: Data, file: String, region: String? = nil) throws(PriceError) {
        guard json.count <= PriceCatalog.maxBytes else {
            throw .malformed([.error("", "the file is \(grouped(json.count)) bytes; a price file is at most \(grouped(PriceCatalog.maxBytes)) bytes", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var reader = PriceFileReader(file: file)
        guard let read = reader.read(json, region: region) else { throw .malformed(reader.problems) }
        self = read.catalog
        entryPaths = read.entryPaths
        locations = read.locations
    }
}

/// The checks behind `PriceCatalog(json:file:region:)`, collecting every problem with its place.
private struct PriceFileReader {
    let file: String
    var document = JSONValue.Located?.none
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ path: String) -> SourceLocation {
        let (line, column) = document?.position(of: path) ?? (1, 1)
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func fail(_ path: String, _ message: String) {
        problems.append(.error(path, message, at: location(path)))
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object: return "an object"
        case .array(let items): return items.isEmpty ? "an empty list" : "a list"
        case .string(let s): return "the text \"\(s)\""
        case .int(let n): return "the number \(n)"
        case .bool(let b): return "\(b)"
        case .null: return "null"
        }
    }

    /// The fields of the object at `path`, or nil (and a problem) when it is something else.
    mutating func object(_ value: JSONValue, _ path: String, _ what: String) -> JSONValue? {
        guard case .object = value else {
            fail(path, "expected \(what), got \(Self.describe(value))")
            return nil
        }
        return value
    }

    /// Text at `object[key]`; a problem when it is missing (unless optional) or not text.
    mutating func string(_ object: JSONValue, _ key: String, in path: String, optional: Bool = false) -> String? {
        let at = path.isEmpty ? key : "\(path).\(key)"
        guard let value = object[key] else {
            if !optional { fail(at, "missing field '\(key)'") }
            return nil
        }
        guard case .string(let s) = value else {
            fail(at, "expected text, got \(Self.describe(value))")
            return nil
        }
        return s
    }

    /// A decimal string read by `Decimal(plainText:)`: exactly, or a problem.
    mutating func decimal(_ value: JSONValue, _ path: String) -> Decimal? {
        guard case .string(let s) = value else {
            fail(path, "expected a decimal in quotes, such as \"0.0225\", got \(Self.describe(value))")
            return nil
        }
        guard let d = Decimal(plainText: s) else {
            fail(path, "'\(s)' is not a plain decimal edgeplan can read exactly: write digits with at most one '.' and at most 38 significant digits, such as \"0.0225\"")
            return nil
        }
        return d
    }

    struct Read {
        var catalog: PriceCatalog
        var entryPaths: [String: String]
        var locations: [String: SourceLocation]
    }

    mutating func read(_ data: Data, region expected: String?) -> Read? {
        guard let text = String(data: data, encoding: .utf8) else {
            fail("", "not a valid price file: the file is not UTF-8 text")
            return nil
        }
        do {
            document = try JSONValue.parseLocated(text)
        } catch {
            problems.append(.error("", "not a valid price file: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column)))
            return nil
        }
        guard let top = object(document!.value, "", "an object with formatVersion, region, regionName, currency and prices") else { return nil }
        switch top["formatVersion"] {
        case .int(1)?: break
        case .int(let v)?:
            fail("formatVersion", "format version \(v); this edgeplan reads version 1")
            return nil
        case let other?:
            fail("formatVersion", "expected the format version 1, got \(Self.describe(other))")
            return nil
        case nil:
            fail("formatVersion", "missing field 'formatVersion' (1)")
            return nil
        }
        let region = string(top, "region", in: "")
        if let region, let expected, region != expected {
            fail("region", "the file is for '\(region)' but is named for \(expected); rename it or fix its region")
        }
        let regionName = string(top, "regionName", in: "")
        let currency = string(top, "currency", in: "")
        if let currency, currency != "USD" {
            fail("currency", "'\(currency)': edgeplan reads prices in USD only")
        }
        var prices: [PriceCatalog.Price] = []
        var entryPaths: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        switch top["prices"] {
        case .array(let entries)?:
            for (k, value) in entries.enumerated() {
                let path = "prices[\(k)]"
                guard let entry = object(value, path, "a price object (item, description, unit, usd or tiers, source)") else { continue }
                guard let price = self.price(entry, path) else { continue }
                if let first = entryPaths[price.item] {
                    fail("\(path).item", "'\(price.item)' is already priced at \(first); each item appears once")
                    continue
                }
                entryPaths[price.item] = path
                for name in price.dimensions.keys {
                    locations["\(path).dimensions.\(name)"] = location("\(path).dimensions.\(name)")
                }
                prices.append(price)
            }
        case let other?:
            fail("prices", "expected a list of prices, got \(Self.describe(other))")
        case nil:
            fail("prices", "missing field 'prices'")
        }
        guard problems.isEmpty, let region, let regionName, let currency else { return nil }
        let catalog = PriceCatalog(region: region, regionName: regionName, currency: currency, file: file, prices: prices)
        return Read(catalog: catalog, entryPaths: entryPaths, locations: locations)
    }

    /// One entry of `prices`, or nil with its problems recorded.
    mutating func price(_ entry: JSONValue, _ path: String) -> PriceCatalog.Price? {
        let before = problems.count
        let item = string(entry, "item", in: path)
        let description = string(entry, "description", in: path)
        let unit = string(entry, "unit", in: path)
        var tiers: [PriceCatalog.Tier] = []
        switch (entry["usd"], entry["tiers"]) {
        case (let usd?, nil):
            if let d = decimal(usd, "\(path).usd") { tiers = [PriceCatalog.Tier(upTo: nil, usd: d)] }
        case (nil, .array(let list)?) where !list.isEmpty:
            for (i, value) in list.enumerated() {
                let at = "\(path).tiers[\(i)]"
                guard let tier = object(value, at, "a tier (upTo and usd; the last one usd only)") else { continue }
                let last = i == list.count - 1
                let bound = tier["upTo"].flatMap { decimal($0, "\(at).upTo") }
                switch (tier["upTo"] == nil, last) {
                case (true, false): fail(at, "missing field 'upTo': only the last tier has no upper bound")
                case (false, true): fail("\(at).upTo", "the last tier has no upTo: it holds everything above the tier before")
                default: break
                }
                if let bound, let previous = tiers.last?.upTo, bound <= previous {
                    fail("\(at).upTo", "\(bound.plainString) does not rise above the tier before (\(previous.plainString)): upTo is cumulative")
                }
                guard let usd = tier["usd"] else {
                    fail("\(at).usd", "missing field 'usd'")
                    continue
                }
                if let d = decimal(usd, "\(at).usd") { tiers.append(PriceCatalog.Tier(upTo: last ? nil : bound, usd: d)) }
            }
        case (nil, let other?):
            fail("\(path).tiers", "expected a list of one or more tiers, got \(Self.describe(other))")
        case (_?, _?):
            fail(path, "give either usd (a flat price) or tiers, not both")
        case (nil, nil):
            fail("\(path).usd", "missing field 'usd' (a flat price) or 'tiers'")
        }
        var dimensions: [String: Decimal] = [:]
        if let value = entry["dimensions"], let object = object(value, "\(path).dimensions", "an object of decimal strings") {
            for (name, v) in object.fields {
                if let d = decimal(v, "\(path).dimensions.\(name)") { dimensions[name] = d }
            }
        }
        let plan = flatRatePlan(entry, path, item: item, flat: entry["tiers"] == nil, dimensions: dimensions)
        let note = string(entry, "note", in: path, optional: true)
        var source: Source?
        var evidence: PriceCatalog.Evidence?
        if let value = entry["source"] {
            if let object = object(value, "\(path).source", "an object (title, url, region, read, kind)"), let title = string(object, "title", in: "\(path).source") {
                let kinds = PriceCatalog.Evidence.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                if object["kind"] == nil {
                    fail("\(path).source.kind", "missing field 'kind': how directly the price comes from AWS, one of \(kinds) (pricing/README.md)")
                } else if let kind = string(object, "kind", in: "\(path).source") {
                    evidence = PriceCatalog.Evidence(rawValue: kind)
                    if evidence == nil { fail("\(path).source.kind", "'\(kind)' is not a kind of evidence: write one of \(kinds)") }
                }
                source = Source(title: title, url: string(object, "url", in: "\(path).source", optional: true),
                                region: string(object, "region", in: "\(path).source", optional: true),
                                read: string(object, "read", in: "\(path).source", optional: true), kind: evidence?.rawValue)
            }
        } else {
            fail("\(path).source", "missing field 'source': every price says where it comes from")
        }
        guard problems.count == before, let item, let description, let unit, let source, let evidence else { return nil }
        return PriceCatalog.Price(item: item, description: description, unit: unit, tiers: tiers, dimensions: dimensions, note: note, source: source,
                                  evidence: evidence, flatRatePlan: plan)
    }

    /// The `flatRatePlan` of an entry: required on a `cloudfront.flat-rate.*` item and refused on
    /// any other; a plan has one monthly fee (`usd`), its allowances and WAF rule limit in
    /// `dimensions`, and names only features edgeplan knows (`FlatRateFeature`), each once.
    mutating func flatRatePlan(_ entry: JSONValue, _ path: String, item: String?, flat: Bool, dimensions: [String: Decimal]) -> FlatRatePlanTerms? {
        let at = "\(path).flatRatePlan"
        let isPlanItem = item?.hasPrefix(FlatRatePlanTerms.itemPrefix) ?? false
        guard let value = entry["flatRatePlan"] else {
            if isPlanItem { fail(at, "missing field 'flatRatePlan': a '\(FlatRatePlanTerms.itemPrefix)*' item is a CloudFront flat-rate plan and states its name, includes and excludes") }
            return nil
        }
        guard let item, isPlanItem else {
            fail(at, "only a '\(FlatRatePlanTerms.itemPrefix)*' item is a flat-rate plan: name the item so, or drop flatRatePlan")
            return nil
        }
        guard let object = object(value, at, "an object (name, includes, excludes)") else { return nil }
        let before = problems.count
        if !flat { fail("\(path).tiers", "'\(item)' is a flat-rate plan: give its one monthly fee as usd, not tiers") }
        for name in FlatRatePlanTerms.dimensions where dimensions[name] == nil {
            fail("\(path).dimensions", "'\(item)' is a flat-rate plan: it needs the dimension '\(name)' (\(FlatRatePlanTerms.dimensions.joined(separator: ", ")): its monthly allowances and WAF rule limit)")
        }
        let name = string(object, "name", in: at)
        let includes = features(object, "includes", in: at)
        let excludes = features(object, "excludes", in: at)
        if let includes, let excludes {
            for (k, f) in excludes.enumerated() where includes.contains(f) {
                fail("\(at).excludes[\(k)]", "'\(f.rawValue)' is also in includes: a plan either includes a feature or excludes it")
            }
        }
        guard problems.count == before, let name, let includes, let excludes else { return nil }
        return FlatRatePlanTerms(name: name, includes: includes, excludes: excludes)
    }

    /// A list of feature names at `object[key]`, each known and listed once.
    mutating func features(_ object: JSONValue, _ key: String, in path: String) -> [FlatRateFeature]? {
        let at = "\(path).\(key)"
        guard let value = object[key] else {
            fail(at, "missing field '\(key)' (a list of feature names, possibly empty)")
            return nil
        }
        guard case .array(let list) = value else {
            fail(at, "expected a list of feature names, got \(Self.describe(value))")
            return nil
        }
        let known = FlatRateFeature.allCases.map(\.rawValue).joined(separator: ", ")
        var found: [FlatRateFeature] = []
        var ok = true
        for (k, v) in list.enumerated() {
            guard case .string(let s) = v else {
                fail("\(at)[\(k)]", "expected a feature name, got \(Self.describe(v))")
                ok = false
                continue
            }
            guard let f = FlatRateFeature(rawValue: s) else {
                fail("\(at)[\(k)]", "'\(s)' is not a flat-rate plan feature edgeplan knows: write one of \(known)")
                ok = false
                continue
            }
            if found.contains(f) {
                fail("\(at)[\(k)]", "'\(s)' is listed twice")
                ok = false
                continue
            }
            found.append(f)
        }
        return ok ? found : nil
    }
}
