import EdgePlanCore

/// The address space as bars: the VPC block (and the pod block, if any) with each subnet a block in
/// proportion to its size and the free space visible. Where subnets are too small to see at that
/// scale, a zoom bar below shows the smallest aligned block that holds them, again to scale.
public struct SubnetDiagram: Sendable {
    public init() {}

    static let width = 900.0
    static let margin = 20.0
    static let barHeight = 46.0
    static let size = 11.5
    /// A subnet narrower than this on a bar gets a zoom bar of its own region.
    static let minimumReadable = 60.0

    public func canvas(_ plan: Plan) -> Canvas {
        var canvas = Canvas(width: Self.width, height: 0)
        let m = Self.margin
        var y = m + 16
        canvas.text("\(plan.design.name): address space", at: Point(m, y), size: 16, bold: true)
        y += 20
        let total = plan.totalAddresses
        let used = plan.subnets.reduce(UInt64(0)) { $0 + $1.cidr.size }
        canvas.text("\(grouped(plan.subnets.count)) subnets use \(grouped(used)) of \(grouped(total)) addresses (\(percent(used, of: total))); grey is free",
                    at: Point(m, y), size: 12.5, fill: Palette.muted)
        y += 22
        for block in [plan.vpc.cidr] + plan.vpc.secondaryCidrs {
            y = bars(&canvas, plan, block: block, top: y + 10)
        }
        y = legend(&canvas, plan, top: y + 6)
        canvas.height = (y + m).rounded(.up)
        return canvas
    }

    public func svg(_ plan: Plan) -> String {
        XMLWriter.document(element(plan, idPrefix: "subnets"))
    }

    func element(_ plan: Plan, idPrefix: String) -> XMLNode {
        let description = "The VPC block \(plan.vpc.cidr) as a bar, each subnet a block in proportion to its size, coloured by role, with free space in grey; "
            + "zoom bars below show regions whose subnets are too small to see at full scale."
        return canvas(plan).svg(title: "\(plan.design.name): address space of \(plan.vpc.cidr)", description: description, idPrefix: idPrefix)
    }

    /// One bar for `block`, then zoom bars while some subnets are too narrow to read.
    private func bars(_ canvas: inout Canvas, _ plan: Plan, block: IPv4Prefix, top: Double) -> Double {
        let subnets = plan.subnets.filter { block.contains($0.cidr) }
        let free = plan.freeCidrs.filter { block.contains($0) }
        var region = block
        var y = top
        var previous: (range: (Double, Double), y: Double, barBottom: Double)?
        for level in 0..<4 {
            let barWidth = Self.width - 2 * Self.margin
            let x0 = Self.margin
            func xOf(_ address: UInt64) -> Double { x0 + Double(address - UInt64(region.network)) / Double(region.size) * barWidth }
            let caption = level == 0 ? "\(region) (\(grouped(region.size)) addresses)" : "zoom: \(region) (\(grouped(region.size)) addresses)"
            if let previous {
                // The zoomed region's place on the bar above, joined to this bar's full width, in
                // the space between the address labels above and the caption below.
                let joinY = y - 4
                canvas.path([Point(previous.range.0, previous.y), Point(x0, joinY)], .init(stroke: Palette.muted, strokeWidth: 1, dash: "3 3"), arrow: false)
                canvas.path([Point(previous.range.1, previous.y), Point(x0 + barWidth, joinY)], .init(stroke: Palette.muted, strokeWidth: 1, dash: "3 3"), arrow: false)
                // Mark the zoomed region on the bar above.
                canvas.path([Point(previous.range.0, previous.barBottom + 2.5), Point(max(previous.range.1, previous.range.0 + 2), previous.barBottom + 2.5)],
                            .init(stroke: Palette.ink, strokeWidth: 3), arrow: false)
            }
            canvas.text(caption, at: Point(x0, y + 12), size: 12.5, bold: level == 0)
            let barTop = y + 20
            let outline = Rect(x: x0, y: barTop, width: barWidth, height: Self.barHeight)
            canvas.rect(outline, .init(fill: Palette.free, stroke: Palette.freeStroke, strokeWidth: 1))
            var narrow: [IPv4Prefix] = []
            let inRegion = subnets.filter { region.contains($0.cidr) }
            for f in free where region.overlaps(f) {
                let clipped = region.contains(f) ? f : region
                let r = Rect(x: xOf(UInt64(clipped.network)), y: barTop, width: max(1, xOf(clipped.end) - xOf(UInt64(clipped.network))), height: Self.barHeight)
                if r.width >= TextMetrics.width(clipped.description, size: Self.size) + 10 {
                    canvas.text("free", at: Point(r.x + 5, barTop + 18), size: Self.size, fill: Palette.muted)
                    canvas.text(clipped.description, at: Point(r.x + 5, barTop + 35), size: Self.size, fill: Palette.muted)
                }
            }
            for s in inRegion {
                let colors = Palette.role(s.role)
                let start = xOf(UInt64(s.cidr.network)), end = xOf(s.cidr.end)
                let r = Rect(x: start, y: barTop, width: max(1.5, end - start), height: Self.barHeight)
                canvas.rect(r, .init(fill: colors.fill, stroke: colors.stroke, strokeWidth: 1), title: "\(s.name) \(s.cidr)")
                let labelWidth = max(TextMetrics.width(s.role.rawValue, size: Self.size), TextMetrics.width(s.cidr.description, size: Self.size)) + 10
                if r.width >= labelWidth {
                    canvas.text(s.role.rawValue, at: Point(r.x + 5, barTop + 18), size: Self.size, fill: colors.stroke)
                    canvas.text(s.cidr.description, at: Point(r.x + 5, barTop + 35), size: Self.size, fill: Palette.ink)
                } else if r.width < Self.minimumReadable {
                    narrow.append(s.cidr)
                }
            }
            y = barTop + Self.barHeight + 14
            canvas.text(IPv4Address(region.network).description, at: Point(x0, y + 2), size: Self.size, fill: Palette.muted)
            canvas.text(region.last.description, at: Point(x0 + barWidth, y + 2), size: Self.size, anchor: .end, fill: Palette.muted)
            y += 14
            // Zoom into the smallest aligned block holding every narrow subnet.
            guard let low = narrow.min(), let high = narrow.max(by: { $0.end < $1.end }) else { break }
            var zoom = low
            while !zoom.contains(high), let up = zoom.supernet(length: Int(zoom.length) - 1) { zoom = up }
            guard zoom != region, region.contains(zoom) else { break }
            previous = ((xOf(UInt64(zoom.network)), xOf(zoom.end)), y + 4, barTop + Self.barHeight)
            region = zoom
            y += 34
        }
        return y
    }

    private func legend(_ canvas: inout Canvas, _ plan: Plan, top: Double) -> Double {
        var x = Self.margin, y = top + 14
        let roles = SubnetRole.allCases.filter { role in plan.subnets.contains { $0.role == role } }
        let items: [(String, String, String)] = roles.map { ($0.rawValue, Palette.role($0).fill, Palette.role($0).stroke) } + [("free", Palette.free, Palette.freeStroke)]
        for (name, fill, stroke) in items {
            let w = 30 + TextMetrics.width(name, size: Self.size) + 18
            if x + w > Self.width - Self.margin {
                x = Self.margin
                y += 22
            }
            canvas.rect(Rect(x: x, y: y - 11, width: 22, height: 14), .init(fill: fill, stroke: stroke, strokeWidth: 1, radius: 2))
            canvas.text(name, at: Point(x + 30, y), size: Self.size, fill: Palette.muted)
            x += w
        }
        return y + 8
    }
}
