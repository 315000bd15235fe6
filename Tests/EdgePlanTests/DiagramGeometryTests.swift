import EdgePlan
@testable import EdgePlanRender
import Foundation
import Testing

/// Layout checks computed from the diagrams' own geometry (not from the SVG bytes): no text over
/// text; no text across the edge of a box drawn over whatever opaque box it sits on; every label's
/// background inside its box and off every border; no line under a text; everything in the viewBox.
@Suite struct DiagramGeometryTests {
    static func designs() throws -> [String] {
        try ["Tests/EdgePlanTests/Designs/every-option.yaml"] + Fixtures.examples().map { "examples/\($0)" }
    }

    static func check(_ canvas: Canvas, _ name: String, linesClearOfText: Bool = false) {
        let texts = canvas.textBoxes
        let rects = canvas.drawnRects
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.box.intersects(b.box) {
                Issue.record("\(name): text '\(a.text)' overlaps text '\(b.text)'")
            }
            // Boxes under the last opaque box holding the text are hidden by it; the rest must
            // hold the text or stay clear of it.
            let holder = rects.lastIndex { $0.style.fill != "none" && $0.box.contains(a.box) } ?? -1
            for (k, r) in rects.enumerated() where k > holder && !r.label && r.box.intersects(a.box) && !r.box.contains(a.box) {
                Issue.record("\(name): text '\(a.text)' at \(a.box) crosses the edge of the box \(r.box)")
            }
        }
        // A label's background sits inside each box it overlaps, off its border.
        for label in canvas.labelBackgrounds {
            for r in rects where !r.label && r.style.stroke != "none" {
                let outer = r.box.insetBy(-r.style.strokeWidth / 2)
                let inner = r.box.insetBy(r.style.strokeWidth / 2)
                if outer.intersects(label.box) && !inner.contains(label.box) {
                    Issue.record("\(name): the background of label '\(label.text)' at \(label.box) covers the border of \(r.box)")
                }
            }
        }
        if linesClearOfText {
            for line in canvas.lines {
                for (p, q) in zip(line.points, line.points.dropFirst()) {
                    for t in texts where segment(p, q, crosses: t.box.insetBy(0.5)) {
                        Issue.record("\(name): a line from \(p) to \(q) runs under the text '\(t.text)'")
                    }
                }
            }
        }
        let view = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        for bounds in canvas.allBounds where !view.contains(bounds) {
            Issue.record("\(name): \(bounds) lies outside the viewBox \(view)")
        }
    }

    /// Whether the segment from p to q passes through the rectangle (Liang–Barsky clipping).
    static func segment(_ p: Point, _ q: Point, crosses r: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = q.x - p.x, dy = q.y - p.y
        for (edge, delta) in [(p.x - r.x, -dx), (r.maxX - p.x, dx), (p.y - r.y, -dy), (r.maxY - p.y, dy)] {
            if delta == 0 {
                if edge < 0 { return false }
            } else {
                let t = edge / delta
                if delta < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    @Test(arguments: try! designs())
    func optionDiagramsHaveNoOverlaps(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        for option in plan.options {
            let canvas = OptionDiagram().canvas(plan, option)
            Self.check(canvas, "\(design) \(option.id)", linesClearOfText: true)
            #expect(canvas.width <= 1000, "\(option.id) is \(canvas.width) wide: too small to read at 900 px")
        }
    }

    /// The compact diagram reads on a 390 px phone: its viewBox is at most 358 px wide, so every
    /// text is drawn at 12 px or more, and it is laid out as cleanly as the full one.
    @Test(arguments: try! designs())
    func compactDiagramsReadOnAPhone(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        for option in plan.options {
            let canvas = OptionDiagram(compact: true).canvas(plan, option)
            Self.check(canvas, "\(design) \(option.id) compact", linesClearOfText: true)
            for t in canvas.texts where t.size * 358 / canvas.width < OptionDiagram.compactMinimumTextSize {
                Issue.record("\(option.id) compact: '\(t.text)' is \(t.size * 358 / canvas.width) px on a 390 px screen")
            }
            #expect(canvas.textBoxes.contains { $0.text.contains("× \(plan.availabilityZones.count) AZs") })
        }
    }

    @Test func theCheckCatchesAnOverlap() {
        var canvas = Canvas(width: 200, height: 100)
        canvas.rect(Rect(x: 10, y: 10, width: 50, height: 30), .init(stroke: "#000"))
        canvas.text("a long label that crosses the box", at: Point(40, 30), size: 12)
        canvas.text("off the canvas", at: Point(190, 95), size: 12)
        withKnownIssue { Self.check(canvas, "synthetic") }
    }

    @Test func theCheckCatchesALabelOverABorderAndALineUnderText() {
        var canvas = Canvas(width: 300, height: 100)
        canvas.rect(Rect(x: 10, y: 10, width: 100, height: 40), .init(fill: "#eeeeee", stroke: "#000000"))
        canvas.label("spills over the border", at: Point(60, 30), size: 12, fill: "#000000", background: "#eeeeee")
        canvas.text("crossed", at: Point(150, 80), size: 12)
        canvas.path([Point(140, 76), Point(240, 76)], .init(stroke: "#000000"), arrow: false)
        withKnownIssue { Self.check(canvas, "synthetic", linesClearOfText: true) }
    }

    /// Every colour a diagram draws with is explained in its key.
    @Test(arguments: try! designs())
    func everyColourIsInTheLegend(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        let words: Set<String> = [Palette.ink, Palette.muted, Palette.background, Palette.critical, Palette.publicText, Palette.privateText,
                                  Palette.cloudStroke, Palette.regionStroke, Palette.vpcStroke, Palette.azStroke, Palette.wafText]
        for option in plan.options {
            let canvas = OptionDiagram().canvas(plan, option)
            let topology = option.topology
            let key = Legend.colors(Legend.items(bypass: topology.edges.contains(where: \.bypass), waf: topology.wafOn != nil,
                                                 critical: !option.caveats(.critical).isEmpty, loadBalancer: true, securityGroup: true))
            var used: Set<String> = []
            for shape in canvas.shapes {
                switch shape {
                case .rect(_, let s, _), .path(_, let s, _), .circle(_, _, let s): used.formUnion([s.fill, s.stroke])
                case .text: break
                }
            }
            let missing = used.subtracting(key).subtracting(words).subtracting(["none"])
            #expect(missing.isEmpty, "\(design) \(option.id): colours not in the legend: \(missing.sorted())")
        }
    }
}
