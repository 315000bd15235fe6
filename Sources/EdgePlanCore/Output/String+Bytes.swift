import Foundation

/// Search and replace on a string's UTF-8 bytes, in native Swift: what the renderers do to markup
/// and code they built themselves. Foundation's `range(of:)` and `replacingOccurrences(of:with:)`
/// bridge the whole string to UTF-16 on every call (most of `plan --out`'s string time, by
/// callgrind); these compare bytes, which for the ASCII patterns the renderers use finds exactly
/// what Foundation finds.
extension String {
    /// The first occurrence of `pattern` at or after `from` (the start by default) that ends by
    /// `limit` (the end by default), or nil.
    public func firstByteRange(of pattern: String, from: Index? = nil, before limit: Index? = nil) -> Range<Index>? {
        let bytes = utf8[..<(limit ?? utf8.endIndex)]
        let needle = Array(pattern.utf8)
        guard let first = needle.first else { return nil }
        var i = from ?? bytes.startIndex
        guard i <= bytes.endIndex else { return nil }
        while let hit = bytes[i...].firstIndex(of: first) {
            var end = hit
            var matched = true
            for b in needle {
                guard end < bytes.endIndex, bytes[end] == b else { matched = false; break }
                end = bytes.index(after: end)
            }
            if matched { return hit..<end }
            i = bytes.index(after: hit)
        }
        return nil
    }

    /// Every occurrence of `target` replaced by `replacement`, left to right, without overlaps.
    public func replacingBytes(_ target: String, with replacement: String) -> String {
        guard var hit = firstByteRange(of: target) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + utf8.count / 8)
        var start = startIndex
        while true {
            out += self[start..<hit.lowerBound]
            out += replacement
            start = hit.upperBound
            guard let next = firstByteRange(of: target, from: start) else { break }
            hit = next
        }
        out += self[start...]
        return out
    }

    /// The pieces between occurrences of `separator`, empty ones kept (as `components(separatedBy:)`).
    public func splitBytes(by separator: String) -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        while let hit = firstByteRange(of: separator, from: start) {
            parts.append(self[start..<hit.lowerBound])
            start = hit.upperBound
        }
        parts.append(self[start...])
        return parts
    }

    /// Without the white space and line breaks at either end, as `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` trims them (its set, looked up per scalar: no bridging of the
    /// whole string to UTF-16; the set is Foundation's own, which holds more than Unicode's
    /// White_Space, U+200B for one).
    public func trimmingWhitespace() -> String {
        trimming { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Without the spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)`.
    public func trimmingSpaces() -> String {
        trimming { CharacterSet.whitespaces.contains($0) }
    }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
