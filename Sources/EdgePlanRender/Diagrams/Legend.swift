import EdgePlanCore

/// The key at the bottom of an option diagram, wrapped to the canvas width: every colour and line
/// style the diagram uses, each with words.
enum Legend {
    enum Item {
        case swatch(fill: String, stroke: String, dash: String?, String)
        case line(color: String, dash: String?, String)
        case marker(String)
    }

    static let rowHeight = 22.0

    static func items(bypass: Bool, waf: Bool, critical: Bool, loadBalancer: Bool = false, securityGroup: Bool = false,
                      hops: Set<Edge.Hop> = [.public, .aws, .private]) -> [Item] {
        var items: [Item] = [
            .swatch(fill: "none", stroke: Palette.cloudStroke, dash: nil, "AWS Cloud"),
            .swatch(fill: "none", stroke: Palette.regionStroke, dash: "6 4", "Region"),
            .swatch(fill: Palette.background, stroke: Palette.vpcStroke, dash: nil, "VPC"),
            .swatch(fill: "none", stroke: Palette.azStroke, dash: "5 3", "Availability Zone"),
            .swatch(fill: Palette.publicSubnet, stroke: Palette.publicStroke, dash: nil, "public subnet"),
            .swatch(fill: Palette.privateSubnet, stroke: Palette.privateStroke, dash: nil, "private subnet"),
            .swatch(fill: Palette.aws, stroke: Palette.awsStroke, dash: nil, "AWS-managed service"),
            .swatch(fill: Palette.component, stroke: Palette.componentStroke, dash: nil, loadBalancer ? "load balancer or pod" : "in the VPC"),
            .swatch(fill: Palette.internet, stroke: Palette.internetStroke, dash: "4 3", "the internet"),
            .swatch(fill: Palette.badge, stroke: Palette.badgeStroke, dash: nil, "fact about it"),
        ]
        if securityGroup { items.append(.swatch(fill: Palette.background, stroke: Palette.securityGroupStroke, dash: "4 2", "security group")) }
        if hops.contains(.public) { items.append(.line(color: Palette.hop(.public).color, dash: Palette.hop(.public).dash, "over the internet")) }
        if hops.contains(.aws) { items.append(.line(color: Palette.hop(.aws).color, dash: Palette.hop(.aws).dash, "AWS network")) }
        if hops.contains(.private) { items.append(.line(color: Palette.hop(.private).color, dash: Palette.hop(.private).dash, "inside the VPC")) }
        if waf { items.append(.swatch(fill: Palette.waf, stroke: "none", dash: nil, "WAF web ACL")) }
        if bypass { items.append(.line(color: Palette.critical, dash: Palette.bypassDash, "bypass path")) }
        if critical { items.append(.marker("critical caveat")) }
        return items
    }

    /// Every colour the items draw with, for the test that each colour of a diagram is in its key.
    static func colors(_ items: [Item]) -> Set<String> {
        var out: Set<String> = []
        for item in items {
            switch item {
            case .swatch(let fill, let stroke, _, _): out.formUnion([fill, stroke])
            case .line(let color, _, _): out.insert(color)
            case .marker: out.formUnion([Palette.criticalMarker, Palette.wafText])
            }
        }
        return out.subtracting(["none"])
    }

    static func width(_ item: Item, size: Double) -> Double {
        switch item {
        case .swatch(_, _, _, let t), .line(_, _, let t), .marker(let t): return 30 + TextMetrics.width(t, size: size) + 18
        }
    }

    static func height(_ items: [Item], width: Double, margin: Double = OptionDiagram.margin, size: Double = 11.5) -> Double {
        Double(layout(items, width: width, margin: margin, size: size).last.map { $0.row + 1 } ?? 0) * rowHeight
    }

    private static func layout(_ items: [Item], width: Double, margin: Double, size: Double) -> [(item: Item, x: Double, row: Int)] {
        var out: [(Item, Double, Int)] = []
        var x = margin, row = 0
        for item in items {
            let w = self.width(item, size: size)
            if x + w > width - margin && x > margin {
                row += 1
                x = margin
            }
            out.append((item, x, row))
            x += w
        }
        return out
    }

    static func draw(_ canvas: inout Canvas, _ items: [Item], top: Double, width: Double, margin: Double = OptionDiagram.margin, size: Double = 11.5) {
        for (item, x, row) in layout(items, width: width, margin: margin, size: size) {
            let y = top + Double(row) * rowHeight + 14
            switch item {
            case .swatch(let fill, let stroke, let dash, let t):
                canvas.rect(Rect(x: x, y: y - 11, width: 22, height: 14), .init(fill: fill, stroke: stroke, strokeWidth: 1.4, dash: dash, radius: 2))
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            case .line(let color, let dash, let t):
                canvas.path([Point(x, y - 4), Point(x + 22, y - 4)], .init(stroke: color, strokeWidth: 2, dash: dash), arrow: false)
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            case .marker(let t):
                canvas.circle(Point(x + 11, y - 4), radius: 7, .init(fill: Palette.criticalMarker))
                canvas.text(t, at: Point(x + 30, y), size: size, fill: Palette.muted)
            }
        }
    }
}
