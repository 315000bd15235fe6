import EdgePlanCore

/// The diagram of one frontend option, laid out from its graph and the subnet plan. Traffic flows
/// top to bottom: the internet at the top, AWS-managed services below it, then the VPC with one
/// column per Availability Zone and, down each column, one subnet per role along the request path,
/// ending with the pods. Nothing is placed by hand per option; the width depends on the AZ count
/// only, so long paths stay readable at 900 px.
public struct OptionDiagram: Sendable {
    public init() {}

    static let labelSize = 13.0
    static let smallSize = 11.5
    static let margin = 20.0
    static let chipHeight = 30.0
    static let nodeHeight = 44.0
    static let levelGap = 40.0
    static let cellHeight = 66.0

    /// A run of path components drawn together.
    enum Column {
        /// Outside the VPC: the internet or an AWS-managed service.
        case outside(Component)
        /// One subnet of a role per AZ, each holding these components.
        case subnets(SubnetRole, [Component])
        /// Inside the VPC but in no subnet (an endpoint service): one box across the AZs.
        case spanning(Component)
    }

    /// Deferred drawing of edges, so lines and arrowheads sit on top of the boxes.
    private struct Pending {
        var points: [Point]
        var hop: Edge.Hop
        var arrow: Bool
    }

    public func canvas(_ plan: Plan, _ option: PlannedOption) -> Canvas {
        let topology = option.topology
        let azs = plan.availabilityZones
        let clusterRole: SubnetRole = plan.subnets.contains { $0.role == .pods } ? .pods : .nodes
        let columns = Self.columns(topology.mainPath, clusterRole: clusterRole)
        let outside = columns.prefix { if case .outside = $0 { return true } else { return false } }.compactMap { c -> Component? in
            if case .outside(let x) = c { return x } else { return nil }
        }
        let inside = Array(columns.dropFirst(outside.count))
        let edgeMap = Dictionary(topology.edges.filter { !$0.bypass }.map { ("\($0.from)>\($0.to)", $0) }, uniquingKeysWith: { a, _ in a })
        func edge(_ a: Component?, _ b: Component?) -> Edge? {
            guard let a, let b else { return nil }
            return edgeMap["\(a.id)>\(b.id)"]
        }
        let s = Self.smallSize, l = Self.labelSize

        // Column width: the widest cell content or subnet label, over roles and AZs.
        func chipWidth(_ c: Component) -> Double { max(52, TextMetrics.width(Self.chipText(c), size: l) + 16) }
        func innerGap(_ a: Component, _ b: Component) -> Double {
            max(40, TextMetrics.width(Self.edgeText(edge(a, b)), size: s) + 12)
        }
        let wafBadgeWidth = TextMetrics.width("WAF", size: s, bold: true) + 14
        func badge(_ c: Component) -> Double { topology.wafOn == c.id ? wafBadgeWidth + 6 : 0 }
        // Room to the left of a chip for the red markers of the critical caveats on it.
        let criticalsOn = Dictionary(grouping: option.caveats(.critical).compactMap(\.component), by: { $0 }).mapValues(\.count)
        func markerRoom(_ c: Component) -> Double { criticalsOn[c.id].map { Double($0) * 20 + 4 } ?? 0 }
        func cellContentWidth(_ comps: [Component]) -> Double {
            comps.map { markerRoom($0) + chipWidth($0) + badge($0) }.reduce(0, +) + zip(comps, comps.dropFirst()).map { innerGap($0, $1) }.reduce(0, +)
        }
        var azWidth = max(150, (azs.map { TextMetrics.width($0, size: l, bold: true) }.max() ?? 0) + 20)
        for column in inside {
            if case .subnets(let role, let comps) = column {
                let label = azs.map { TextMetrics.width(subnetLabel(plan, role: role, az: $0), size: s) }.max() ?? 0
                azWidth = max(azWidth, cellContentWidth(comps) + 28, label + 24)
            }
        }
        let azGap = 14.0
        let vpcPadding = 12.0
        let vpcWidth = Double(azs.count) * azWidth + Double(azs.count - 1) * azGap + 2 * vpcPadding

        let criticals = option.caveats(.critical)
        let bypass = topology.edges.filter(\.bypass)
        let bypassLane = bypass.isEmpty ? 0.0 : 22.0
        // Managed nodes may carry a WAF badge beside them: keep room for it inside the width.
        let widestNode = outside.map { max(120, TextMetrics.width($0.label, size: l, bold: $0.kind == .internet) + 32) }.max() ?? 0
        let annotationWidth = max(0, widestNode / 2 + wafBadgeWidth + 40 - (Double(azs.count) * 120))

        let contentWidth = Self.margin + bypassLane + vpcWidth + annotationWidth + Self.margin
        let width = max(contentWidth, 560).rounded(.up)
        let textWidth = width - 2 * Self.margin
        let vpcX = Self.margin + bypassLane
        let axis = vpcX + vpcWidth / 2

        var canvas = Canvas(width: width, height: 0)
        var pending: [Pending] = []
        var y = Self.margin + 16
        canvas.text(option.id, at: Point(Self.margin, y), size: 16, bold: true)
        for line in wrap(option.summary, width: textWidth, size: l) {
            y += 19
            canvas.text(line, at: Point(Self.margin, y), size: l)
        }
        for line in wrap(topology.pathLine(azCount: azs.count), width: textWidth, size: s) {
            y += 17
            canvas.text(line, at: Point(Self.margin, y), size: s, fill: Palette.muted)
        }
        y += 20

        // The internet and the AWS-managed chain, centred on the VPC's axis.
        var nodeRects: [String: Rect] = [:]
        for (i, c) in outside.enumerated() {
            let internet = c.kind == .internet
            let w = max(120, TextMetrics.width(c.label, size: l, bold: internet) + 32)
            let r = Rect(x: axis - w / 2, y: y, width: w, height: Self.nodeHeight)
            canvas.rect(r, .init(fill: internet ? Palette.internet : Palette.aws, stroke: internet ? Palette.internetStroke : Palette.awsStroke,
                                 strokeWidth: 1.5, dash: internet ? "4 3" : nil, radius: internet ? 22 : 6), title: c.notes.first)
            canvas.text(c.label, at: Point(r.midX, r.midY + 4.5), size: l, anchor: .middle, bold: internet)
            if topology.wafOn == c.id {
                wafBadge(&canvas, Rect(x: r.maxX + 8, y: r.midY - 11, width: wafBadgeWidth, height: 22))
            }
            nodeRects[c.id] = r
            y = r.maxY
            if i < outside.count - 1 {
                let e = edge(c, outside[i + 1])
                pending.append(Pending(points: [Point(axis, r.maxY), Point(axis, r.maxY + Self.levelGap)], hop: e?.hop ?? .aws, arrow: true))
                canvas.text(Self.edgeText(e), at: Point(axis + 8, r.maxY + Self.levelGap / 2 + 4), size: s, fill: Palette.hop(e?.hop ?? .aws).color)
                y += Self.levelGap
            }
        }
        if outside.count > 1, let first = nodeRects[outside[1].id], let last = outside.last.flatMap({ nodeRects[$0.id] }) {
            // A band around the AWS-managed services, tight enough that edge labels stay outside it.
            let widest = outside.dropFirst().compactMap { nodeRects[$0.id]?.width }.max() ?? 0
            let innerLabels = zip(outside.dropFirst(), outside.dropFirst(2)).map { TextMetrics.width(Self.edgeText(edge($0, $1)), size: s) }
            let half = max(widest / 2 + 110, (innerLabels.max() ?? 0) + 24)
            let band = Rect(x: axis - half, y: first.y - 8, width: 2 * half, height: last.maxY - first.y + 16)
            canvas.rect(band, .init(stroke: Palette.awsStroke, strokeWidth: 1, dash: "3 3", radius: 8))
            canvas.text("AWS network", at: Point(band.x + 8, first.midY + 4), size: s, fill: Palette.awsStroke)
        }

        // The VPC, its AZ columns and the levels down them.
        let entryGap = 54.0
        let vpcTop = y + entryGap
        let vpcHeader = 30.0, azHeader = 26.0
        let levelsTop = vpcTop + vpcHeader + azHeader
        var levelTops: [Double] = []
        var cursor = levelsTop
        for (k, column) in inside.enumerated() {
            levelTops.append(cursor)
            if case .spanning = column { cursor += Self.nodeHeight } else { cursor += Self.cellHeight }
            if k < inside.count - 1 { cursor += Self.levelGap }
        }
        let vpcBottom = cursor + 12
        let vpc = Rect(x: vpcX, y: vpcTop, width: vpcWidth, height: vpcBottom - vpcTop)
        canvas.rect(vpc, .init(fill: Palette.vpc, stroke: Palette.vpcStroke, strokeWidth: 2, radius: 10))
        let secondary = plan.vpc.secondaryCidrs.isEmpty ? "" : " + \(plan.vpc.secondaryCidrs.map(\.description).joined(separator: ", "))"
        canvas.text("VPC \(plan.vpc.cidr)\(secondary)", at: Point(vpc.x + 12, vpc.y + 20), size: l, bold: true)
        func azRect(_ i: Int) -> Rect {
            Rect(x: vpc.x + vpcPadding + Double(i) * (azWidth + azGap), y: vpcTop + vpcHeader, width: azWidth, height: vpcBottom - 8 - vpcTop - vpcHeader)
        }
        // AZ columns, interrupted where a regional component (an endpoint service) spans them.
        var segments: [(top: Double, bottom: Double)] = []
        var segmentTop = vpcTop + vpcHeader
        for (k, column) in inside.enumerated() {
            if case .spanning = column {
                segments.append((segmentTop, levelTops[k] - 6))
                segmentTop = levelTops[k] + Self.nodeHeight + 4
            }
        }
        segments.append((segmentTop, vpcBottom - 8))
        for (i, az) in azs.enumerated() {
            let column = azRect(i)
            for (n, segment) in segments.enumerated() {
                let r = Rect(x: column.x, y: segment.top, width: column.width, height: segment.bottom - segment.top)
                canvas.rect(r, .init(fill: Palette.az, stroke: Palette.azStroke, strokeWidth: 1, dash: "5 3", radius: 6))
                if n == 0 { canvas.text(az, at: Point(r.x + 10, r.y + 18), size: l, bold: true, fill: Palette.muted) }
            }
        }

        // chips[id][az]: where each component sits in each AZ.
        var chips: [String: [Rect]] = [:]
        var levelRects: [Rect] = []
        for (k, column) in inside.enumerated() {
            let top = levelTops[k]
            switch column {
            case .subnets(let role, let comps):
                let colors = Palette.role(role)
                for (i, az) in azs.enumerated() {
                    let a = azRect(i)
                    let cell = Rect(x: a.x + 8, y: top, width: a.width - 16, height: Self.cellHeight)
                    canvas.rect(cell, .init(fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.2, radius: 5),
                                title: subnet(plan, role: role, az: az).map { "\($0.name) \($0.cidr) (\($0.usableAddresses) usable)" })
                    canvas.label(subnetLabel(plan, role: role, az: az), at: Point(cell.x + 8, cell.y + 15), size: s, fill: colors.stroke, background: colors.fill)
                    var x = cell.midX - cellContentWidth(comps) / 2
                    for (j, c) in comps.enumerated() {
                        x += markerRoom(c)
                        let chip = Rect(x: x, y: cell.y + 26, width: chipWidth(c), height: Self.chipHeight)
                        canvas.rect(chip, .init(fill: Palette.component, stroke: Palette.componentStroke, strokeWidth: 1.2, radius: 4), title: c.notes.first)
                        canvas.text(Self.chipText(c), at: Point(chip.midX, chip.midY + 4.5), size: l, anchor: .middle)
                        chips[c.id, default: []].append(chip)
                        x = chip.maxX
                        if topology.wafOn == c.id {
                            wafBadge(&canvas, Rect(x: chip.maxX + 6, y: chip.y + 4, width: wafBadgeWidth, height: chip.height - 8))
                            x += wafBadgeWidth + 6
                        }
                        if j < comps.count - 1 {
                            let gap = innerGap(c, comps[j + 1])
                            let e = edge(c, comps[j + 1])
                            pending.append(Pending(points: [Point(chip.maxX, chip.midY), Point(chip.maxX + gap - 2, chip.midY)], hop: e?.hop ?? .private, arrow: true))
                            if i == 0 {
                                canvas.text(Self.edgeText(e), at: Point(chip.maxX + gap / 2, chip.maxY - 1), size: s, anchor: .middle, fill: Palette.hop(e?.hop ?? .private).color)
                            }
                            x += gap
                        }
                    }
                }
                levelRects.append(Rect(x: azRect(0).x, y: top, width: azRect(azs.count - 1).maxX - azRect(0).x, height: Self.cellHeight))
            case .spanning(let c):
                let r = Rect(x: azRect(0).x + 8, y: top, width: azRect(azs.count - 1).maxX - azRect(0).x - 16, height: Self.nodeHeight)
                canvas.rect(r, .init(fill: Palette.aws, stroke: Palette.awsStroke, strokeWidth: 1.5, radius: 6), title: c.notes.first)
                let note = c.notes.first.map { " (\($0))" } ?? ""
                canvas.text(c.label + note, at: Point(r.midX, r.midY + 4.5), size: l, anchor: .middle)
                chips[c.id] = azs.indices.map { i in Rect(x: azRect(i).midX - 40, y: r.y, width: 80, height: r.height) }
                levelRects.append(r)
            case .outside:
                levelRects.append(Rect(x: vpc.x, y: top, width: 0, height: 0))
            }
        }

        // Edges between levels, in every AZ; the label once, in the first AZ's gap.
        for k in 0..<max(0, inside.count - 1) {
            guard let a = Self.lastComponent(inside[k]), let b = Self.firstComponent(inside[k + 1]),
                  let from = chips[a.id], let to = chips[b.id] else { continue }
            let e = edge(a, b)
            let midY = levelTops[k + 1] - Self.levelGap / 2
            for i in azs.indices {
                let start = Point(from[i].midX, from[i].maxY), end = Point(to[i].midX, to[i].y - 2)
                let points = abs(start.x - end.x) < 0.5 ? [start, end] : [start, Point(start.x, midY), Point(end.x, midY), end]
                pending.append(Pending(points: points, hop: e?.hop ?? .private, arrow: true))
            }
            let labelX = (from.first?.midX ?? 0) + 8
            let bottomOfLevel = levelTops[k] + (levelRects[k].height)
            canvas.label(Self.edgeText(e), at: Point(labelX, bottomOfLevel + 20), size: s, fill: Palette.hop(e?.hop ?? .private).color, background: Palette.az)
        }

        // Into the VPC: from the last outside node down to a bus, then into each AZ's first component.
        if let last = outside.last, let r = nodeRects[last.id], let first = inside.first.flatMap(Self.firstComponent), let targets = chips[first.id] {
            let e = edge(last, first)
            let busY = vpc.y + vpcHeader - 6
            pending.append(Pending(points: [Point(axis, r.maxY), Point(axis, busY)], hop: e?.hop ?? .public, arrow: false))
            let xs = targets.map(\.midX)
            pending.append(Pending(points: [Point(xs.min()!, busY), Point(xs.max()!, busY)], hop: e?.hop ?? .public, arrow: false))
            for t in targets {
                pending.append(Pending(points: [Point(t.midX, busY), Point(t.midX, t.y - 2)], hop: e?.hop ?? .public, arrow: true))
            }
            canvas.label(Self.edgeText(e), at: Point(axis + 8, r.maxY + entryGap / 2 - 2), size: s, fill: Palette.hop(e?.hop ?? .public).color, background: Palette.background)
        }

        // Critical caveats: a red marker beside the component they concern, explained under the diagram.
        var footY = vpc.maxY + 24
        var markers: [String: Int] = [:]
        for c in criticals {
            guard let target = c.component, let anchor = nodeRects[target] ?? chips[target]?.first else { continue }
            // A second critical caveat on the same component goes beside the first.
            let k = markers[target, default: 0]
            markers[target] = k + 1
            criticalMarker(&canvas, Point(anchor.x - 16 - Double(k) * 20, anchor.midY))
            criticalMarker(&canvas, Point(Self.margin + 9, footY - 4))
            canvas.text("critical \(c.id): \(c.title)", at: Point(Self.margin + 24, footY), size: s, bold: true, fill: Palette.critical)
            footY += 20
        }

        // Bypass paths: red and dashed, from the internet down the left side into the first AZ.
        for b in bypass {
            guard let from = nodeRects[b.from], let targets = chips[b.to], let target = targets.first else { continue }
            let laneX = Self.margin + 8
            pending.append(Pending(points: [Point(from.x, from.midY), Point(laneX, from.midY), Point(laneX, target.midY), Point(target.x - 2, target.midY)],
                                   hop: .public, arrow: true))
            canvas.text("Red dashed: bypass. \(b.note ?? "\(b.protocol) \(b.port) straight to the origin")", at: Point(Self.margin, footY), size: s, bold: true, fill: Palette.critical)
            footY += 20
        }

        // Lines last, on top of the boxes.
        for p in pending {
            let bypassLine = p.points.first.map { pt in bypass.contains { nodeRects[$0.from].map { $0.x == pt.x && $0.midY == pt.y } ?? false } } ?? false
            let style = bypassLine ? (Palette.critical, "7 4") : Palette.hop(p.hop)
            canvas.path(p.points, .init(stroke: style.0, strokeWidth: bypassLine ? 2 : 1.6, dash: style.1), arrow: p.arrow)
        }

        let legend = Legend.items(bypass: !bypass.isEmpty, waf: topology.wafOn != nil, critical: !criticals.isEmpty)
        let legendTop = footY - 6
        Legend.draw(&canvas, legend, top: legendTop, width: width)
        canvas.height = (legendTop + Legend.height(legend, width: width) + Self.margin).rounded(.up)
        return canvas
    }

    public func svg(_ plan: Plan, _ option: PlannedOption) -> String {
        XMLWriter.document(element(plan, option, idPrefix: "d-\(option.id)"))
    }

    func element(_ plan: Plan, _ option: PlannedOption, idPrefix: String) -> XMLNode {
        let description = "Request path of option \(option.id), from the internet at the top to the pods at the bottom: "
            + "\(option.topology.pathLine(azCount: plan.availabilityZones.count)). One column per Availability Zone with the subnets "
            + "and CIDR blocks each component sits in; \(option.caveats(.critical).count) critical caveats."
        return canvas(plan, option).svg(title: "\(option.id): \(option.summary)", description: description, idPrefix: idPrefix)
    }

    // MARK: - Helpers

    static func columns(_ path: [Component], clusterRole: SubnetRole) -> [Column] {
        var columns: [Column] = []
        var enteredVPC = false
        for c in path {
            let role: SubnetRole? = c.scheme == .cluster ? clusterRole : c.subnetRole
            if let role {
                enteredVPC = true
                if case .subnets(let r, let comps)? = columns.last, r == role {
                    columns[columns.count - 1] = .subnets(r, comps + [c])
                } else {
                    columns.append(.subnets(role, [c]))
                }
            } else if enteredVPC || c.kind == .vpcEndpointService {
                columns.append(.spanning(c))
            } else {
                columns.append(.outside(c))
            }
        }
        return columns
    }

    static func firstComponent(_ c: Column) -> Component? {
        switch c {
        case .outside(let x), .spanning(let x): return x
        case .subnets(_, let comps): return comps.first
        }
    }

    static func lastComponent(_ c: Column) -> Component? {
        switch c {
        case .outside(let x), .spanning(let x): return x
        case .subnets(_, let comps): return comps.last
        }
    }

    static func contains(_ c: Column, _ id: String) -> Bool {
        switch c {
        case .outside(let x), .spanning(let x): return x.id == id
        case .subnets(_, let comps): return comps.contains { $0.id == id }
        }
    }

    static func chipText(_ c: Component) -> String {
        switch c.kind {
        case .interfaceEndpoint: return "Endpoint ENI"
        case .vpcLink: return "VPC link ENI"
        default: return c.label
        }
    }

    static func edgeText(_ e: Edge?) -> String {
        guard let e else { return "" }
        let tls = e.tls == .passthrough ? ", TLS passthrough" : ""
        return "\(e.protocol) \(e.port)\(tls)"
    }

    private func wafBadge(_ canvas: inout Canvas, _ r: Rect) {
        canvas.rect(r, .init(fill: Palette.waf, stroke: Palette.wafStroke, strokeWidth: 1.3, radius: 3), title: "AWS WAF web ACL")
        canvas.text("WAF", at: Point(r.midX, r.midY + 4), size: Self.smallSize, anchor: .middle, bold: true, fill: Palette.wafStroke)
    }

    private func criticalMarker(_ canvas: inout Canvas, _ center: Point) {
        canvas.circle(center, radius: 8, .init(fill: Palette.critical))
        canvas.text("!", at: Point(center.x, center.y + 4.5), size: 12, anchor: .middle, bold: true, fill: "#ffffff")
    }

    /// Splits text into lines no wider than `width` at word boundaries.
    private func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : "\(current) \(word)"
            if TextMetrics.width(candidate, size: size) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private func subnet(_ plan: Plan, role: SubnetRole, az: String) -> PlannedSubnet? {
        plan.subnets.first { $0.role == role && $0.az == az }
    }

    private func subnetLabel(_ plan: Plan, role: SubnetRole, az: String) -> String {
        guard let s = subnet(plan, role: role, az: az) else { return role.rawValue }
        return "\(role.rawValue) · \(s.cidr)"
    }
}
