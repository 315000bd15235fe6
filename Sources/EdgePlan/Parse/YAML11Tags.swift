import Yams

/// The tag YAML 1.1's implicit rules give a plain scalar, exactly as Yams' `Resolver.default`
/// resolves it: its rules in its order (bool, int, float, merge, null, timestamp, value), `str`
/// when none matches. Matched on the UTF-8 bytes by hand instead of with Yams' regular
/// expressions: compiling those was a millisecond of every process that read a design, and
/// matching them half of a small design's parse. `YAML11TagsTests` checks it against Yams.
enum YAML11Tags {
    static func resolve(_ text: String) -> Tag.Name {
        var text = text
        return text.withUTF8 { whole in
            // Yams' expressions end in `$`, which ICU also lets match before one line break ending the text.
            let bytes = Bytes(whole)
            let end = bytes.count - bytes.finalLineBreak
            return resolve(Bytes(UnsafeBufferPointer(rebasing: whole[0..<end])))
        }
    }

    private static func resolve(_ b: Bytes) -> Tag.Name {
        if isBool(b) { return .bool }
        if isInt(b) { return .int }
        if isFloat(b) { return .float }
        if b.equals("<<") { return .merge }
        if b.count == 0 || b.equals("~") || b.equals("null") || b.equals("Null") || b.equals("NULL") { return .null }
        if isTimestamp(b) { return .timestamp }
        if b.equals("=") { return .value }
        return .str
    }

    private static let bools = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                "on", "On", "ON", "off", "Off", "OFF"]

    private static func isBool(_ b: Bytes) -> Bool {
        b.count >= 2 && b.count <= 5 && bools.contains { b.equals($0) }
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    private static func isInt(_ b: Bytes) -> Bool {
        var i = b.sign(at: 0)
        guard i < b.count else { return false }
        if b[i] == ascii("0") {
            let rest = i + 1
            if rest == b.count { return true }  // 0
            if b[rest] == ascii("b") { return b.all(from: rest + 1, nonEmpty: true) { $0 == ascii("0") || $0 == ascii("1") || $0 == ascii("_") } }
            if b[rest] == ascii("x") { return b.all(from: rest + 1, nonEmpty: true) { isHex($0) || $0 == ascii("_") } }
            let octal = b[rest] == ascii("o") ? rest + 1 : rest
            return b.all(from: octal, nonEmpty: true) { $0 >= ascii("0") && $0 <= ascii("7") || $0 == ascii("_") }
        }
        guard isDigit(b[i]) else { return false }  // [1-9]
        i = b.run(from: i + 1) { isDigit($0) || $0 == ascii("_") }
        if i == b.count { return true }
        return sexagesimal(b, from: i) == b.count
    }

    /// `(?::[0-5]?[0-9])+` from `i`: where the groups end, or nil when there is not one.
    private static func sexagesimal(_ b: Bytes, from start: Int) -> Int? {
        var i = start
        var groups = 0
        while i < b.count, b[i] == ascii(":") {
            let end = b.run(from: i + 1, isDigit)
            switch end - (i + 1) {
            case 1: break
            case 2 where b[i + 1] <= ascii("5"): break
            default: return nil  // the ':' must start a group, and this one is not
            }
            i = end
            groups += 1
        }
        return groups > 0 ? i : nil
    }

    /// `[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    private static func isFloat(_ b: Bytes) -> Bool {
        if b.count > 0, b[0] == ascii(".") {
            if b.equals(".nan") || b.equals(".NaN") || b.equals(".NAN") || b.equals(".inf") || b.equals(".Inf") || b.equals(".INF") { return true }
            let digits = b.run(from: 1) { isDigit($0) || $0 == ascii("_") }
            guard digits > 1 else { return false }
            return digits == b.count || exponent(b, from: digits, signRequired: true)
        }
        let i = b.sign(at: 0)
        guard i < b.count else { return false }
        if b[i] == ascii(".") { return b.equals(".inf", from: i) || b.equals(".Inf", from: i) || b.equals(".INF", from: i) }
        guard isDigit(b[i]) else { return false }
        let whole = b.run(from: i + 1) { isDigit($0) || $0 == ascii("_") }
        if whole < b.count, b[whole] == ascii(":") {
            guard let end = sexagesimal(b, from: whole), end < b.count, b[end] == ascii(".") else { return false }
            return b.run(from: end + 1) { isDigit($0) || $0 == ascii("_") } == b.count
        }
        var j = whole
        if j < b.count, b[j] == ascii(".") { j = b.run(from: j + 1) { isDigit($0) || $0 == ascii("_") } }
        return j == b.count || exponent(b, from: j, signRequired: false)
    }

    /// `[eE][-+]?[0-9]+` (the sign required or not) from `i` to the end.
    private static func exponent(_ b: Bytes, from i: Int, signRequired: Bool) -> Bool {
        guard i < b.count, b[i] == ascii("e") || b[i] == ascii("E") else { return false }
        let digits = b.sign(at: i + 1)
        if signRequired && digits == i + 1 { return false }
        return b.all(from: digits, nonEmpty: true, isDigit)
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2}`, or `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}
    /// (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?`.
    private static func isTimestamp(_ b: Bytes) -> Bool {
        guard b.count >= 8, b.run(from: 0, isDigit) == 4, b[4] == ascii("-") else { return false }
        let month = b.run(from: 5, isDigit)
        guard (1...2).contains(month - 5), month < b.count, b[month] == ascii("-") else { return false }
        let day = b.run(from: month + 1, isDigit)
        guard (1...2).contains(day - month - 1) else { return false }
        if day == b.count { return month - 5 == 2 && day - month - 1 == 2 }
        var i = day
        if b[i] == ascii("T") || b[i] == ascii("t") { i += 1 } else {
            i = b.run(from: i, isBlank)
            guard i > day else { return false }
        }
        let hour = b.run(from: i, isDigit)
        guard (1...2).contains(hour - i), hour < b.count, b[hour] == ascii(":") else { return false }
        let minute = b.run(from: hour + 1, isDigit)
        guard minute - hour - 1 == 2, minute < b.count, b[minute] == ascii(":") else { return false }
        let second = b.run(from: minute + 1, isDigit)
        guard second - minute - 1 == 2 else { return false }
        i = second
        if i < b.count, b[i] == ascii(".") { i = b.run(from: i + 1, isDigit) }
        if i == b.count { return true }
        // The zone: blanks, then Z or [-+]hh(:mm)?; a match may also end before the blanks only if nothing follows.
        i = b.run(from: i, isBlank)
        guard i < b.count else { return false }
        if b[i] == ascii("Z") { return i + 1 == b.count }
        guard b[i] == ascii("-") || b[i] == ascii("+") else { return false }
        let zoneHour = b.run(from: i + 1, isDigit)
        guard (1...2).contains(zoneHour - i - 1) else { return false }
        if zoneHour == b.count { return true }
        guard b[zoneHour] == ascii(":") else { return false }
        let zoneMinute = b.run(from: zoneHour + 1, isDigit)
        return zoneMinute - zoneHour - 1 == 2 && zoneMinute == b.count
    }

    private static func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(ascii: c) }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 }
    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// The bytes of one scalar, with the few look-ups the rules need.
    private struct Bytes {
        let bytes: UnsafeBufferPointer<UInt8>
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
        var count: Int { bytes.count }
        subscript(i: Int) -> UInt8 { bytes[i] }

        func equals(_ word: String, from start: Int = 0) -> Bool {
            word.utf8.count == count - start && word.utf8.enumerated().allSatisfy { bytes[start + $0.offset] == $0.element }
        }

        /// The length of the line break that ends the bytes, 0 if none: `\r\n`, `\n`, `\r`, NEL,
        /// LS or PS (the line terminators of ICU's `$`).
        var finalLineBreak: Int {
            let n = count
            if n >= 2, bytes[n - 2] == 0x0D, bytes[n - 1] == 0x0A { return 2 }
            if n >= 1, bytes[n - 1] == 0x0A || bytes[n - 1] == 0x0D || bytes[n - 1] == 0x0B || bytes[n - 1] == 0x0C { return 1 }
            if n >= 2, bytes[n - 2] == 0xC2, bytes[n - 1] == 0x85 { return 2 }
            if n >= 3, bytes[n - 3] == 0xE2, bytes[n - 2] == 0x80, bytes[n - 1] == 0xA8 || bytes[n - 1] == 0xA9 { return 3 }
            return 0
        }

        /// Past an optional `-` or `+` at `i`.
        func sign(at i: Int) -> Int {
            i < count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) ? i + 1 : i
        }

        /// Where the run of bytes matching `test` from `i` ends.
        func run(from i: Int, _ test: (UInt8) -> Bool) -> Int {
            var j = i
            while j < count, test(bytes[j]) { j += 1 }
            return j
        }

        /// Whether every byte from `i` to the end matches `test` (and there is one, if `nonEmpty`).
        func all(from i: Int, nonEmpty: Bool, _ test: (UInt8) -> Bool) -> Bool {
            (!nonEmpty || i < count) && run(from: i, test) == count
        }
    }
}
