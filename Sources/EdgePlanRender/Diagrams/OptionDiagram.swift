import EdgePlanCore

/// The diagram of one frontend option, laid out from its graph and the subnet plan, in the AWS
/// Architecture Icons conventions: the internet at the top, then the AWS Cloud group holding the
/// global services (CloudFront, Global Accelerator) and the Region, which holds the regional
/// services and the VPC; inside the VPC one column per Availability Zone and, down each column,
/// one public or private subnet per role along the request path, ending with the pods. A load
/// balancer is one box spanning its subnets (not one per AZ), with badges for what sets the option
/// apart: who makes it, its security group (and the CloudFront prefix list it admits), its Elastic
/// IPs, and the WAF, drawn once where it attaches. Every hop says what happens to TLS on it.
///
/// `compact` draws one AZ, marked "× N AZs", with text at 12 px or more on a 358 px wide viewBox,
/// so that it reads on a 390 px phone screen at its natural size.
public struct OptionDiagram: Sendable {
    public var compact: Bool

    public init(compact: Bool = false) {
        self.compact = compact
    }

    static let margin = 20.0
    static let chipHeight = 30.0
    static let nodeHeight = 44.0
    static let levelGap = 44.0
    static let groupHeader = 28.0
    /// The viewBox width of a compact diagram: 358 px (a 390 px screen less 16 px each side), so
    /// that every text is drawn at its font size or more.
    public static let compactWidth = 358.0

    /// The smallest text size of a compact diagram at display size on a 390 px screen.
    public static let compactMinimumTextSize = 12.0

    var labelSize: Double { 13 }
    var smallSize: Double { compact ? 12 : 11.5 }
    var margin: Double { compact ? 8 : Self.margin }
    var groupPad: Double { compact ? 6 : 8 }
    var vpcPadding: Double { compact ? 6 : 10 }
    var lineHeight: Double { smallSize + 3 }
    /// A subnet's two-line header.
    var header: Double { 2 * lineHeight + 10 }

    /// A run of path components drawn together.
    enum Column {
        /// Outside the VPC: the internet or an AWS-managed service.
        case outside(Component)
        /// One subnet of a role per AZ, each holding these components.
        case subnets(SubnetRole, [Component])
        /// A load balancer: one box across its subnets, one per AZ.
        case loadBalancer(SubnetRole, Component)
        /// Inside the VPC but in no subnet (an endpoint service): one box across the AZs.
        case spanning(Component)
    }

    /// Deferred drawing of edges, so lines and arrowheads sit on top of the boxes.
    private struct Pending {
        var points: [Point]
        var hop: Edge.Hop
        var arrow: Bool
        var bypass = false
    }

    /// A small labelled box: who made a load balancer, its security group, an Elastic IP.
    struct Badge {
        enum Kind { case plain, securityGroup, waf }
        var lines: [String]
        var kind: Kind
    }

    public func canvas(_ plan: Plan, _ option: PlannedOption) -> Canvas {
        let topology = option.topology
        let allAZs = plan.availabilityZones
        let azs = compact ? Array(allAZs.prefix(1)) : allAZs
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
        func hopText(_ a: Component?, _ b: Component?) -> String { Self.edgeText(edge(a, b), topology) }
        let s = smallSize, l = labelSize

        // Widths: the widest cell content, subnet header or badge row, over roles and AZs.
        func chipWidth(_ c: Component) -> Double { max(52, TextMetrics.width(Self.chipText(c), size: l) + 16) }
        func innerGap(_ a: Component, _ b: Component) -> Double {
            max(40, TextMetrics.width(hopText(a, b), size: s) + 12)
        }
        let wafBadgeWidth = TextMetrics.width("WAF", size: s, bold: true) + 14
        let criticalsOn = Dictionary(grouping: option.caveats(.critical).compactMap(\.component), by: { $0 }).mapValues(\.count)
        func markerRoom(_ c: Component) -> Double { criticalsOn[c.id].map { Double($0) * 20 + 4 } ?? 0 }
        func cellContentWidth(_ comps: [Component]) -> Double {
            comps.map { markerRoom($0) + chipWidth($0) + (topology.wafOn == $0.id ? wafBadgeWidth + 6 : 0) }.reduce(0, +)
                + zip(comps, comps.dropFirst()).map { innerGap($0, $1) }.reduce(0, +)
        }
        func headerWidth(_ role: SubnetRole) -> Double {
            let cidrs = azs.map { TextMetrics.width(subnet(plan, role: role, az: $0).map(\.cidr.description) ?? "", size: s) }.max() ?? 0
            return max(TextMetrics.width(Self.subnetTitle(role), size: s, bold: true), cidrs)
        }
        var azWidth = max(compact ? 120 : 150, (azs.map { TextMetrics.width($0, size: l, bold: true) }.max() ?? 0) + 20)
        for column in inside {
            switch column {
            case .subnets(let role, let comps):
                // Room for the chips and for the edge into the first one to pass clear of the
                // subnet's header: with the header on the left and the chips moved right, or
                // with the chips centred and the header on the right.
                let content = cellContentWidth(comps), hw = headerWidth(role)
                let toEntry = comps.first.map { markerRoom($0) + chipWidth($0) / 2 } ?? 0
                let shifted = 12 + 8 + hw + 10 + (content - toEntry) + 6
                let centred = max(content + 16, 12 + 2 * (hw + 18) - content + 2 * toEntry)
                azWidth = max(azWidth, min(shifted, centred), hw + 28)
            case .loadBalancer(let role, _):
                azWidth = max(azWidth, max(headerWidth(role), perAZBadgeWidth(plan, role: role, column: column)) + 44)
            case .outside, .spanning:
                break
            }
        }
        let azGap = compact ? 0.0 : 12.0
        let bypassLane0 = topology.edges.contains(where: \.bypass) ? 14.0 : 0
        if compact { azWidth = Self.compactWidth - 2 * margin - bypassLane0 - 4 * groupPad - 2 * vpcPadding }
        let vpcWidth = Double(azs.count) * azWidth + Double(azs.count - 1) * azGap + 2 * vpcPadding

        let criticals = option.caveats(.critical)
        let bypass = topology.edges.filter(\.bypass)
        let bypassLane = compact ? bypassLane0 : (bypass.isEmpty ? 0.0 : 16.0)
        // Managed nodes may carry a WAF badge beside them: keep room for it inside the width.
        let widestNode = outside.map { nodeWidth($0, topology) }.max() ?? 0
        let groupsWidth = vpcWidth + 4 * groupPad
        let annotationWidth = max(0, widestNode / 2 + wafBadgeWidth + 24 - groupsWidth / 2)

        let contentWidth = margin + bypassLane + groupsWidth + annotationWidth + margin
        let width = compact ? Self.compactWidth : max(contentWidth, 560).rounded(.up)
        let textWidth = width - 2 * margin
        let cloudX = margin + bypassLane
        let regionX = cloudX + groupPad
        let vpcX = regionX + groupPad
        let axis = vpcX + vpcWidth / 2

        var canvas = Canvas(width: width, height: 0)
        var pending: [Pending] = []
        var y = margin + 16
        canvas.text(option.id, at: Point(margin, y), size: 16, bold: true)
        for line in wrap(option.summary, width: textWidth, size: l) {
            y += 19
            canvas.text(line, at: Point(margin, y), size: l)
        }
        for line in wrap(topology.pathLine(azCount: allAZs.count), width: textWidth, size: s) {
            y += lineHeight + 2
            canvas.text(line, at: Point(margin, y), size: s, fill: Palette.muted)
        }
        if compact {
            y += lineHeight + 4
            for (n, line) in wrap("One AZ drawn, the same in each: × \(allAZs.count) AZs", width: textWidth, size: s, bold: true).enumerated() {
                if n > 0 { y += lineHeight + 2 }
                canvas.text(line, at: Point(margin, y), size: s, bold: true)
            }
        }
        y += 20

        // The internet, then the AWS Cloud with its global services, then the Region.
        var nodeRects: [String: Rect] = [:]
        let regional = outside.firstIndex { Self.isRegional($0) } ?? outside.count
        var cloudTop = 0.0, regionTop = 0.0
        func gapLabels(_ lines: [String], hop: Edge.Hop, below top: Double) -> Double {
            var baseline = top + lineHeight + 2
            for line in lines {
                canvas.label(line, at: Point(axis + 8, baseline), size: s, fill: Palette.hop(hop).color, background: Palette.background)
                baseline += lineHeight
            }
            return baseline - lineHeight + 6
        }
        func labelLines(_ e: Edge?, _ a: Component?, _ b: Component?) -> [String] {
            let room = cloudX + groupsWidth - axis - 20
            return ([hopText(a, b)] + (e?.note.map { [$0] } ?? [])).flatMap { wrap($0, width: room, size: s) }
        }
        for (i, c) in outside.enumerated() {
            if i == 1 { cloudTop = y; y += Self.groupHeader }
            if i == regional && i > 0 { regionTop = y; y += Self.groupHeader }
            let w = nodeWidth(c, topology)
            let internet = c.kind == .internet
            let r = Rect(x: axis - w / 2, y: y, width: w, height: Self.nodeHeight)
            canvas.rect(r, .init(fill: internet ? Palette.internet : Palette.aws, stroke: internet ? Palette.internetStroke : Palette.awsStroke,
                                 strokeWidth: 1.5, dash: internet ? "4 3" : nil, radius: internet ? 22 : 6), title: c.notes.first)
            canvas.text(c.label, at: Point(r.midX, r.midY + 4.5), size: l, anchor: .middle, bold: internet)
            if topology.wafOn == c.id {
                wafBadge(&canvas, Rect(x: r.maxX + 8, y: r.midY - 11, width: wafBadgeWidth, height: 22))
            }
            if let previous = outside[..<i].last, let p = nodeRects[previous.id] {
                pending.append(Pending(points: [Point(axis, p.maxY), Point(axis, r.y - 2)], hop: edge(previous, c)?.hop ?? .aws, arrow: true))
            }
            nodeRects[c.id] = r
            y = r.maxY
            if i < outside.count - 1 {
                let e = edge(c, outside[i + 1])
                y = max(gapLabels(labelLines(e, c, outside[i + 1]), hop: e?.hop ?? .aws, below: y), y + 24) + 4
            }
        }
        // Into the VPC: the last outside node down to the VPC (through the internet gateway when
        // the hop is over the internet).
        let entryEdge = edge(outside.last, inside.first.flatMap(Self.firstComponent))
        if outside.last != nil {
            y = max(gapLabels(labelLines(entryEdge, outside.last, inside.first.flatMap(Self.firstComponent)), hop: entryEdge?.hop ?? .public, below: y), y + 20)
        }
        if outside.count <= 1 { cloudTop = y; y += Self.groupHeader }
        if regional >= outside.count { regionTop = y; y += Self.groupHeader }
        let throughIGW = entryEdge?.hop == .public
        if throughIGW { y += 14 }
        let vpcTop = y + 4

        // The VPC, its AZ columns and the levels down them.
        // The VPC's name and CIDR blocks, on two lines in a compact diagram.
        let vpcLines = compact && !plan.vpc.secondaryCidrs.isEmpty
            ? ["VPC \(plan.vpc.cidr)", "+ " + plan.vpc.secondaryCidrs.map(\.description).joined(separator: ", ")]
            : ["VPC \(plan.vpc.cidr)" + (plan.vpc.secondaryCidrs.isEmpty ? "" : " + \(plan.vpc.secondaryCidrs.map(\.description).joined(separator: ", "))")]
        let vpcHeader = 30.0 + Double(vpcLines.count - 1) * 16, azHeader = 26.0
        let levelsTop = vpcTop + vpcHeader + azHeader
        var levelTops: [Double] = [], levelHeights: [Double] = []
        var cursor = levelsTop
        let boxWidth: Double = Double(azs.count) * azWidth + Double(azs.count - 1) * azGap - 16
        var lbBoxes: [(height: Double, rows: [[Badge]])] = []
        for column in inside {
            guard case .loadBalancer(_, let c) = column else { lbBoxes.append((0, [])); continue }
            let rows: [[Badge]] = badgeRows(lbBadges(c, option), width: boxWidth - 16 - markerRoom(c))
            var rowsHeight = 0.0
            for row in rows { rowsHeight += badgeRowHeight(row) + 4 }
            lbBoxes.append((30 + rowsHeight + 4, rows))
        }
        for (k, column) in inside.enumerated() {
            levelTops.append(cursor)
            let h: Double
            switch column {
            case .spanning: h = Self.nodeHeight
            case .subnets: h = header + 2 + Self.chipHeight + 8
            case .loadBalancer(let role, _): h = header + lbBoxes[k].height + 8 + (perAZBadges(plan, role: role, column: column, azIndex: 0).isEmpty ? 0 : 26)
            case .outside: h = 0
            }
            levelHeights.append(h)
            cursor += h
            if k < inside.count - 1 { cursor += Self.levelGap }
        }
        let vpcBottom = cursor + 12
        let vpc = Rect(x: vpcX, y: vpcTop, width: vpcWidth, height: vpcBottom - vpcTop)
        let region = Rect(x: regionX, y: regionTop, width: vpcWidth + 2 * groupPad, height: vpc.maxY + groupPad - regionTop)
        let cloud = Rect(x: cloudX, y: cloudTop, width: vpcWidth + 4 * groupPad, height: region.maxY + groupPad - cloudTop)
        canvas.rect(cloud, .init(stroke: Palette.cloudStroke, strokeWidth: 1.5))
        canvas.text("AWS Cloud", at: Point(cloud.x + 8, cloud.y + 18), size: s, bold: true, fill: Palette.cloudStroke)
        canvas.rect(region, .init(stroke: Palette.regionStroke, strokeWidth: 1.5, dash: "6 4"))
        canvas.text("Region \(plan.design.region)", at: Point(region.x + 8, region.y + 18), size: s, bold: true, fill: Palette.regionStroke)
        canvas.rect(vpc, .init(fill: Palette.background, stroke: Palette.vpcStroke, strokeWidth: 2))
        for (n, line) in vpcLines.enumerated() {
            canvas.text(line, at: Point(vpc.x + 10, vpc.y + 20 + Double(n) * 16), size: compact ? s : l, bold: true, fill: Palette.vpcStroke)
        }
        let vpcLabelRight = vpc.x + 10 + TextMetrics.width(vpcLines[0], size: compact ? s : l, bold: true)
        func azRect(_ i: Int) -> Rect {
            Rect(x: vpc.x + vpcPadding + Double(i) * (azWidth + azGap), y: vpcTop + vpcHeader, width: azWidth, height: vpcBottom - 8 - vpcTop - vpcHeader)
        }
        // AZ columns, interrupted where a regional component (an endpoint service) spans them.
        var segments: [(top: Double, bottom: Double)] = []
        var segmentTop = vpcTop + vpcHeader
        for (k, column) in inside.enumerated() {
            if case .spanning = column {
                segments.append((segmentTop, levelTops[k] - 6))
                segmentTop = levelTops[k] + Self.nodeHeight + 6
            }
        }
        segments.append((segmentTop, vpcBottom - 8))
        for (i, az) in azs.enumerated() {
            let column = azRect(i)
            for (n, segment) in segments.enumerated() {
                let r = Rect(x: column.x, y: segment.top, width: column.width, height: segment.bottom - segment.top)
                canvas.rect(r, .init(stroke: Palette.azStroke, strokeWidth: 1.2, dash: "5 3"))
                if n == 0 {
                    canvas.text(az, at: Point(r.x + 8, r.y + 18), size: compact ? s : l, bold: true, fill: Palette.azStroke)
                }
            }
        }

        /// Where edges end on level k: a spanning box's top, a load balancer's box, the chips under a subnet's header.
        func entryY(_ k: Int) -> Double {
            switch inside[k] {
            case .spanning, .outside: return levelTops[k]
            case .loadBalancer: return levelTops[k] + header
            case .subnets: return levelTops[k] + header + 2
            }
        }
        var exitY: [Double] = inside.indices.map { levelTops[$0] + levelHeights[$0] }
        // entries[k][i] and exits[k][i]: where edges enter and leave level k in AZ i.
        var entries: [[Double]] = Array(repeating: [], count: inside.count)
        var exits: [[Double]] = Array(repeating: [], count: inside.count)
        var boxesByID: [String: Rect] = [:]
        var anchorsByID: [String: [Rect]] = [:]
        for (k, column) in inside.enumerated() {
            let top = levelTops[k]
            switch column {
            case .subnets(let role, let comps):
                for (i, az) in azs.enumerated() {
                    let a = azRect(i)
                    let frame = Rect(x: a.x + 6, y: top, width: a.width - 12, height: levelHeights[k])
                    let hw = headerWidth(role)
                    var x = frame.midX - cellContentWidth(comps) / 2
                    // The edge into the first chip must pass clear of the subnet's header: the
                    // header goes left of it, or right of it, or the chips move right.
                    var headerOnRight = false
                    var entryX = frame.midX
                    if let first = comps.first {
                        entryX = x + markerRoom(first) + chipWidth(first) / 2
                        if entryX < frame.x + 8 + hw + 10 {
                            if entryX <= frame.maxX - 8 - hw - 10 {
                                headerOnRight = true
                            } else {
                                x += frame.x + 8 + hw + 10 - entryX
                                x = min(x, frame.maxX - 6 - cellContentWidth(comps))
                                entryX = x + markerRoom(first) + chipWidth(first) / 2
                            }
                        }
                    }
                    let cell = subnetCell(&canvas, plan, role: role, az: az, in: a, top: top, height: levelHeights[k], headerOnRight: headerOnRight)
                    for (j, c) in comps.enumerated() {
                        x += markerRoom(c)
                        let chip = Rect(x: x, y: cell.y + header + 2, width: chipWidth(c), height: Self.chipHeight)
                        canvas.rect(chip, .init(fill: Palette.component, stroke: Palette.componentStroke, strokeWidth: 1.2, radius: 4), title: c.notes.first)
                        canvas.text(Self.chipText(c), at: Point(chip.midX, chip.midY + 4.5), size: l, anchor: .middle)
                        anchorsByID[c.id, default: []].append(chip)
                        if j == 0 { entries[k].append(entryX) }
                        if j == comps.count - 1 { exits[k].append(chip.midX); exitY[k] = chip.maxY }
                        x = chip.maxX
                        if topology.wafOn == c.id {
                            if i == 0 { wafBadge(&canvas, Rect(x: chip.maxX + 6, y: chip.y + 4, width: wafBadgeWidth, height: chip.height - 8)) }
                            x += wafBadgeWidth + 6
                        }
                        if j < comps.count - 1 {
                            let gap = innerGap(c, comps[j + 1])
                            let e = edge(c, comps[j + 1])
                            pending.append(Pending(points: [Point(chip.maxX, chip.midY), Point(chip.maxX + gap - 2, chip.midY)], hop: e?.hop ?? .private, arrow: true))
                            if i == 0 {
                                canvas.text(hopText(c, comps[j + 1]), at: Point(chip.maxX + gap / 2, chip.maxY - 1), size: s, anchor: .middle,
                                            fill: Palette.hop(e?.hop ?? .private).color)
                            }
                            x += gap
                        }
                    }
                }
            case .loadBalancer(let role, let c):
                var cells: [Rect] = []
                for (i, az) in azs.enumerated() {
                    let cell = subnetCell(&canvas, plan, role: role, az: az, in: azRect(i), top: top, height: levelHeights[k])
                    cells.append(cell)
                    // One Elastic IP and one NAT gateway per AZ, along the cell's foot.
                    var bx = cell.x + 8
                    for text in perAZBadges(plan, role: role, column: column, azIndex: i) {
                        let w = TextMetrics.width(text, size: s) + 12
                        let r = Rect(x: bx, y: cell.maxY - 26, width: w, height: 20)
                        canvas.rect(r, .init(fill: Palette.badge, stroke: Palette.badgeStroke, strokeWidth: 1, radius: 3))
                        canvas.text(text, at: Point(r.x + 6, r.y + 14), size: s, fill: Palette.ink)
                        bx = r.maxX + 6
                    }
                }
                let box = Rect(x: cells[0].x + 4, y: top + header, width: cells[cells.count - 1].maxX - cells[0].x - 8, height: lbBoxes[k].height)
                canvas.rect(box, .init(fill: Palette.component, stroke: Palette.componentStroke, strokeWidth: 1.6, radius: 5), title: c.notes.joined(separator: "; "))
                let scheme = c.scheme == .internetFacing ? "internet-facing" : "internal"
                let title = compact ? "\(c.label) · \(scheme)" : "\(c.label) · \(scheme) · across \(azs.count) AZs"
                canvas.text(title, at: Point(box.x + 10 + markerRoom(c), box.y + 19), size: l, bold: true)
                var rowTop = box.y + 28
                for row in lbBoxes[k].rows {
                    var bx = box.x + 10 + markerRoom(c)
                    let rowHeight = badgeRowHeight(row)
                    for b in row {
                        let w = (b.lines.map { TextMetrics.width($0, size: s, bold: b.kind == .waf) }.max() ?? 0) + 12
                        let r = Rect(x: bx, y: rowTop, width: w, height: rowHeight)
                        switch b.kind {
                        case .plain: canvas.rect(r, .init(fill: Palette.badge, stroke: Palette.badgeStroke, strokeWidth: 1, radius: 3))
                        case .securityGroup: canvas.rect(r, .init(fill: Palette.background, stroke: Palette.securityGroupStroke, strokeWidth: 1.4, dash: "4 2", radius: 3))
                        case .waf: canvas.rect(r, .init(fill: Palette.waf, radius: 3), title: "AWS WAF web ACL")
                        }
                        for (n, line) in b.lines.enumerated() {
                            canvas.text(line, at: Point(r.x + 6, r.y + 4 + lineHeight * Double(n + 1) - 3), size: s, bold: b.kind == .waf,
                                        fill: b.kind == .waf ? Palette.wafText : Palette.ink)
                        }
                        bx = r.maxX + 6
                    }
                    rowTop += rowHeight + 4
                }
                boxesByID[c.id] = box
                exitY[k] = box.maxY
                let footWidth = perAZBadgeWidth(plan, role: role, column: column)
                let anchors = cells.map { cell in min(cell.maxX - 24, max(cell.midX, cell.x + 8 + max(headerWidth(role), footWidth) + 12)) }
                entries[k] = anchors
                exits[k] = anchors
                anchorsByID[c.id] = anchors.map { Rect(x: $0 - 1, y: box.y, width: 2, height: box.height) }
            case .spanning(let c):
                let r = Rect(x: azRect(0).x + 8, y: top, width: azRect(azs.count - 1).maxX - azRect(0).x - 16, height: Self.nodeHeight)
                canvas.rect(r, .init(fill: Palette.aws, stroke: Palette.awsStroke, strokeWidth: 1.5, radius: 6), title: c.notes.first)
                let note = c.notes.first.map { " (\($0))" } ?? ""
                let text = TextMetrics.width(c.label + note, size: l) + 16 < r.width ? c.label + note : c.label
                canvas.text(text, at: Point(r.midX, r.midY + 4.5), size: l, anchor: .middle)
                boxesByID[c.id] = r
                entries[k] = azs.indices.map { azRect($0).midX }
                exits[k] = entries[k]
                exitY[k] = r.maxY
            case .outside:
                break
            }
        }

        // Edges between levels, in every AZ; the label once, beside the first AZ's line, above
        // the dog-leg so that no line runs under it.
        for k in 0..<max(0, inside.count - 1) {
            let a = Self.lastComponent(inside[k]), b = Self.firstComponent(inside[k + 1])
            let e = edge(a, b)
            let bottom = levelTops[k] + levelHeights[k]
            let bendY = levelTops[k + 1] - 10
            for i in azs.indices where i < exits[k].count && i < entries[k + 1].count {
                let start = Point(exits[k][i], exitY[k]), end = Point(entries[k + 1][i], entryY(k + 1) - 2)
                let points = abs(start.x - end.x) < 0.5 ? [start, end] : [start, Point(start.x, bendY), Point(end.x, bendY), end]
                pending.append(Pending(points: points, hop: e?.hop ?? .private, arrow: true))
            }
            guard let fromX = exits[k].first else { continue }
            let az = azRect(0)
            let roomRight = az.maxX - 6 - (fromX + 6), roomLeft = fromX - 6 - (az.x + 6)
            let onRight = roomRight >= roomLeft || TextMetrics.width(hopText(a, b), size: s) <= roomRight
            // Too long for one line: what the hop carries on one, what happens to TLS on the next.
            let room = onRight ? roomRight : roomLeft
            let lines = TextMetrics.width(hopText(a, b), size: s) <= room ? [hopText(a, b)]
                : hopText(a, b).split(separator: " · ").flatMap { wrap(String($0), width: room, size: s) }
            for (n, line) in lines.enumerated() {
                // Below an endpoint service, under the top of the AZ columns that resume there.
                let below = bottom + (Self.isBox(inside[k]) ? 6 : 0)
                canvas.label(line, at: Point(onRight ? fromX + 6 : fromX - 6, below + lineHeight + 1 + Double(n) * lineHeight), size: s,
                             anchor: onRight ? .start : .end, fill: Palette.hop(e?.hop ?? .private).color, background: Palette.background)
            }
        }

        // Into the VPC: down to a bus under the VPC's header, then into each AZ's first level.
        if let last = outside.last, let r = nodeRects[last.id], let targets = entries.first, !targets.isEmpty {
            let hop = entryEdge?.hop ?? .public
            let busY = vpc.y + vpcHeader - 4
            if throughIGW {
                let text = "Internet gateway"
                let w = TextMetrics.width(text, size: s) + 14
                // On the VPC's top border, clear of the VPC's name.
                let igwX = min(max(axis, vpcLabelRight + 12 + w / 2), vpc.maxX - 8 - w / 2)
                let igw = Rect(x: igwX - w / 2, y: vpc.y - 12, width: w, height: 24)
                canvas.rect(igw, .init(fill: Palette.aws, stroke: Palette.awsStroke, strokeWidth: 1.4, radius: 4), title: "The VPC's internet gateway")
                canvas.text(text, at: Point(igw.midX, igw.midY + 4), size: s, anchor: .middle)
                let down = abs(igwX - axis) < 0.5 ? [Point(axis, r.maxY), Point(axis, igw.y)]
                    : [Point(axis, r.maxY), Point(axis, igw.y - 6), Point(igwX, igw.y - 6), Point(igwX, igw.y)]
                pending.append(Pending(points: down, hop: hop, arrow: false))
                pending.append(Pending(points: [Point(igwX, igw.maxY), Point(igwX, busY)], hop: hop, arrow: false))
            } else {
                pending.append(Pending(points: [Point(axis, r.maxY), Point(axis, busY)], hop: hop, arrow: false))
            }
            // (the bus is fed where the line comes down)
            let feed = throughIGW ? min(max(axis, vpcLabelRight + 12 + (TextMetrics.width("Internet gateway", size: s) + 14) / 2),
                                        vpc.maxX - 8 - (TextMetrics.width("Internet gateway", size: s) + 14) / 2) : axis
            if targets.count > 1 || abs(targets[0] - feed) > 0.5 {
                pending.append(Pending(points: [Point(min(targets.min()!, feed), busY), Point(max(targets.max()!, feed), busY)], hop: hop, arrow: false))
            }
            let firstTop = inside.isEmpty ? busY : entryY(0)
            for t in targets {
                pending.append(Pending(points: [Point(t, busY), Point(t, firstTop - 2)], hop: hop, arrow: true))
            }
        }

        // Critical caveats: a red marker beside the component they concern, explained under the diagram.
        var footY = cloud.maxY + 24
        var markers: [String: Int] = [:]
        for c in criticals {
            guard let target = c.component else { continue }
            let k = markers[target, default: 0]
            markers[target] = k + 1
            if let box = boxesByID[target] {
                criticalMarker(&canvas, Point(box.x + 14 + Double(k) * 20, box.y + 15))
            } else if let anchor = nodeRects[target] ?? anchorsByID[target]?.first {
                criticalMarker(&canvas, Point(anchor.x - 12 - Double(k) * 20, anchor.midY))
            } else {
                continue
            }
            for (n, line) in wrap("critical \(c.id): \(c.title)", width: textWidth - 24, size: s, bold: true).enumerated() {
                if n == 0 { criticalMarker(&canvas, Point(margin + 9, footY - 4)) }
                canvas.text(line, at: Point(margin + 24, footY), size: s, bold: true, fill: Palette.critical)
                footY += lineHeight + 4
            }
            footY += 4
        }

        // Bypass paths: red and dashed, from the internet down the left side into the target.
        for b in bypass {
            guard let from = nodeRects[b.from], let target = boxesByID[b.to] ?? anchorsByID[b.to]?.first else { continue }
            let laneX = margin + bypassLane / 2
            let targetY = target.y + min(15, target.height / 2)
            pending.append(Pending(points: [Point(from.x, from.midY), Point(laneX, from.midY), Point(laneX, targetY), Point(target.x - 2, targetY)],
                                   hop: .public, arrow: true, bypass: true))
            for line in wrap("Red dash-dot line: bypass, \(b.note ?? "\(b.protocol) \(b.port) straight to the origin")", width: textWidth, size: s, bold: true) {
                canvas.text(line, at: Point(margin, footY), size: s, bold: true, fill: Palette.critical)
                footY += lineHeight + 4
            }
        }

        // Lines last, on top of the boxes.
        for p in pending {
            let style = p.bypass ? (Palette.critical, Palette.bypassDash) : Palette.hop(p.hop)
            canvas.path(p.points, .init(stroke: style.0, strokeWidth: p.bypass ? 2 : 1.6, dash: style.1), arrow: p.arrow)
        }

        let legend = Legend.items(bypass: !bypass.isEmpty, waf: topology.wafOn != nil, critical: !criticals.isEmpty,
                                  loadBalancer: inside.contains { if case .loadBalancer = $0 { return true } else { return false } },
                                  securityGroup: canvasHasSecurityGroup(inside, option), hops: Set(topology.edges.filter { !$0.bypass }.map(\.hop)))
        let legendTop = footY - 6
        Legend.draw(&canvas, legend, top: legendTop, width: width, margin: margin, size: s)
        canvas.height = (legendTop + Legend.height(legend, width: width, margin: margin, size: s) + margin).rounded(.up)
        return canvas
    }

    public func svg(_ plan: Plan, _ option: PlannedOption) -> String {
        XMLWriter.document(element(plan, option, idPrefix: "d-\(option.id)\(compact ? "-compact" : "")"))
    }

    func element(_ plan: Plan, _ option: PlannedOption, idPrefix: String) -> XMLNode {
        let azs = plan.availabilityZones.count
        let lbs = option.topology.mainPath.filter { $0.kind == .alb || $0.kind == .nlb }.map { c in
            "\(c.label): " + lbBadges(c, option).filter { $0.kind != .waf }.map { $0.lines.joined(separator: " ") }.joined(separator: ", ")
        }
        let description = "Request path of option \(option.id), from the internet at the top to the pods at the bottom: "
            + "\(option.topology.pathLine(azCount: azs)). "
            + (compact ? "One Availability Zone drawn, the same in each of \(azs). " : "One column per Availability Zone with the public and private subnets and CIDR blocks each component sits in. ")
            + (lbs.isEmpty ? "" : lbs.joined(separator: "; ") + ". ")
            + "\(option.caveats(.critical).count) critical caveats."
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
                if c.kind == .alb || c.kind == .nlb {
                    columns.append(.loadBalancer(role, c))
                } else if case .subnets(let r, let comps)? = columns.last, r == role {
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
        case .outside(let x), .spanning(let x), .loadBalancer(_, let x): return x
        case .subnets(_, let comps): return comps.first
        }
    }

    static func lastComponent(_ c: Column) -> Component? {
        switch c {
        case .outside(let x), .spanning(let x), .loadBalancer(_, let x): return x
        case .subnets(_, let comps): return comps.last
        }
    }

    /// Whether edges end on the level's top (a box across the AZs) rather than on chips below a subnet header.
    static func isBox(_ c: Column) -> Bool {
        switch c {
        case .spanning: return true
        case .outside, .subnets, .loadBalancer: return false
        }
    }

    /// Regional services sit in the Region group; CloudFront and Global Accelerator are global.
    static func isRegional(_ c: Component) -> Bool {
        switch c.kind {
        case .internet, .cloudFront, .globalAccelerator, .wafWebACL: return false
        case .apiGatewayREST, .apiGatewayHTTP, .vpcLink, .cloudFrontVPCOrigin, .alb, .nlb, .vpcEndpointService, .interfaceEndpoint,
             .ingressNginx, .envoyGateway, .pods: return true
        }
    }

    static func chipText(_ c: Component) -> String {
        switch c.kind {
        case .interfaceEndpoint: return "Endpoint ENI"
        case .vpcLink: return "VPC link ENI"
        default: return c.label
        }
    }

    static func subnetTitle(_ role: SubnetRole) -> String {
        Palette.isPublic(role) ? "Public subnet" : "Private subnet · \(role.rawValue)"
    }

    /// What a hop carries and what happens to TLS on it: where TLS ends, or that it passes through;
    /// "new TLS" where the sender ended the client's TLS and opens its own (CloudFront to its origin).
    static func edgeText(_ e: Edge?, _ topology: Topology) -> String {
        guard let e else { return "" }
        let to = topology.component(e.to).map(chipText) ?? e.to
        let senderEndsTLS = topology.edges.contains { $0.to == e.from && !$0.bypass && $0.tls == .terminates }
        let fresh = senderEndsTLS ? "new TLS" : "TLS"
        switch e.tls {
        case .terminates: return "\(e.protocol) \(e.port) · \(fresh) ends at \(to)"
        case .passthrough: return "\(e.protocol) \(e.port) · \(fresh) through \(to)"
        case .none: return e.protocol == "HTTP" ? "\(e.protocol) \(e.port)" : "\(e.protocol) \(e.port) · no TLS"
        }
    }

    /// The badges of a load balancer: who makes it, its security group, its WAF.
    func lbBadges(_ c: Component, _ option: PlannedOption) -> [Badge] {
        var badges: [Badge] = []
        let r = option.realization
        let entry = option.topology.mainPath.last { $0.kind == .alb || $0.kind == .nlb }?.id == c.id
        let from: String
        switch r.entry {
        case .controllerALB(let alb): from = alb.api == .ingress ? " from an Ingress" : " from a Gateway"
        case .loadBalancerService: from = " from a Service"
        case .targetGroupBinding: from = ""
        }
        var made: String?
        switch c.owner {
        case .cloudFormation:
            if case .targetGroupBinding = r.entry, entry { made = "made by CloudFormation + TargetGroupBinding" } else { made = "made by CloudFormation" }
        case .loadBalancerController: made = "made by the Load Balancer Controller" + (entry ? from : "")
        case .eksAutoMode: made = "made by EKS Auto Mode" + (entry ? from : "")
        case .kubernetesInTree: made = "made by Kubernetes (in-tree provider)" + (entry ? from : "")
        case .aws, .kubernetes: made = nil
        }
        if let made { badges.append(Badge(lines: split(made), kind: .plain)) }
        if entry && r.staggered { badges.append(Badge(lines: split("found by the stack's discovery function (staggered)"), kind: .plain)) }
        switch c.securityGroups {
        case .supported, .attachedAtCreation:
            let prefixList = c.kind == .nlb && (r.settings.originProtection?.admitsOnlyCloudFront ?? false)
            badges.append(Badge(lines: split(prefixList ? "security group: CloudFront origin-facing prefix list only" : "security group"), kind: .securityGroup))
        case .neverAttached:
            badges.append(Badge(lines: split("no security group (none can be added later)"), kind: .plain))
        case .notSupported:
            break
        }
        if option.topology.wafOn == c.id { badges.append(Badge(lines: ["WAF"], kind: .waf)) }
        return badges
    }

    /// In a compact diagram, long badge texts go on two lines.
    private func split(_ text: String) -> [String] {
        guard compact, TextMetrics.width(text, size: smallSize) > Self.compactWidth - 110 else { return [text] }
        return wrap(text, width: Self.compactWidth - 110, size: smallSize)
    }

    private func badgeRowHeight(_ row: [Badge]) -> Double {
        let lines: Double = row.map { Double($0.lines.count) }.max() ?? 1
        return lines * lineHeight + 8
    }

    /// Badges in rows no wider than `width`.
    private func badgeRows(_ badges: [Badge], width: Double) -> [[Badge]] {
        var rows: [[Badge]] = [[]]
        var x = 0.0
        for b in badges {
            let w = (b.lines.map { TextMetrics.width($0, size: smallSize, bold: b.kind == .waf) }.max() ?? 0) + 18
            if x + w > width && !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append(b)
            x += w
        }
        return rows.filter { !$0.isEmpty }
    }

    /// The per-AZ badges of a load balancer's subnet: its Elastic IP, the AZ's NAT gateway.
    private func perAZBadges(_ plan: Plan, role: SubnetRole, column: Column, azIndex: Int) -> [String] {
        guard case .loadBalancer(_, let c) = column else { return [] }
        var out: [String] = []
        if c.elasticIPPerAZ { out.append("Elastic IP") }
        if Palette.isPublic(role) {
            switch plan.vpc.natGateways {
            case .perAZ: out.append("NAT gateway")
            case .single: if azIndex == 0 { out.append("NAT gateway") }
            case .none: break
            }
        }
        return out
    }

    private func perAZBadgeWidth(_ plan: Plan, role: SubnetRole, column: Column) -> Double {
        perAZBadges(plan, role: role, column: column, azIndex: 0).map { TextMetrics.width($0, size: smallSize) + 18 }.reduce(0, +)
    }

    private func canvasHasSecurityGroup(_ inside: [Column], _ option: PlannedOption) -> Bool {
        inside.contains { column in
            if case .loadBalancer(_, let c) = column { return lbBadges(c, option).contains { $0.kind == .securityGroup } }
            return false
        }
    }

    private func nodeWidth(_ c: Component, _ topology: Topology) -> Double {
        max(120, TextMetrics.width(c.label, size: labelSize, bold: c.kind == .internet) + 32)
    }

    /// A subnet's box in an AZ column, with its two-line header: public or private (and its role), then its CIDR.
    private func subnetCell(_ canvas: inout Canvas, _ plan: Plan, role: SubnetRole, az: String, in column: Rect, top: Double, height: Double,
                            headerOnRight: Bool = false) -> Rect {
        let colors = Palette.subnet(role)
        let cell = Rect(x: column.x + 6, y: top, width: column.width - 12, height: height)
        let s = subnet(plan, role: role, az: az)
        canvas.rect(cell, .init(fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.4, dash: Palette.isPublic(role) ? nil : "1 0", radius: 3),
                    title: s.map { "\($0.name) \($0.cidr) (\($0.usableAddresses) usable)" })
        let x = headerOnRight ? cell.maxX - 8 : cell.x + 8
        let anchor: TextMetrics.Anchor = headerOnRight ? .end : .start
        canvas.text(Self.subnetTitle(role), at: Point(x, cell.y + lineHeight + 1), size: smallSize, anchor: anchor, bold: true, fill: colors.text)
        canvas.text(s?.cidr.description ?? "", at: Point(x, cell.y + 2 * lineHeight + 3), size: smallSize, anchor: anchor, fill: colors.text)
        return cell
    }

    private func wafBadge(_ canvas: inout Canvas, _ r: Rect) {
        canvas.rect(r, .init(fill: Palette.waf, radius: 3), title: "AWS WAF web ACL")
        canvas.text("WAF", at: Point(r.midX, r.midY + 4), size: smallSize, anchor: .middle, bold: true, fill: Palette.wafText)
    }

    private func criticalMarker(_ canvas: inout Canvas, _ center: Point) {
        canvas.circle(center, radius: 8, .init(fill: Palette.criticalMarker))
        canvas.text("!", at: Point(center.x, center.y + 4.5), size: 12, anchor: .middle, bold: true, fill: Palette.wafText)
    }

    /// Splits text into lines no wider than `width` at word boundaries.
    func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        TextMetrics.wrap(text, width: width, size: size, bold: bold)
    }

    private func subnet(_ plan: Plan, role: SubnetRole, az: String) -> PlannedSubnet? {
        plan.subnets.first { $0.role == role && $0.az == az }
    }
}
