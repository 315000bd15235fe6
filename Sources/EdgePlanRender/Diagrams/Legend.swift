import EdgePlanCore

/// The key at the bottom of an option diagram, wrapped to the canvas width.
enum Legend {
    enum Item {
        case swatch(fill: String, stroke: String, String)
        case line(color: String, dash: String?, String)
        case marker(String)
    }

    static let size = 11.5
    static let rowHeight = 22.0

    static func items(bypass: Bool, waf: Bool, critical: Bool) -> [Item] {
        var items: [Item] = [
            .swatch(fill: Palette.publicSubnet, stroke: Palette.publicStroke, "public subnet"),
            .swatch(fill: Palette.privateSubnet, stroke: Palette.privateStroke, "private subnet"),
            .swatch(fill: Palette.aws, stroke: Palette.awsStroke, "AWS-managed"),
            .line(color: Palette.hop(.public).color, dash: nil, "over the internet"),
            .line(color: Palette.hop(.aws).color, dash: Palette.hop(.aws).dash, "AWS network"),
            .line(color: Palette.hop(.private).color, dash: nil, "inside the VPC"),
        ]
        if waf { items.append(.swatch(fill: Palette.waf, stroke: Palette.wafStroke, "WAF web ACL")) }
        if bypass { items.append(.line(color: Palette.critical, dash: "7 4", "bypass path")) }
        if critical { items.append(.marker("critical caveat")) }
        return items
    }

    static func width(_ item: Item) -> Double {
        switch item {
        case .swatch(_, _, let t), .line(_, _, let t), .marker(let t): return 30 + TextMetrics.width(t, size: size) + 18
        }
    }

    static func height(_ items: [Item], width: Double) -> Double {
        Double(layout(items, width: width).last.map { $0.row + 1 } ?? 0) * rowHeight
    }

    private static func layout(_ items: [Item], width: Double) -> [(item: Item, x: Double, row: Int)] {
        var out: [(Item, Double, Int)] = []
        var x = OptionDiagram.margin, row = 0
        for item in items {
            let w = self.width(item)
            if x + w > width - OptionDiagram.margin && x > OptionDiagram.margin {
                row += 1
                x = OptionDiagram.margin
            }
            out.append((item, x, row))
            x += w
        }
        return out
    }

    static func draw(_ canvas: inout Canvas, _ items: [Item], top: Double, width: Double) {
        for (item, x, row) in layout(items, width: width) {
            let y = top + Double(row) * rowHeight + 14
            switch item {
            case .swatch(let fill, let stroke, let t):
                canvas.rect(Rect(x: x, y: y - 11, width: 22, height: 14), .init(fill: fill, stroke: stroke, strokeWidth: 1.2, radius: 3))
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            case .line(let color, let dash, let t):
                canvas.path([Point(x, y - 4), Point(x + 22, y - 4)], .init(stroke: color, strokeWidth: 2, dash: dash), arrow: false)
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            case .marker(let t):
                canvas.circle(Point(x + 11, y - 4), radius: 7, .init(fill: Palette.critical))
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            }
        }
    }
}
