extension String {
    /// The text with every character that would act on a terminal instead of showing written as
    /// `\u` and four hex digits: C0 controls but line feed and tab (escape sequences that recolour,
    /// retitle or clear the screen; a carriage return that overwrites a line), DEL, C1 controls,
    /// the line and paragraph separators, and the bidirectional embeddings, overrides and isolates
    /// (which reorder what a line seems to say). The escape is JSON's, so `plan --format json`
    /// stays valid JSON meaning the same.
    ///
    /// In bytes, one pass: each of these characters has one UTF-8 spelling (`C2 80`–`C2 9F`,
    /// `E2 80 A8`–`AE`, `E2 81 A6`–`A9`, or one byte), so the text is copied a run at a time and
    /// only they are rewritten (`actsOnTerminal` is the definition, scalar by scalar).
    public func escapingTerminalControls() -> String {
        var text = self
        return text.withUTF8 { bytes -> String in
            let n = bytes.count
            var i = 0
            var out: [UInt8] = []
            var copied = 0
            while i < n {
                let b = bytes[i]
                var length = 0
                var value: UInt32 = 0
                if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                    (length, value) = (1, UInt32(b))
                } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) {
                    (length, value) = (2, UInt32(bytes[i + 1]))
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (0xA8...0xAE).contains(bytes[i + 2]) {
                    (length, value) = (3, 0x2000 + UInt32(bytes[i + 2] - 0x80))
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) {
                    (length, value) = (3, 0x2040 + UInt32(bytes[i + 2] - 0x80))
                }
                guard length > 0 else { i += 1; continue }
                if out.isEmpty { out.reserveCapacity(n + 64) }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: "\\u".utf8)
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int(value >> UInt32(shift) & 0xF)]) }
                i += length
                copied = i
            }
            guard copied > 0 else { return self }
            out.append(contentsOf: bytes[copied..<n])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Upper-case hexadecimal digits, as the escapes write them.
private let hexDigits = Array("0123456789ABCDEF".utf8)

extension Unicode.Scalar {
    /// Whether the character would act on a terminal rather than show (`escapingTerminalControls`).
    public var actsOnTerminal: Bool {
        switch value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
