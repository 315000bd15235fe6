import EdgePlanCore
import Foundation

/// `report.md`: the design review document, in GitHub-flavoured Markdown. Its first screen is a
/// decision record (decision, why, risks accepted, assumptions) over a comparison narrow enough
/// for a phone; each option follows, then the subnets, costs and sources, and the caveats once,
/// in an appendix. Deterministic (no timestamps), written one sentence per line so that a small
/// change in the design gives a small diff, with relative links to the SVG diagrams so they show
/// on a code host.
public struct MarkdownReport: Sendable {
    public init() {}

    public func render(_ plan: Plan) -> String {
        var md = Markdown()
        header(&md, plan)
        decision(&md, plan)
        comparison(&md, plan)
        for (rank, id) in ranking(plan).enumerated() {
            if let option = plan.options.first(where: { $0.id == id }) { optionSection(&md, plan, option, rank: rank + 1) }
        }
        subnets(&md, plan)
        capacity(&md, plan)
        costs(&md, plan)
        sources(&md, plan)
        notes(&md, plan)
        caveats(&md, plan)
        return md.text
    }

    // MARK: - Sections

    private func header(_ md: inout Markdown, _ plan: Plan) {
        md.heading(1, "\(esc(plan.design.name)): front door plan")
        let region = esc(plan.design.regionName.map { "\(plan.design.region) (\($0))" } ?? plan.design.region)
        let k = plan.kubernetes
        md.lines([
            "EKS cluster \(code(plan.design.cluster)) in \(region), Kubernetes \(k.version) (EKS \(k.support.rawValue) support until \(k.support == .extended ? k.extendedSupportEnds : k.standardSupportEnds), as of \(k.asOf)).",
            "VPC `\(plan.vpc.cidr)`\(plan.vpc.secondaryCidrs.isEmpty ? "" : " with pods in `\(plan.vpc.secondaryCidrs.map(\.description).joined(separator: "`, `"))`") over \(plan.availabilityZones.count) Availability Zones; \(plan.options.count) frontend option\(plan.options.count == 1 ? "" : "s") compared.",
        ])
    }

    /// Decision, why, risks accepted, assumptions: what a review board reads first.
    private func decision(_ md: inout Markdown, _ plan: Plan) {
        guard let record = DecisionRecord(plan) else {
            md.heading(2, "Decision")
            md.paragraph("No option to decide on: the design lists no frontends.")
            return
        }
        let best = record.best
        let stated = Need.allCases.filter { plan.design.requirements.value(of: $0) }
        md.heading(2, "Decision")
        md.lines([
            "**Build \(code(best.id)).** \(esc(best.summary)).",
            "Needs stated: \(stated.isEmpty ? "none" : list(stated.map { "**\(needName($0))**" }))."
                + (best.monthlyCost.map { " Monthly cost: **\($0.totalText)**\($0.evidence == .secondary ? " (in part secondary evidence)" : "")." } ?? ""),
        ])
        md.paragraph("**Why**")
        md.lines(record.why)
        md.paragraph("**Risks accepted**")
        let risks = record.risks
        let info = best.caveats(.info).count
        if risks.isEmpty {
            md.paragraph("No critical or warning caveat" + (info > 0 ? "; \(info) info caveat\(info == 1 ? "" : "s") in [the appendix](#appendix-caveats)." : "."))
        } else {
            md.list(risks)
            if info > 0 { md.paragraph("And \(info) info caveat\(info == 1 ? "" : "s"); each caveat's text and mitigation are in [the appendix](#appendix-caveats).") }
        }
        md.paragraph("**Assumptions**")
        md.list(record.assumptions)
    }

    /// One row per option, four narrow columns, so it fits a phone; the path is in each option's section.
    private func comparison(_ md: inout Markdown, _ plan: Plan) {
        md.heading(2, "Options compared")
        var rows: [[String]] = []
        var secondary = false
        for (rank, id) in ranking(plan).enumerated() {
            guard let o = plan.options.first(where: { $0.id == id }) else { continue }
            let recommended = plan.recommendation?.option == id
            let link = "[\(recommended ? "**\(id)**" : id)](#\(MarkdownReport.slug(heading(plan, o, rank: rank + 1))))"
            let needs = o.meets.isEmpty ? "–" : "\(o.meets.filter(\.met).count) of \(o.meets.count)"
            let cost = o.monthlyCost.map { c -> String in
                if c.evidence == .secondary { secondary = true }
                return c.totalText + (c.evidence == .secondary ? " †" : "")
            } ?? "not priced"
            rows.append(["\(rank + 1). \(link)\(recommended ? " (chosen)" : "")", needs, cost, "\(o.caveats(.critical).count) / \(o.caveats(.warning).count)"])
        }
        md.table(["Option", "Needs met", "$ a month", "Critical / warning"], rows, right: [2])
        if secondary { md.paragraph("† Rests in part on secondary (third-party) price quotes.") }
        let variants = MarkdownReport.variants(plan)
        if !variants.isEmpty {
            md.paragraph("Options of one kind, told apart:")
            md.list(variants.map(esc))
        }
    }

    /// Each option whose kind an earlier option (in the design's order) has too, with the settings
    /// where it differs from that one: "alb-controller-gateway is alb-controller with
    /// loadBalancerApi gateway (not ingress)". Read from the settings plan.json records, so every
    /// setting that tells two options apart is named.
    static func variants(_ plan: Plan) -> [String] {
        var first: [FrontendKind: (id: String, settings: [(String, JSONValue)])] = [:]
        var lines: [String] = []
        for option in plan.options {
            let (id, kind, settings) = (option.id, option.frontend.kind, PlanJSONRenderer().settings(option.realization))
            guard let base = first[kind] else { first[kind] = (id, settings); continue }
            let theirs = Dictionary(base.settings, uniquingKeysWith: { a, _ in a })
            let mine = Dictionary(settings, uniquingKeysWith: { a, _ in a })
            let keys = (settings.map(\.0) + base.settings.map(\.0).filter { mine[$0] == nil }).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let differences = keys.compactMap { key -> String? in
                let (a, b) = (mine[key] ?? .null, theirs[key] ?? .null)
                return a == b ? nil : "\(key) \(text(a)) (not \(text(b)))"
            }
            lines.append("\(id) is \(base.id) with " + (differences.isEmpty ? "the same settings" : differences.joined(separator: ", ")))
        }
        return lines
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .null: return "unset"
        case .array(let items) where items.isEmpty: return "none"
        case .array(let items) where items.allSatisfy { $0.stringValue != nil }: return items.compactMap(\.stringValue).joined(separator: ", ")
        case .object(let fields) where !fields.isEmpty: return "{" + fields.map { "\($0.0) \(text($0.1))" }.joined(separator: ", ") + "}"
        default: return value.compact()
        }
    }

    private func heading(_ plan: Plan, _ o: PlannedOption, rank: Int) -> String {
        "\(rank). \(o.id)\(plan.recommendation?.option == o.id ? " (recommended)" : "")"
    }

    private func optionSection(_ md: inout Markdown, _ plan: Plan, _ o: PlannedOption, rank: Int) {
        md.heading(2, heading(plan, o, rank: rank))
        md.paragraph(esc(o.summary) + ".")
        let path = o.topology.pathLine(azCount: plan.availabilityZones.count)
        md.paragraph("**Path:** \(esc(path))")
        md.picture("\(o.id): \(path)", "diagrams/\(o.id).svg", narrow: "diagrams/\(o.id)-compact.svg")
        if !o.meets.isEmpty {
            md.paragraph("**Needs:**")
            md.list(o.meets.map { "\($0.met ? "✓" : "✗") **\(needName($0.need))**: \(esc($0.why))" })
        }
        if let cost = o.monthlyCost {
            let secondary = cost.evidence == .secondary
            md.paragraph("**Monthly cost: \(cost.totalText)**\(secondary ? " (secondary)" : "")")
            costTable(&md, cost.lines, unpriced: cost.unpriced, total: ("Total", cost.totalText + (secondary ? " (secondary)" : "")))
            if secondary { md.paragraph(PriceCatalog.Evidence.secondaryAdvice) }
            if let plan = cost.cloudFrontPlan { cloudFrontPlan(&md, plan) }
        }
        if o.caveats.isEmpty {
            md.paragraph("**Caveats:** none.")
        } else {
            md.paragraph("**Caveats** (their text is in [the appendix](#appendix-caveats)):")
            md.list(Caveat.Severity.allCases.compactMap { s in
                let ids = o.caveats(s).map { "[\(code($0.id))](#\(MarkdownReport.slug($0.id)))" }
                return ids.isEmpty ? nil : "**\(s.rawValue):** " + ids.joined(separator: ", ")
            })
        }
    }

    /// A cost table: one row per line, or per tier of a tiered line; the item in words with its
    /// price-file key beside it; `$` and units on every price.
    private func costTable(_ md: inout Markdown, _ lines: [MonthlyCost.Line], unpriced: [MonthlyCost.Unpriced], total: (String, String)) {
        var rows: [[String]] = []
        for l in lines {
            for r in CostLineText.rows(l) {
                rows.append([esc(l.component), "\(esc(r.what))<br>\(code(l.item))" + (l.evidence == .secondary ? " (secondary)" : ""), esc(r.quantity), esc(r.unitPrice), money(r.amount)])
            }
        }
        rows += unpriced.map { u in
            let name = CostLineText.itemName(u.item).map { "\(esc($0))<br>" } ?? ""
            return [esc(u.component), "\(name)\(code(u.item))", u.quantity.map { esc(CostLineText.quantity($0, unit: u.unit ?? "")) } ?? "not known", "no sourced price", "–"]
        }
        rows.append(["**\(total.0)**", "", "", "", "**\(total.1)**"])
        md.table(["Component", "Item", "Quantity", "Unit price", "Amount"], rows, right: [2, 4])
    }

    /// How the option's CloudFront is priced: the plan or pay-as-you-go, why, and what a plan replaced.
    private func cloudFrontPlan(_ md: inout Markdown, _ p: CloudFrontPlanChoice) {
        md.paragraph("**CloudFront pricing:** \(esc(p.summary))")
        let details = CloudFrontPlanText.details(p)
        if !details.isEmpty { md.list(details.map { "**\(esc($0.label.prefix(1).uppercased() + $0.label.dropFirst())):** \(esc($0.text))" }) }
        guard !p.replaced.isEmpty else { return }
        md.paragraph("The pay-as-you-go lines the plan replaces:")
        costTable(&md, p.replaced, unpriced: [], total: ("Pay-as-you-go", money(p.payAsYouGo)))
    }

    private func subnets(_ md: inout Markdown, _ plan: Plan) {
        md.heading(2, "Subnet plan")
        md.image("Address space of \(plan.vpc.cidr)", "diagrams/subnets.svg")
        switch plan.layout.kind {
        case .roleBlocks:
            md.paragraph("Each role has one aligned block with \(plan.layout.azSlots) AZ slots, placed largest first: adding an Availability Zone up to \(plan.layout.azSlots) moves no subnet, and each role's subnets summarise to one CIDR (\(plan.layout.roleBlocks.map { "\($0.role.rawValue) `\($0.cidr)`" }.joined(separator: ", "))).")
        case .compact:
            md.paragraph("The VPC holds the subnets only packed tightly (largest first, no spare AZ slots): adding an Availability Zone later will move subnets.")
        }
        switch plan.azKind {
        case .id:
            md.paragraph("The zones are AZ IDs, the same physical zone in every account: the network stack places each subnet by `AvailabilityZoneId`, and the VPC CNI picks each node's ENIConfig by its `topology.k8s.aws/zone-id` label.")
        case .name:
            break
        }
        for az in plan.availabilityZones {
            md.heading(3, plan.azKind == .id ? "\(az) (AZ ID)" : az)
            md.table(["Role", "Subnet", "CIDR", "Usable", "Tags"], plan.subnets(az: az).map { s in
                [s.role.rawValue, esc(s.name), "`\(s.cidr)`" + (s.prefixReservation.map { "<br>prefixes `\($0)`" } ?? ""), grouped(s.usableAddresses),
                 s.tags.filter { $0.key != "Name" }.map { code("\($0.key)=\($0.value)") }.joined(separator: "<br>")]
            }, right: [3])
        }
        md.heading(3, "Why each size")
        md.table(["Role", "Size", "Holds per AZ", "Why"], plan.sizing.map { s in
            ["\(s.role.rawValue)", "/\(s.length)", s.demands.map { "\(esc($0.what)): \(grouped($0.addresses))" }.joined(separator: "<br>"), esc(s.reason)]
        })
    }

    private func capacity(_ md: inout Markdown, _ plan: Plan) {
        md.heading(2, "Capacity and free space")
        let c = plan.capacity
        let total = plan.totalAddresses
        let free = plan.freeAddresses
        md.list([
            "**Nodes:** \(esc(plan.nodes.sentence(clusterMode: plan.design.clusterMode)))",
            "**\(grouped(c.nodes)) nodes and \(grouped(c.pods)) pods fit** in the planned subnets (the design asks for up to \(grouped(c.requestedNodes)) nodes × \(c.podsPerNode) pods); with one AZ lost, \(grouped(c.nodesWithOneAZLost)) nodes still fit.",
            "**\(grouped(free)) of \(grouped(total)) addresses are free** (\(percent(free, of: total))): \(plan.freeCidrs.map { "`\($0)`" }.joined(separator: ", ")).",
        ])
    }

    private func costs(_ md: inout Markdown, _ plan: Plan) {
        md.heading(2, "Cost by traffic")
        if plan.costSweep == nil, let pricing = plan.pricing, !pricing.missing.isEmpty {
            md.paragraph("Not compared by cost: \(code(pricing.file)) lacks prices that the options need in different measure (\(pricing.missing.map { "\(code($0.item)) for \(esc($0.neededBy.joined(separator: ", ")))" }.joined(separator: "; "))), so their totals leave out different items and edgeplan does not rank them by cost or look for break-even points. Add each price with its source, or with `edgeplan pricing import`.")
            return
        }
        guard plan.costSweep != nil else {
            unpriced(&md, plan)
            return
        }
        if let pricing = plan.pricing, !pricing.missing.isEmpty {
            md.paragraph("Every option lacks the same prices (\(pricing.missing.map { code($0.item) }.joined(separator: ", "))): the totals and the chart leave them out alike.")
        }
        let plans = plan.options.compactMap { o in o.monthlyCost?.cloudFrontPlan.map { (o.id, $0) } }
        if !plans.isEmpty {
            md.paragraph("CloudFront is priced both ways, pay-as-you-go and on the cheapest CloudFront flat-rate plan whose allowances hold the traffic and whose limits the option fits, and the cheaper is used; the chart and the break-even points decide afresh at every traffic level, so a plan applies only where its allowances hold the traffic:")
            md.list(plans.map { id, p in
                "**\(esc(id))**: \(esc(CloudFrontPlanText.short(p)))" + (CloudFrontPlanText.outgrown(p).map { "; \(esc($0))" } ?? "") + "."
            })
        }
        md.image("Monthly cost of each option against data out", "diagrams/cost.svg")
        // The chart's answer in words, for a reader who cannot see it.
        let cheapest = CheapestByTraffic(plan)
        if plan.costSweep != nil { md.lines([esc(cheapest.sentence)] + (cheapest.sensitivitySentence.map { [esc($0)] } ?? [])) }
        if plan.breakEven.isEmpty {
            md.paragraph("The cheapest option is the same from 1 GB to 5 PB a month.")
        } else {
            md.table(["#", "Data out per month", "Cheaper below", "Cheaper above"], plan.breakEven.enumerated().map { n, b in
                ["\(n + 1)", BreakEvenText.gigabytes(b.dataOutGB), b.cheaperBelow, b.cheaperAbove]
            }, right: [1])
        }
    }

    /// Why there are no costs, from the plan's own account of it: what is missing and who needs it.
    private func unpriced(_ md: inout Markdown, _ plan: Plan) {
        switch plan.unpriced {
        case .noPrices:
            md.paragraph("Not priced: the plan was made without prices.")
        case .noPriceFile(let file):
            md.paragraph("Not priced: there is no price file for \(esc(plan.design.region)) (\(code(file))). Add one with sourced prices, or import them with `edgeplan pricing import`, to compare the options by cost.")
        case .missingPrices(let file, let missing):
            md.paragraph("Not priced: \(code(file)) lacks prices these options need, and edgeplan never guesses a price. Either every option is priced or none is; add each price with its source, or with `edgeplan pricing import`, to compare the options by cost.")
            md.table(["Missing from the price file", "Needed by"], missing.map { m in
                [code(m.item) + (m.dimension.map { " (dimension \(code($0)))" } ?? ""), esc(m.neededBy.joined(separator: ", "))]
            })
        case nil:
            md.paragraph("Not priced: there are no options to price.")
        }
    }

    private func sources(_ md: inout Markdown, _ plan: Plan) {
        guard let pricing = plan.pricing else { return }
        md.heading(2, "Price sources")
        md.paragraph("Prices from \(code(pricing.file)) (\(esc(pricing.regionName))); every price used, with where it comes from:")
        md.table(["Item", "Source", "Evidence", "Read"], pricing.sources.map { entry in
            return [code(entry.item), Markdown.link(entry.source.title, entry.source.url), esc(entry.source.kind ?? ""), esc(entry.source.read ?? "")]
        })
    }

    private func notes(_ md: inout Markdown, _ plan: Plan) {
        guard !plan.notes.isEmpty else { return }
        md.heading(2, "Notes")
        md.list(plan.notes.map { "**\($0.severity.rawValue)** \(code($0.path)): \(esc($0.message))" })
    }

    /// Every caveat once: a table of which option carries which at what severity, then each
    /// caveat's text (per option where it differs), mitigation and references as links.
    private func caveats(_ md: inout Markdown, _ plan: Plan) {
        let options = ranking(plan).compactMap { id in plan.options.first { $0.id == id } }
        var ids: [String] = []
        for o in options { for c in o.caveats where !ids.contains(c.id) { ids.append(c.id) } }
        guard !ids.isEmpty else { return }
        func worst(_ id: String) -> Caveat.Severity {
            options.flatMap(\.caveats).filter { $0.id == id }.map(\.severity).min() ?? .info
        }
        ids.sort { (worst($0), $0) < (worst($1), $1) }
        md.heading(2, "Appendix: caveats")
        md.lines([
            "Each caveat once, with the severity it has for each option.",
            "Columns are the options by rank: \(options.enumerated().map { "\($0.offset + 1) \(esc($0.element.id))" }.joined(separator: ", ")).",
        ])
        md.table(["Caveat"] + options.indices.map { "\($0 + 1)" }, ids.map { id in
            ["[\(code(id))](#\(MarkdownReport.slug(id)))"] + options.map { o in
                guard let c = o.caveats.first(where: { $0.id == id }) else { return "–" }
                return c.severity == .critical ? "**critical**" : c.severity.rawValue
            }
        })
        for id in ids {
            let carriers = options.compactMap { o in o.caveats.first { $0.id == id }.map { (o, $0) } }
            guard let first = carriers.first?.1 else { continue }
            md.heading(3, code(id))
            md.lines(["**\(esc(first.title)).**", "Applies to " + list(carriers.map { "\(esc($0.0.id)) (\($0.1.severity.rawValue))" }) + "."])
            variants(&md, carriers.map { ($0.0.id, $0.1.detail) }, label: nil)
            variants(&md, carriers.map { ($0.0.id, $0.1.mitigation) }, label: "Mitigation")
            md.lines(["*References:* " + references(first) + "."])
        }
    }

    /// Text that is the same for every option once; text that differs once per group of options.
    private func variants(_ md: inout Markdown, _ texts: [(option: String, text: String)], label: String?) {
        var groups: [(options: [String], text: String)] = []
        for t in texts {
            if let k = groups.firstIndex(where: { $0.text == t.text }) { groups[k].options.append(t.option) } else { groups.append(([t.option], t.text)) }
        }
        for g in groups {
            let who = groups.count > 1 ? list(g.options.map(esc)) : nil
            let lead: String? = switch (label, who) {
            case let (label?, who?): "*\(label) (for \(who)):*"
            case let (label?, nil): "*\(label):*"
            case let (nil, who?): "*For \(who):*"
            case (nil, nil): nil
            }
            var sentences = Markdown.sentences(g.text).map(esc)
            if let lead, !sentences.isEmpty { sentences[0] = lead + " " + sentences[0] }
            md.lines(sentences)
        }
    }

    /// The caveat's reference titles, each a link where the rule gives its address.
    private func references(_ c: Caveat) -> String {
        c.reference.splitBytes(by: "; ").map(String.init).map { title in
            Markdown.link(title, c.referenceLinks.first { $0.title == title }?.url)
        }.joined(separator: "; ")
    }

    // MARK: - Helpers

    private func ranking(_ plan: Plan) -> [String] { plan.recommendation?.ranking ?? plan.options.map(\.id) }

    /// The anchor GitHub gives a heading: lower-case, punctuation other than '-' and '_' dropped,
    /// spaces to '-'. The HTML report gives its headings the same ids.
    public static func slug(_ heading: String) -> String {
        var out = ""
        for ch in heading.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out.append("-") }
        }
        return out
    }
}

private func esc(_ text: String) -> String { Markdown.text(text) }
private func code(_ text: String) -> String { Markdown.code(text) }

/// A tiny Markdown writer: blocks separated by one blank line, table cells escaped. Text that
/// comes from outside edgeplan's own code (price files, the design, diagnostics) goes through
/// `text`, `code` or `link`, so it can never become Markdown or HTML: the only markup in a report
/// is edgeplan's own.
struct Markdown {
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) { block(String(repeating: "#", count: level) + " " + title) }
    mutating func paragraph(_ s: String) { block(s) }
    mutating func image(_ alt: String, _ path: String) { block("![\(alt)](\(path))") }
    /// A diagram with a narrow form for phones: GitHub (and any browser) shows `narrow` on a screen
    /// up to 600 px wide, `path` elsewhere. The HTML report inlines both (`HTMLReport`).
    mutating func picture(_ alt: String, _ path: String, narrow: String) {
        block("<picture>\n<source media=\"\(Markdown.narrowScreen)\" srcset=\"\(narrow)\">\n<img src=\"\(path)\" alt=\"\(HTMLReport.attribute(alt))\">\n</picture>")
    }

    /// The screens the narrow diagrams are for.
    static let narrowScreen = "(max-width: 600px)"
    mutating func list(_ items: [String]) { block(items.map { "- \($0)" }.joined(separator: "\n")) }
    /// A paragraph written one sentence (or clause) per line: GFM joins the lines, and a change to
    /// one sentence is a one-line diff. A line that would start a block (a list, a heading, a
    /// quote, a thematic break) has its first character escaped.
    mutating func lines(_ sentences: [String]) { block(sentences.map(Markdown.inline).joined(separator: "\n")) }

    /// `line` safe to stand at the start of a line inside a paragraph.
    static func inline(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        let marker = "-+*".contains(first) && (second == nil || second == " " || line.allSatisfy { $0 == first || $0 == " " })
        if marker || ">#".contains(first) || line.hasPrefix("```") || line.hasPrefix("~~~") { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// Plain text split into sentences: after '.', '!' or '?' and a space, unless the word ending
    /// there is an abbreviation ("e.g.", "i.e.", "vs."); "v1.15.1" has no space and stays whole.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        // One pass: the sentence so far starts at `start`, its last word (after the last space) at `word`.
        var start = text.startIndex, word = text.startIndex, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == " " { word = next }
            if c == "." || c == "!" || c == "?", next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                if after < text.endIndex, !text[after].isWhitespace, !isAbbreviation(text[word..<next]) {
                    out.append(String(text[start..<next]))
                    (start, word, i) = (after, after, after)
                    continue
                }
            }
            i = next
        }
        if start < text.endIndex { out.append(String(text[start...])) }
        return out
    }

    /// Whether `word`, lowercased and without brackets around it, is one after which a sentence
    /// goes on ("e.g.", "i.e.", "vs.", …).
    private static func isAbbreviation(_ word: Substring) -> Bool {
        var scalars = Substring(word.lowercased()).unicodeScalars
        while scalars.first == "(" { scalars.removeFirst() }
        while scalars.last == "(" { scalars.removeLast() }
        return ["e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "incl."].contains(String(scalars))
    }

    /// A GitHub pipe table; `right` lists the columns to right-align.
    mutating func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
        var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
        lines.append("| " + header.indices.map { right.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        block(lines.joined(separator: "\n"))
    }

    private mutating func block(_ s: String) {
        if !text.isEmpty { text += "\n" }
        text += s + "\n"
    }

    /// `text` as inline Markdown that shows exactly those characters: every character that could
    /// start markup (`<`, `&`, `[`, `*`, a backtick, …) is backslash-escaped, line breaks and other
    /// control characters become spaces.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            if u.properties.generalCategory == .control || u == "\u{2028}" || u == "\u{2029}" {
                out.append(" ")
                continue
            }
            switch u {
            case "\\", "`", "*", "[", "]", "<", ">", "&", "~", "!", "#":
                out.append("\\")
            case "_":
                // Inside a word an underscore is never emphasis: keep snake_case readable.
                let before = i > 0 && scalars[i - 1].properties.isAlphabetic || i > 0 && ("0"..."9").contains(scalars[i - 1])
                let after = i + 1 < scalars.count && (scalars[i + 1].properties.isAlphabetic || ("0"..."9").contains(scalars[i + 1]))
                if !(before && after) { out.append("\\") }
            default:
                break
            }
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// `text` as a code span: fenced by more backticks than it holds in a row, so nothing in it
    /// can close the span.
    static func code(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        var longest = 0, run = 0
        for ch in flat {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A link when `url` is a plain http(s) address; otherwise just the text, so a `javascript:`
    /// or malformed address is never clickable.
    static func link(_ title: String, _ url: String?) -> String {
        guard let url, isWebAddress(url) else { return text(title) }
        return "[\(text(title))](<\(url)>)"
    }

    /// `http://` or `https://`, then a host and path of printable characters that need no escaping
    /// in a Markdown link destination.
    static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        guard let first = rest.first, first.isLetter || first.isNumber else { return false }
        return url.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f && !"<>\\\"`{}|^ ".unicodeScalars.contains($0) }
    }

    private func cell(_ s: String) -> String {
        s.replacingBytes("|", with: "\\|").replacingBytes("\n", with: " ")
    }
}
