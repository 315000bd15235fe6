import EdgePlanCore

/// A drawing as a list of shapes whose boxes are known, so layout can be checked (no text over
/// text or boxes, everything inside the viewBox) from the layout itself, not from the SVG bytes.
public struct Canvas: Sendable {
    public struct Style: Sendable, Equatable {
        public var fill: String
        public var stroke: String
        public var strokeWidth: Double
        public var dash: String?
        public var radius: Double

        public init(fill: String = "none", stroke: String = "none", strokeWidth: Double = 1, dash: String? = nil, radius: Double = 0) {
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.dash = dash
            self.radius = radius
        }
    }

    public enum Shape: Sendable {
        case rect(Rect, Style, title: String?)
        case text(String, Point, size: Double, anchor: TextMetrics.Anchor, bold: Bool, fill: String)
        case path([Point], Style, arrow: String?)
        case circle(Point, radius: Double, Style)
    }

    public var width: Double
    public var height: Double
    /// Shapes with their layer: boxes (0), lines (1), labels (2); drawn layer by layer, in order within one.
    public private(set) var layered: [(layer: Int, shape: Shape)] = []
    public var shapes: [Shape] { layered.map(\.shape) }
    /// Marker ids used by paths (arrowheads), by colour.
    public private(set) var markers: [String: String] = [:]

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public mutating func rect(_ r: Rect, _ style: Style, title: String? = nil, layer: Int = 0) { layered.append((layer, .rect(r, style, title: title))) }

    public mutating func text(_ s: String, at p: Point, size: Double = 13, anchor: TextMetrics.Anchor = .start, bold: Bool = false, fill: String = Palette.ink) {
        layered.append((2, .text(s, p, size: size, anchor: anchor, bold: bold, fill: fill)))
    }

    /// A label on an opaque background of `background`, so lines drawn beneath it stay out of its way.
    public mutating func label(_ s: String, at p: Point, size: Double, anchor: TextMetrics.Anchor = .start, bold: Bool = false, fill: String, background: String) {
        let box = TextMetrics.box(s, x: p.x, baseline: p.y, size: size, anchor: anchor, bold: bold)
        let back = Rect(x: box.x - 2, y: box.y, width: box.width + 4, height: box.height)
        layered.append((2, .rect(back, Style(fill: background), title: nil)))
        labelBackgrounds.append((s, back))
        text(s, at: p, size: size, anchor: anchor, bold: bold, fill: fill)
    }

    /// The opaque background of every label, to check it stays inside its box and off its borders.
    public private(set) var labelBackgrounds: [(text: String, box: Rect)] = []

    /// Every line drawn (edges, grid lines, legend samples), as polylines.
    public var lines: [(points: [Point], style: Style)] {
        shapes.compactMap { if case .path(let pts, let s, _) = $0 { return (pts, s) } else { return nil } }
    }

    /// Every text with its colour and size, for the contrast checks.
    public var texts: [(text: String, box: Rect, fill: String, size: Double)] {
        shapes.compactMap {
            if case .text(let s, let p, let size, let anchor, let bold, let fill) = $0 {
                return (s, TextMetrics.box(s, x: p.x, baseline: p.y, size: size, anchor: anchor, bold: bold), fill, size)
            }
            return nil
        }
    }

    /// Every rectangle in drawing order (boxes, then label backgrounds), with whether it is a label's background.
    public var drawnRects: [(box: Rect, style: Style, label: Bool)] {
        (0...2).flatMap { layer in
            layered.compactMap { e -> (Rect, Style, Bool)? in
                if e.layer == layer, case .rect(let r, let s, _) = e.shape { return (r, s, layer == 2) } else { return nil }
            }
        }
    }

    /// Every filled rectangle in drawing order (the background first), for what a text sits on.
    public var filledRects: [(box: Rect, style: Style)] {
        [(Rect(x: 0, y: 0, width: width, height: height), Style(fill: Palette.background))]
            + (0...2).flatMap { layer in
                layered.compactMap { e -> (Rect, Style)? in
                    guard e.layer == layer else { return nil }
                    switch e.shape {
                    case .rect(let r, let s, _): return s.fill == "none" ? nil : (r, s)
                    case .circle(let c, let radius, let s):
                        return s.fill == "none" ? nil : (Rect(x: c.x - radius, y: c.y - radius, width: 2 * radius, height: 2 * radius), s)
                    case .text, .path: return nil
                    }
                }
            }
    }

    /// A polyline, with an arrowhead at its end in the stroke's colour when `arrow` is true.
    public mutating func path(_ points: [Point], _ style: Style, arrow: Bool = true) {
        var id: String?
        if arrow {
            let key = "arrow-\(markers.count)"
            id = markers[style.stroke] ?? key
            markers[style.stroke] = id
        }
        layered.append((1, .path(points, style, arrow: id)))
    }

    public mutating func circle(_ c: Point, radius: Double, _ style: Style) { layered.append((2, .circle(c, radius: radius, style))) }

    /// Every text's box.
    public var textBoxes: [(text: String, box: Rect)] {
        shapes.compactMap {
            if case .text(let s, let p, let size, let anchor, let bold, _) = $0 {
                return (s, TextMetrics.box(s, x: p.x, baseline: p.y, size: size, anchor: anchor, bold: bold))
            }
            return nil
        }
    }

    /// Every rectangle drawn (boxes that text must either sit inside or stay clear of); label
    /// backgrounds excluded.
    public var boxes: [Rect] {
        layered.compactMap { if $0.layer == 0, case .rect(let r, _, _) = $0.shape { return r } else { return nil } }
    }

    /// Every shape's bounds, to check that all lies inside the viewBox.
    public var allBounds: [Rect] {
        shapes.map { shape in
            switch shape {
            case .rect(let r, let s, _): return r.insetBy(-s.strokeWidth / 2)
            case .text(let s, let p, let size, let anchor, let bold, _): return TextMetrics.box(s, x: p.x, baseline: p.y, size: size, anchor: anchor, bold: bold)
            case .path(let pts, let s, _):
                let xs = pts.map(\.x), ys = pts.map(\.y)
                let pad = s.strokeWidth / 2 + 4
                return Rect(x: xs.min()! - pad, y: ys.min()! - pad, width: xs.max()! - xs.min()! + 2 * pad, height: ys.max()! - ys.min()! + 2 * pad)
            case .circle(let c, let r, let s):
                return Rect(x: c.x - r - s.strokeWidth, y: c.y - r - s.strokeWidth, width: 2 * (r + s.strokeWidth), height: 2 * (r + s.strokeWidth))
            }
        }
    }

    /// The SVG document: `viewBox` set, `<title>` and `<desc>` first for screen readers; ids are
    /// prefixed so several diagrams can be inlined in one page.
    public func svg(title: String, description: String, idPrefix: String) -> XMLNode {
        var defs: [XMLNode] = []
        for (color, id) in markers.sorted(by: { $0.value < $1.value }) {
            defs.append(XMLNode("marker", [
                ("id", "\(idPrefix)-\(id)"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto"),
            ], children: [XMLNode("path", [("d", "M0,0 L10,5 L0,10 z"), ("fill", color)])]))
        }
        var children = [
            XMLNode("title", [("id", "\(idPrefix)-title")], text: title),
            XMLNode("desc", [("id", "\(idPrefix)-desc")], text: description),
            XMLNode("style", [("type", "text/css")], text: Palette.darkModeCSS(scope: idPrefix)),
        ]
        if !defs.isEmpty { children.append(XMLNode("defs", children: defs)) }
        children.append(XMLNode("rect", [("x", "0"), ("y", "0"), ("width", fmt(width)), ("height", fmt(height)), ("fill", Palette.background)]))
        for layer in 0...2 {
            for entry in layered where entry.layer == layer { children.append(node(entry.shape, idPrefix: idPrefix)) }
        }
        return XMLNode("svg", [
            ("id", idPrefix), ("role", "img"), ("aria-labelledby", "\(idPrefix)-title \(idPrefix)-desc"),
            ("version", "1.1"), ("width", fmt(width)), ("height", fmt(height)),
            ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
            ("font-family", Palette.font),
        ], children: children)
    }

    private func node(_ shape: Shape, idPrefix: String) -> XMLNode {
        switch shape {
        case .rect(let r, let s, let title):
            var attrs = [("x", fmt(r.x)), ("y", fmt(r.y)), ("width", fmt(r.width)), ("height", fmt(r.height))]
            if s.radius > 0 { attrs.append(("rx", fmt(s.radius))) }
            attrs += styleAttributes(s)
            return XMLNode("rect", attrs, children: title.map { [XMLNode("title", text: $0)] } ?? [])
        case .text(let str, let p, let size, let anchor, let bold, let fill):
            var attrs = [("x", fmt(p.x)), ("y", fmt(p.y)), ("font-size", fmt(size)), ("fill", fill)]
            if anchor != .start { attrs.append(("text-anchor", anchor.rawValue)) }
            if bold { attrs.append(("font-weight", "bold")) }
            return XMLNode("text", attrs, text: str)
        case .path(let pts, let s, let arrow):
            let d = pts.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(fmt($0.element.x)),\(fmt($0.element.y))" }.joined(separator: " ")
            var attrs = [("d", d)] + styleAttributes(s)
            if let arrow { attrs.append(("marker-end", "url(#\(idPrefix)-\(arrow))")) }
            return XMLNode("path", attrs)
        case .circle(let c, let r, let s):
            return XMLNode("circle", [("cx", fmt(c.x)), ("cy", fmt(c.y)), ("r", fmt(r))] + styleAttributes(s))
        }
    }

    private func styleAttributes(_ s: Style) -> [(String, String)] {
        var attrs = [("fill", s.fill)]
        if s.stroke != "none" {
            attrs.append(("stroke", s.stroke))
            attrs.append(("stroke-width", fmt(s.strokeWidth)))
        }
        if let dash = s.dash { attrs.append(("stroke-dasharray", dash)) }
        return attrs
    }
}

/// Numbers in SVG attributes: at most one decimal, no trailing ".0", so output is stable and short.
func fmt(_ v: Double) -> String {
    let tenths = (v * 10).rounded()
    let whole = Int(tenths) / 10
    let frac = abs(Int(tenths) % 10)
    if frac == 0 { return String(whole) }
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
}
