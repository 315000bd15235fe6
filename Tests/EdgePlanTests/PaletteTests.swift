import EdgePlan
import EdgePlanCore
@testable import EdgePlanRender
import Foundation
import Testing

/// The diagrams' colours against WCAG 2 contrast (text 4.5:1, borders and lines 3:1, measured on
/// what each sits on in the drawn diagrams, in light and dark mode) and against colour-vision
/// deficiency: the colours that carry a meaning stay apart (CIEDE2000) after simulating
/// protanopia, deuteranopia and tritanopia with the Machado, Oliveira and Fernandes (2009)
/// matrices at severity 1.0, applied in linear RGB.
@Suite struct PaletteTests {
    // MARK: Colour science

    static func rgb(_ hex: String) -> [Double] {
        let h = hex.dropFirst()
        return stride(from: 0, to: 6, by: 2).map { i in
            let start = h.index(h.startIndex, offsetBy: i)
            return Double(Int(h[start..<h.index(start, offsetBy: 2)], radix: 16)!) / 255
        }
    }

    static func linear(_ hex: String) -> [Double] {
        rgb(hex).map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
    }

    static func luminance(_ l: [Double]) -> Double { 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] }

    /// WCAG 2 contrast ratio.
    static func contrast(_ a: String, _ b: String) -> Double {
        let x = luminance(linear(a)), y = luminance(linear(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static let simulations: [(name: String, matrix: [[Double]])] = [
        ("normal vision", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    static func simulate(_ l: [Double], _ m: [[Double]]) -> [Double] {
        m.map { row in min(1, max(0, zip(row, l).map(*).reduce(0, +))) }
    }

    static func lab(_ l: [Double]) -> (Double, Double, Double) {
        let x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047
        let y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]
        let z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation).
    static func deltaE2000(_ p: (Double, Double, Double), _ q: (Double, Double, Double)) -> Double {
        let (l1, a1, b1) = p, (l2, a2, b2) = q
        let rad = Double.pi / 180
        let cBar = (hypot(a1, b1) + hypot(a2, b2)) / 2
        let g = 0.5 * (1 - sqrt(pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))))
        let a1p = (1 + g) * a1, a2p = (1 + g) * a2
        let c1p = hypot(a1p, b1), c2p = hypot(a2p, b2)
        func hue(_ b: Double, _ a: Double) -> Double {
            let h = atan2(b, a) / rad
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(b1, a1p), h2 = hue(b2, a2p)
        let dL = l2 - l1, dC = c2p - c1p
        var dh = 0.0
        if c1p * c2p != 0 { dh = abs(h2 - h1) <= 180 ? h2 - h1 : (h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360) }
        let dH = 2 * sqrt(c1p * c2p) * sin(dh / 2 * rad)
        let lBar = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2
        var hBar = h1 + h2
        if c1p * c2p != 0 { hBar = abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2) }
        let t = 1 - 0.17 * cos((hBar - 30) * rad) + 0.24 * cos(2 * hBar * rad) + 0.32 * cos((3 * hBar + 6) * rad) - 0.20 * cos((4 * hBar - 63) * rad)
        let dTheta = 30 * exp(-pow((hBar - 275) / 25, 2))
        let rC = 2 * sqrt(pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7)))
        let sL = 1 + 0.015 * pow(lBar - 50, 2) / sqrt(20 + pow(lBar - 50, 2))
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(2 * dTheta * rad) * rC
        return sqrt(pow(dL / sL, 2) + pow(dC / sC, 2) + pow(dH / sH, 2) + rT * (dC / sC) * (dH / sH))
    }

    /// The smallest difference between two colours over normal vision and the three simulations.
    static func worstDifference(_ a: String, _ b: String) -> (Double, String) {
        simulations.map { s in (deltaE2000(lab(simulate(linear(a), s.matrix)), lab(simulate(linear(b), s.matrix))), s.name) }
            .min { $0.0 < $1.0 }!
    }

    @Test func theColourScienceMatchesPublishedValues() {
        #expect(abs(Self.contrast("#ffffff", "#000000") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
        // Sharma, Wu and Dalal (2005), test pair 1: ΔE00 = 2.0425.
        #expect(abs(Self.deltaE2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) - 2.0425) < 0.001)
        // Red and green are far apart to most viewers and close under deuteranopia.
        #expect(Self.worstDifference("#d62728", "#2ca02c").1 != "normal vision")
    }

    // MARK: The palette

    /// Colours whose difference carries a meaning, and the least CIEDE2000 difference each pair keeps.
    static let distinct: [(colors: [(String, String)], minimum: Double)] = [
        ([("public subnet", Palette.publicSubnet), ("private subnet", Palette.privateSubnet), ("WAF", Palette.waf)], 8),
        ([("the internet", Palette.internet), ("AWS-managed", Palette.aws), ("public subnet", Palette.publicSubnet), ("private subnet", Palette.privateSubnet)], 4),
        ([("internet hop", Palette.hop(.public).color), ("AWS-network hop", Palette.hop(.aws).color), ("VPC hop", Palette.hop(.private).color)], 15),
    ]

    @Test func meaningfulColoursStayApartUnderColourBlindness() {
        for group in Self.distinct {
            for (i, a) in group.colors.enumerated() {
                for b in group.colors[(i + 1)...] {
                    let (d, under) = Self.worstDifference(a.1, b.1)
                    #expect(d >= group.minimum, "\(a.0) \(a.1) and \(b.0) \(b.1) differ by ΔE00 \(d) under \(under), less than \(group.minimum)")
                }
            }
        }
        // Hops and the bypass differ by dash pattern as well as colour.
        let dashes = [Palette.hop(.public).dash, Palette.hop(.aws).dash, Palette.hop(.private).dash, Palette.bypassDash]
        #expect(Set(dashes.map { $0 ?? "solid" }).count == dashes.count)
    }

    @Test func everyColourHasADarkModeCounterpartWithContrast() {
        #expect(Self.contrast(Palette.darkened(Palette.ink), Palette.darkened(Palette.background)) >= 4.5)
        #expect(Palette.darkened(Palette.wafText) == Palette.wafText, "white on the WAF badge stays white")
        let lights = Palette.dark.map(\.light)
        #expect(Set(lights).count == lights.count, "one dark counterpart per colour")
    }

    /// What a text (or a line's midpoint) sits on: the last filled rectangle drawn under it.
    static func backdrop(_ canvas: Canvas, of box: Rect, before limit: Int? = nil) -> String {
        let rects = canvas.filledRects
        let candidates = rects.prefix(limit ?? rects.count)
        return candidates.last { $0.box.contains(box) }?.style.fill ?? Palette.background
    }

    static func checkContrast(_ canvas: Canvas, _ name: String) {
        for mode in ["light", "dark"] {
            func c(_ x: String) -> String { mode == "dark" ? Palette.darkened(x) : x }
            for t in canvas.texts {
                let on = backdrop(canvas, of: t.box)
                let ratio = contrast(c(t.fill), c(on))
                if ratio < 4.5 { Issue.record("\(name) (\(mode)): text '\(t.text)' \(t.fill) on \(on) has contrast \(ratio), under 4.5") }
            }
            // Borders against what they sit on (a box's own fill is not its backdrop).
            let rects = canvas.filledRects
            for (k, r) in rects.enumerated() where k > 0 && r.style.stroke != "none" {
                let under = rects.prefix(k).last { $0.box.contains(r.box) }?.style.fill ?? Palette.background
                let ratio = contrast(c(r.style.stroke), c(under))
                if ratio < 3 { Issue.record("\(name) (\(mode)): border \(r.style.stroke) on \(under) has contrast \(ratio), under 3") }
            }
            // Grid lines are decoration, which WCAG 2.1 SC 1.4.11 leaves out; every other line counts.
            for line in canvas.lines where line.style.stroke != Palette.grid {
                for (p, q) in zip(line.points, line.points.dropFirst()) {
                    let mid = Rect(x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, width: 0, height: 0)
                    let on = backdrop(canvas, of: mid)
                    let ratio = contrast(c(line.style.stroke), c(on))
                    if ratio < 3 { Issue.record("\(name) (\(mode)): line \(line.style.stroke) on \(on) has contrast \(ratio), under 3") }
                }
            }
        }
    }

    @Test(arguments: try! DiagramGeometryTests.designs())
    func diagramsHaveEnoughContrast(_ design: String) throws {
        let plan = try Fixtures.plan(try Fixtures.text(design))
        for option in plan.options {
            Self.checkContrast(OptionDiagram().canvas(plan, option), "\(design) \(option.id)")
            Self.checkContrast(OptionDiagram(compact: true).canvas(plan, option), "\(design) \(option.id) compact")
        }
        Self.checkContrast(SubnetDiagram().canvas(plan), "\(design) subnets")
        // The cost chart, priced from the pinned fixtures.
        let priced = try Fixtures.pricedPlan(try Fixtures.text(design), file: design)
        if let sweep = priced.costSweep { Self.checkContrast(CostChart().canvas(priced, sweep: sweep), "\(design) cost") }
    }

    @Test func theContrastCheckCanFail() {
        var canvas = Canvas(width: 200, height: 60)
        canvas.rect(Rect(x: 0, y: 0, width: 200, height: 60), .init(fill: "#eeeeee", stroke: "#dddddd"))
        canvas.text("pale", at: Point(10, 30), size: 12, fill: "#aaaaaa")
        withKnownIssue { Self.checkContrast(canvas, "synthetic") }
    }
}
