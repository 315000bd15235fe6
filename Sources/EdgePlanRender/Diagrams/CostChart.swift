import EdgePlanCore
import Foundation

/// How much more each option costs than the cheapest, around the design's own traffic: data out
/// from half to one and a half times the design's on a linear axis (the ±25% band shaded), each
/// option's monthly cost minus the cheapest one's at the same traffic on a linear axis, so that
/// differences of a few dollars show. Options that fail a need the design states are grey and
/// dotted, the recommended one is drawn thicker and named so; the pairwise break-evens in view
/// are numbered. Below the plot: the cheapest option per traffic band over the whole sweep, in
/// words, and a sentence when a break-even lies within ±25% of the design's traffic.
public struct CostChart: Sendable {
    public init() {}

    static let width = 900.0
    static let margin = 20.0
    static let size = 11.5
    static let plotLeft = 86.0
    static let plotHeight = 320.0
    static let rowGap = 15.0

    struct Series {
        var id: String
        var points: [(gb: Double, usd: Double)]
        var color: String
        var dash: String?
        var failing: Bool
        var recommended: Bool
    }

    public func canvas(_ plan: Plan, sweep: CostSweep) -> Canvas {
        var canvas = Canvas(width: Self.width, height: 0)
        let m = Self.margin
        canvas.text("\(plan.design.name): how much more each option costs than the cheapest", at: Point(m, m + 16), size: 16, bold: true)
        canvas.text("Around this design's traffic, linear scales; requests and connections scale with data out; \(plan.design.regionName ?? plan.design.region) prices",
                    at: Point(m, m + 36), size: 12, fill: Palette.muted)
        let own = (plan.design.traffic.dataOutGB ?? plan.pricing?.traffic?.dataOutGB).map(double) ?? 0
        let ids = sweep.points.first?.totals.map(\.option) ?? []
        // Room right of the plot for the longest line label ("id (recommended): +$1,234").
        let longest = ids.map { TextMetrics.width("\($0) (recommended): +$000,000", size: Self.size, bold: true) }.max() ?? 0
        let column = min(max(longest + 30, 160), 430)
        let plot = Rect(x: Self.plotLeft, y: m + 92, width: Self.width - Self.plotLeft - m - column, height: Self.plotHeight)
        guard own > 0, !ids.isEmpty else {
            canvas.text("No design traffic or cost sweep to chart.", at: Point(m, plot.y + 20), size: 13)
            canvas.height = plot.y + 40
            return canvas
        }
        let lo = own * 0.5, hi = own * 1.5
        let series = Self.series(plan, sweep: sweep, ids: ids, from: lo, to: hi, own: own)
        // Differences from the cheapest of the options that meet every need (all, if none does).
        let viable = series.filter { !$0.failing }
        let basis = viable.isEmpty ? series : viable
        let xs = series.first?.points.map(\.gb) ?? []
        func cheapest(_ k: Int) -> Double { basis.map { $0.points[k].usd }.min() ?? 0 }
        let diffs = series.map { s in s.points.indices.map { s.points[$0].usd - cheapest($0) } }
        // Scale to the options close to the cheapest: the third-closest at most (and $10 at least),
        // so a few dollars show; options further away are listed as off the scale.
        let reach = diffs.map { $0.map(abs).max() ?? 0 }.sorted()
        let top = Self.niceCeiling(max(10, (reach.count > 2 ? reach[2] : reach.last ?? 10) * 1.15))
        let bottom = min(0, -Self.niceCeiling(-(diffs.flatMap { $0 }.min() ?? 0) * 1.15))
        func px(_ gb: Double) -> Double { plot.x + (gb - lo) / (hi - lo) * plot.width }
        func py(_ usd: Double) -> Double { plot.maxY - (min(max(usd, bottom), top) - bottom) / (top - bottom) * plot.height }

        canvas.rect(plot, .init(fill: Palette.plot, stroke: Palette.freeStroke, strokeWidth: 1))
        // The ±25% band around the design's traffic.
        let band = Rect(x: px(own * 0.75), y: plot.y, width: px(own * 1.25) - px(own * 0.75), height: plot.height)
        canvas.rect(band, .init(fill: Palette.free), layer: 0)
        canvas.text("±25%", at: Point(band.x + 4, plot.maxY - 6), size: Self.size, fill: Palette.muted)
        // Grid and ticks.
        for k in 0...4 {
            let gb = lo + Double(k) / 4 * (hi - lo)
            let x = px(gb)
            canvas.path([Point(x, plot.y), Point(x, plot.maxY)], .init(stroke: Palette.grid, strokeWidth: 1), arrow: false)
            canvas.text("\(groupedDecimal(Decimal(gb.rounded())))", at: Point(x, plot.maxY + 18), size: Self.size, anchor: .middle, fill: Palette.muted)
        }
        for k in 0...4 {
            let usd = bottom + Double(k) / 4 * (top - bottom)
            let y = py(usd)
            canvas.path([Point(plot.x, y), Point(plot.maxX, y)], .init(stroke: usd == 0 ? Palette.freeStroke : Palette.grid, strokeWidth: 1), arrow: false)
            canvas.text(Self.usd(usd), at: Point(plot.x - 8, y + 4), size: Self.size, anchor: .end, fill: Palette.muted)
        }
        canvas.text("Data out to clients per month (GB, linear)", at: Point(plot.midX, plot.maxY + 38), size: 12, anchor: .middle)
        canvas.text("More than the cheapest, USD a month", at: Point(plot.x, plot.y - 28), size: 12)
        let ownX = px(own)
        canvas.path([Point(ownX, plot.y), Point(ownX, plot.maxY)], .init(stroke: Palette.ink, strokeWidth: 1.2, dash: "2 4"), arrow: false)
        canvas.text("this design: \(groupedDecimal(Decimal(own.rounded()))) GB", at: Point(ownX, plot.y - 8), size: Self.size, anchor: .middle, fill: Palette.ink)

        // One line per option; off-scale options listed instead.
        var offScale: [(String, Double)] = []
        var ends: [(label: String, y: Double, color: String, bold: Bool)] = []
        for (i, s) in series.enumerated() {
            let d = diffs[i]
            let here = d[xs.firstIndex { abs($0 - own) < 1e-9 } ?? d.count / 2]
            if d.allSatisfy({ $0 > top }) {
                offScale.append((s.id, here))
                continue
            }
            let line = zip(xs, d).map { Point(px($0), py($1)) }
            canvas.path(line, .init(stroke: s.color, strokeWidth: s.recommended ? 3.4 : 2, dash: s.dash), arrow: false)
            let tag = s.recommended ? " (recommended)" : (s.failing ? " (fails a need)" : "")
            ends.append(("\(s.id)\(tag): \(Self.signedUSD(here))", line.last?.y ?? plot.midY, s.failing ? Palette.failing : s.color, s.recommended))
        }
        // Labels right of the plot, in line order, pushed apart so none overlaps another, each
        // joined to its line's end.
        let placed = Self.spread(ends.map(\.y), gap: Self.rowGap, top: plot.y + 8, bottom: plot.maxY + 40)
        for (k, e) in ends.enumerated() {
            let y = placed[k]
            canvas.path([Point(plot.maxX + 2, e.y), Point(plot.maxX + 14, y - 4)], .init(stroke: e.color, strokeWidth: 1), arrow: false)
            canvas.text(e.label, at: Point(plot.maxX + 18, y), size: Self.size, bold: e.bold, fill: e.color == Palette.failing ? Palette.muted : Palette.ink)
        }

        // Pairwise break-evens in view, numbered, listed below.
        let inView = plan.breakEven.filter { double($0.dataOutGB) >= lo && double($0.dataOutGB) <= hi }
        var markerBoxes: [Rect] = []
        for (n, b) in inView.enumerated() {
            let gb = double(b.dataOutGB)
            guard let i = series.firstIndex(where: { $0.id == b.cheaperBelow }) else { continue }
            let y = py(Self.interpolate(zip(xs, diffs[i]).map { ($0, $1) }, at: gb))
            let p = Point(px(gb), y)
            canvas.circle(p, radius: 5, .init(fill: Palette.background, stroke: Palette.ink, strokeWidth: 1.5))
            var label = TextMetrics.box("\(n + 1)", x: p.x + 8, baseline: p.y - 6, size: Self.size, anchor: .start, bold: true)
            label.y = Self.freeRow(for: label, among: markerBoxes, top: plot.y + 2, bottom: plot.maxY - label.height - 2)
            markerBoxes.append(label)
            canvas.label("\(n + 1)", at: Point(label.x, label.y + Self.size * 0.92), size: Self.size, bold: true, fill: Palette.ink, background: Palette.plot)
        }

        // Key: line styles; then break-evens, off-scale options, the cheapest by traffic, sensitivity.
        var y = max(plot.maxY + 66, (placed.max() ?? 0) + 26)
        let textWidth = Self.width - 2 * m
        func say(_ text: String, bold: Bool = false, fill: String = Palette.ink) {
            for line in TextMetrics.wrap(text, width: textWidth, size: 12, bold: bold) {
                canvas.text(line, at: Point(m, y), size: 12, bold: bold, fill: fill)
                y += 18
            }
        }
        var x = m
        for s in series where !offScale.contains(where: { $0.0 == s.id }) {
            let w = 44 + TextMetrics.width(s.id, size: Self.size) + 18
            if x + w > Self.width - m { x = m; y += 20 }
            canvas.path([Point(x, y - 4), Point(x + 34, y - 4)], .init(stroke: s.color, strokeWidth: s.recommended ? 3.4 : 2, dash: s.dash), arrow: false)
            canvas.text(s.id, at: Point(x + 40, y), size: Self.size, fill: Palette.muted)
            x += w
        }
        y += 24
        if series.contains(where: \.failing) { say("Grey dotted: fails a need the design states. Thick: the recommended option.", fill: Palette.muted) }
        for (n, b) in inView.enumerated() {
            say("\(n + 1). at \(BreakEvenText.gigabytes(b.dataOutGB)) a month, \(b.cheaperAbove) becomes cheaper than \(b.cheaperBelow)")
        }
        for (id, usd) in offScale { say("Off the scale: \(id), \(Self.signedUSD(usd)) a month at this design's traffic.", fill: Palette.muted) }
        let words = CheapestByTraffic(plan)
        say(words.sentence)
        if let warning = words.sensitivitySentence { say(warning, bold: true) }
        canvas.height = (y + m).rounded(.up)
        return canvas
    }

    public func svg(_ plan: Plan, sweep: CostSweep) -> String {
        XMLWriter.document(element(plan, sweep: sweep, idPrefix: "cost"))
    }

    func element(_ plan: Plan, sweep: CostSweep, idPrefix: String) -> XMLNode {
        let words = CheapestByTraffic(plan)
        let description = "For each frontend option, how many US dollars a month it costs more than the cheapest option that meets every need, "
            + "against monthly data out from half to one and a half times this design's, both axes linear. "
            + "\(plan.breakEven.count) pairwise break-even points, where two options' costs cross, between 1 GB and 5 PB. "
            + words.sentence + (words.sensitivitySentence.map { " " + $0 } ?? "")
        return canvas(plan, sweep: sweep).svg(title: "\(plan.design.name): monthly cost of each option above the cheapest", description: description, idPrefix: idPrefix)
    }

    /// Each option's totals at the sweep points inside [from, to], at both ends and at the design's
    /// own traffic (straight lines between sweep points).
    static func series(_ plan: Plan, sweep: CostSweep, ids: [String], from lo: Double, to hi: Double, own: Double) -> [Series] {
        let inner = sweep.points.map { double($0.dataOutGB) }.filter { $0 > lo && $0 < hi }
        let xs = Array(Set([lo, own, hi] + inner)).sorted()
        let recommended = plan.recommendation?.option
        return ids.enumerated().map { i, id in
            let raw = sweep.points.compactMap { p -> (Double, Double)? in
                p.totals.first { $0.option == id }.map { (double(p.dataOutGB), double($0.total)) }
            }
            let failing = !(plan.options.first { $0.id == id }?.unmetNeeds.isEmpty ?? true)
            let style = Palette.series[i % Palette.series.count]
            return Series(id: id, points: xs.map { ($0, interpolate(raw, at: $0)) }, color: failing ? Palette.failing : style.color,
                          dash: failing ? "2 3" : style.dash, failing: failing, recommended: id == recommended)
        }
    }

    /// Linear interpolation between the priced points.
    static func interpolate(_ series: [(Double, Double)], at x: Double) -> Double {
        guard let upper = series.firstIndex(where: { $0.0 >= x }) else { return series.last?.1 ?? 0 }
        guard upper > 0 else { return series.first?.1 ?? 0 }
        let (x0, y0) = series[upper - 1], (x1, y1) = series[upper]
        return x1 == x0 ? y1 : y0 + (x - x0) / (x1 - x0) * (y1 - y0)
    }

    /// Positions for labels wanted at `wanted` (baselines), in the same order, at least `gap` apart,
    /// inside [top, bottom] where they fit (below it otherwise).
    static func spread(_ wanted: [Double], gap: Double, top: Double, bottom: Double) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] || (wanted[$0] == wanted[$1] && $0 < $1) }
        var placed = Array(repeating: 0.0, count: wanted.count)
        var last = top - gap
        for i in order {
            placed[i] = max(wanted[i], last + gap, top)
            last = placed[i]
        }
        // Pull the stack up if it runs past the bottom, keeping the gaps.
        let overflow = (order.last.map { placed[$0] } ?? 0) - bottom
        if overflow > 0 {
            var next = bottom + gap
            for i in order.reversed() {
                placed[i] = max(min(placed[i] - overflow, next - gap), top)
                next = placed[i]
            }
            var previous = top - gap
            for i in order {
                placed[i] = max(placed[i], previous + gap)
                previous = placed[i]
            }
        }
        return placed
    }

    /// 1, 2 or 5 times a power of ten, at least `v`.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 0 }
        let p = pow(10, floor(log10(v)))
        for m in [1.0, 2, 5, 10] where m * p >= v - 1e-9 { return m * p }
        return 10 * p
    }

    static func usd(_ v: Double) -> String {
        let rounded = Decimal(v.rounded())
        return v < 0 ? "−$\(groupedDecimal(-rounded))" : "$\(groupedDecimal(rounded))"
    }

    static func signedUSD(_ v: Double) -> String {
        abs(v) < 0.005 ? "cheapest" : (v > 0 ? "+" + usd(v) : usd(v))
    }

    static func gbLabel(_ e: Int) -> String {
        switch e {
        case ..<3: return "\(Int(pow(10, Double(e)))) GB"
        case 3..<6: return "\(Int(pow(10, Double(e - 3))))k GB"
        default: return "\(Int(pow(10, Double(e - 6))))M GB"
        }
    }
}

func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

extension CostChart {
    /// The top of a label's box: where it was asked for, or the nearest row 14 px steps away
    /// (below, then above, then further out) that overlaps no other label and stays between
    /// `top` and `bottom`; where every row is taken, the asked-for place kept inside the plot.
    static func freeRow(for label: Rect, among placed: [Rect], top: Double, bottom: Double) -> Double {
        let start = label.y
        let steps = Int(((bottom - top) / 14).rounded(.up))
        for k in 0...(2 * steps) {
            var candidate = label
            candidate.y = start + Double((k + 1) / 2) * 14 * (k % 2 == 1 ? 1 : -1)
            if candidate.y >= top && candidate.y <= bottom && !placed.contains(where: { $0.intersects(candidate) }) { return candidate.y }
        }
        return min(max(start, top), bottom)
    }
}
