import EdgePlanCore
import Foundation

/// Monthly cost against data out, both on log scales: one line per option, the break-even
/// points marked and numbered, the design's own traffic as a vertical rule.
public struct CostChart: Sendable {
    public init() {}

    static let width = 900.0
    static let margin = 20.0
    static let size = 11.5
    static let plotLeft = 86.0
    static let plotHeight = 360.0

    public func canvas(_ plan: Plan, sweep: CostSweep) -> Canvas {
        var canvas = Canvas(width: Self.width, height: 0)
        let m = Self.margin
        canvas.text("\(plan.design.name): monthly cost by traffic", at: Point(m, m + 16), size: 16, bold: true)
        canvas.text("Requests and connections scale with data out; \(plan.design.regionName ?? plan.design.region) prices",
                    at: Point(m, m + 36), size: 12.5, fill: Palette.muted)
        let plot = Rect(x: Self.plotLeft, y: m + 78, width: Self.width - Self.plotLeft - m - 10, height: Self.plotHeight)
        let points = sweep.points.filter { $0.dataOutGB > 0 }
        let xs = points.map { log10(double($0.dataOutGB)) }
        let allTotals = points.flatMap { $0.totals.map { double($0.total) } }.filter { $0 > 0 }
        guard let xMin = xs.min(), let xMax = xs.max(), xMax > xMin, let yLow = allTotals.min(), let yHigh = allTotals.max() else {
            canvas.text("No cost sweep to chart.", at: Point(m, plot.y + 20), size: 13)
            canvas.height = plot.y + 40
            return canvas
        }
        let yMin = floor(log10(yLow)), yMax = max(ceil(log10(yHigh)), yMin + 1)
        func px(_ gb: Double) -> Double { plot.x + (log10(gb) - xMin) / (xMax - xMin) * plot.width }
        func py(_ usd: Double) -> Double { plot.maxY - (log10(max(usd, pow(10, yMin))) - yMin) / (yMax - yMin) * plot.height }

        canvas.rect(plot, .init(fill: "#fcfcfd", stroke: Palette.azStroke, strokeWidth: 1))
        // Grid and ticks: decades on both axes.
        for e in Int(ceil(xMin))...Int(floor(xMax)) {
            let x = px(pow(10, Double(e)))
            canvas.path([Point(x, plot.y), Point(x, plot.maxY)], .init(stroke: "#e4e7eb", strokeWidth: 1), arrow: false)
            canvas.text(Self.gbLabel(e), at: Point(x, plot.maxY + 20), size: Self.size, anchor: .middle, fill: Palette.muted)
        }
        for e in Int(yMin)...Int(yMax) {
            let y = py(pow(10, Double(e)))
            canvas.path([Point(plot.x, y), Point(plot.maxX, y)], .init(stroke: "#e4e7eb", strokeWidth: 1), arrow: false)
            canvas.text(Self.usdLabel(e), at: Point(plot.x - 8, y + 4), size: Self.size, anchor: .end, fill: Palette.muted)
        }
        canvas.text("Data out to clients per month (GB, log scale)", at: Point(plot.midX, plot.maxY + 40), size: 12.5, anchor: .middle)
        canvas.text("Monthly cost (USD, log scale)", at: Point(plot.x + 6, plot.y - 8), size: 12.5, fill: Palette.ink)

        // The design's own traffic.
        if let own = plan.design.traffic.dataOutGB.map(double), own > 0 {
            let x = px(own)
            if x >= plot.x && x <= plot.maxX {
                canvas.path([Point(x, plot.y), Point(x, plot.maxY)], .init(stroke: Palette.ink, strokeWidth: 1.2, dash: "2 4"), arrow: false)
                let text = "this design: \(plan.design.traffic.dataOutGB.map { groupedDecimal($0.rounded(1)) } ?? "") GB"
                let anchor: TextMetrics.Anchor = x + TextMetrics.width(text, size: Self.size) + 6 > plot.maxX ? .end : .start
                canvas.text(text, at: Point(anchor == .start ? x + 5 : x - 5, plot.y + 14), size: Self.size, anchor: anchor, fill: Palette.ink)
            }
        }

        // One line per option.
        let ids = points.first?.totals.map(\.option) ?? []
        for (i, id) in ids.enumerated() {
            let style = Palette.series[i % Palette.series.count]
            let line = points.compactMap { p -> Point? in
                guard let t = p.totals.first(where: { $0.option == id }) else { return nil }
                return Point(px(double(p.dataOutGB)), py(double(t.total)))
            }
            canvas.path(line, .init(stroke: style.color, strokeWidth: 2.2, dash: style.dash), arrow: false)
        }

        // Break-even points, numbered, explained below the chart.
        var labelBoxes: [Rect] = []
        for (n, b) in plan.breakEven.enumerated() {
            let gb = double(b.dataOutGB)
            guard gb > 0, let total = interpolate(points, option: b.cheaperBelow, at: gb) else { continue }
            let p = Point(px(gb), py(total))
            canvas.circle(p, radius: 5, .init(fill: "#ffffff", stroke: Palette.ink, strokeWidth: 1.5))
            var label = TextMetrics.box("\(n + 1)", x: p.x + 8, baseline: p.y - 6, size: Self.size, anchor: .start, bold: true)
            label.y = Self.freeRow(for: label, among: labelBoxes, top: plot.y + 2, bottom: plot.maxY)
            labelBoxes.append(label)
            canvas.text("\(n + 1)", at: Point(label.x, label.y + Self.size * 0.92), size: Self.size, bold: true)
        }

        // Legend: one row per option line, then the numbered break-even points.
        var y = plot.maxY + 66
        for (i, id) in ids.enumerated() {
            let style = Palette.series[i % Palette.series.count]
            canvas.path([Point(m, y - 4), Point(m + 34, y - 4)], .init(stroke: style.color, strokeWidth: 2.2, dash: style.dash), arrow: false)
            let cost = plan.options.first { $0.id == id }?.monthlyCost.map { " (\(money($0.total)) a month at this design's traffic)" } ?? ""
            canvas.text("\(id)\(cost)", at: Point(m + 44, y), size: 12.5)
            y += 20
        }
        for (n, b) in plan.breakEven.enumerated() {
            canvas.text("\(n + 1). at \(BreakEvenText.gigabytes(b.dataOutGB)) a month, \(b.cheaperAbove) becomes cheaper than \(b.cheaperBelow)",
                        at: Point(m, y), size: 12.5)
            y += 20
        }
        canvas.height = (y + m).rounded(.up)
        return canvas
    }

    public func svg(_ plan: Plan, sweep: CostSweep) -> String {
        XMLWriter.document(element(plan, sweep: sweep, idPrefix: "cost"))
    }

    func element(_ plan: Plan, sweep: CostSweep, idPrefix: String) -> XMLNode {
        let description = "Monthly cost in US dollars of each frontend option against monthly data out from 1 GB to 5 PB, both axes on log scales, "
            + "with \(plan.breakEven.count) break-even points where the cheapest option changes."
        return canvas(plan, sweep: sweep).svg(title: "\(plan.design.name): monthly cost by traffic", description: description, idPrefix: idPrefix)
    }

    private func interpolate(_ points: [CostSweep.Point], option: String, at gb: Double) -> Double? {
        let series = points.compactMap { p -> (Double, Double)? in
            guard let t = p.totals.first(where: { $0.option == option }) else { return nil }
            return (double(p.dataOutGB), double(t.total))
        }
        guard let upper = series.firstIndex(where: { $0.0 >= gb }) else { return series.last?.1 }
        guard upper > 0 else { return series[0].1 }
        let (x0, y0) = series[upper - 1], (x1, y1) = series[upper]
        let t = (log10(gb) - log10(x0)) / (log10(x1) - log10(x0))
        return pow(10, log10(max(y0, 1e-9)) + t * (log10(max(y1, 1e-9)) - log10(max(y0, 1e-9))))
    }

    static func gbLabel(_ e: Int) -> String {
        switch e {
        case ..<3: return "\(Int(pow(10, Double(e)))) GB"
        case 3..<6: return "\(Int(pow(10, Double(e - 3))))k GB"
        default: return "\(Int(pow(10, Double(e - 6))))M GB"
        }
    }

    static func usdLabel(_ e: Int) -> String {
        switch e {
        case ..<3: return "$\(Int(pow(10, Double(e))))"
        case 3..<6: return "$\(Int(pow(10, Double(e - 3))))k"
        default: return "$\(Int(pow(10, Double(e - 6))))M"
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
