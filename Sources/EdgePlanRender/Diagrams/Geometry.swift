/// A point and a rectangle in diagram units (pixels of the viewBox).
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

public struct Rect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func intersects(_ o: Rect) -> Bool {
        x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    public func contains(_ o: Rect) -> Bool {
        o.x >= x && o.maxX <= maxX && o.y >= y && o.maxY <= maxY
    }

    public func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}

/// Estimated text widths, deliberately generous (close to DejaVu Sans, wider than Helvetica), so a
/// label that fits here fits in whichever sans-serif font the viewer has.
public enum TextMetrics {
    /// Splits text into lines no wider than `width` at word boundaries (a word wider than `width`
    /// stands alone on its line).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : "\(current) \(word)"
            if TextMetrics.width(candidate, size: size, bold: bold) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for c in text.unicodeScalars {
            switch c {
            case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "I", "(", ")", "[", "]", "/", " ": em += 0.34
            case "f", "t", "r": em += 0.44
            case "m", "w", "M", "W", "@": em += 0.94
            case "A"..."Z": em += 0.74
            case "0"..."9": em += 0.64
            case "→", "×", "–", "—", "·": em += 0.84
            default: em += 0.62
            }
        }
        return em * size * (bold ? 1.08 : 1.0)
    }

    /// The box a line of text occupies, from its anchor point and baseline.
    public static func box(_ text: String, x: Double, baseline: Double, size: Double, anchor: Anchor, bold: Bool = false) -> Rect {
        let w = width(text, size: size, bold: bold)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - w / 2
        case .end: left = x - w
        }
        return Rect(x: left, y: baseline - size * 0.92, width: w, height: size * 1.18)
    }

    public enum Anchor: String, Sendable {
        case start, middle, end
    }
}
