/// Hostile inputs for edgeplan's readers: a valid file, mutated a few times over by a seeded
/// generator (so every input can be replayed from its seed), with the tokens each format's
/// readers have tripped over: YAML 1.1 numbers, anchors, merge keys, tags, directives, BOMs,
/// NULs, CRs, deep nesting, escapes and surrogates, huge numbers, control characters.
public struct Mutator {
    public var random: SplitMix64
    public let tokens: [[UInt8]]

    public init(seed: UInt64, tokens: [String]) {
        random = SplitMix64(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) }
    }

    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }

    /// `seed` after one to `rounds` mutations.
    public mutating func mutate(_ seed: [UInt8], rounds: Int = 4) -> [UInt8] {
        var bytes = seed
        for _ in 0...below(rounds) { mutateOnce(&bytes) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) {
        let at = below(bytes.count + 1)
        switch below(10) {
        case 0:  // one byte becomes any byte
            if !bytes.isEmpty { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 1:  // a run disappears
            let end = min(bytes.count, at + 1 + below(64))
            bytes.removeSubrange(at..<end)
        case 2, 3:  // a token goes in
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: at)
        case 4:  // a run is repeated
            let end = min(bytes.count, at + 1 + below(200))
            let run = bytes[at..<end]
            for _ in 0..<(1 + below(40)) { bytes.insert(contentsOf: run, at: end) }
        case 5:  // cut short
            bytes.removeSubrange(at...)
        case 6:  // a token replaces the value after a separator (`: ` in YAML, `":` in JSON)
            if let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) {
                let end = bytes[colon...].firstIndex { $0 == 0x0A || $0 == UInt8(ascii: ",") } ?? bytes.count
                bytes.replaceSubrange((colon + 1)..<end, with: [0x20] + tokens[below(tokens.count)])
            }
        case 7:  // a long run of one token: nesting, long keys, long numbers
            let token = tokens[below(tokens.count)]
            let count = 1 + below(token.count == 1 ? 5_000 : 300)
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: at)
        case 8:  // a line moves elsewhere
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 2 else { return }
            var moved = lines.map(Array.init)
            let line = moved.remove(at: below(moved.count))
            moved.insert(line, at: below(moved.count + 1))
            bytes = Array(moved.joined(separator: [0x0A]))
        default:  // indentation changes
            if let newline = bytes[at...].firstIndex(of: 0x0A) {
                if below(2) == 0 {
                    bytes.insert(contentsOf: [UInt8](repeating: 0x20, count: 1 + below(6)), at: newline + 1)
                } else if newline + 1 < bytes.count, bytes[newline + 1] == 0x20 {
                    bytes.remove(at: newline + 1)
                }
            }
        }
    }

    /// What trips YAML readers (designs and ledgers).
    public static let yamlTokens: [String] = [
        "&a ", "*a", "<<: *a\n", "<<: {requests: 5}\n", "!!binary ", "!!int ", "!!str ", "!custom ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
        "---\n", "...\n", "? ", "\t", "\u{FEFF}", "\u{0}", "\r", "\r\n", "{", "}", "[", "]", ",", ": ", "- ", "'", "\"", "\\", "\\u0000",
        "\"\\ud83d\"", "010", "1:30", "0x10", "0b11", "0o17", "+5", "-0", "1_000", "1e400", ".5", ".nan", "-.inf",
        "99999999999999999999", "0.00000000000000000000000000000000000000001", "~", "null", "yes", "no", "on", "y",
        "\u{202E}", "\u{1B}[31m", "\u{85}", "\u{2028}", "#", "|\n", ">-\n", "é", "😀", "\"\u{1B}]0;x\u{7}\": 1\n",
        "10.0.0.0/8", "0.0.0.0/0", "10.0.0.0/33", "256.0.0.1/8", "010.0.0.0/8", "10.0.0.1/8",
    ]

    /// What trips JSON readers (price files, offers, describe-vpcs output).
    public static let jsonTokens: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\ud83d\\ude00", "\\u0000", "\\u+123", "null", "true", "false",
        "-", "0", "01", "-01", "1e5", "1.5", "1E400", "99999999999999999999999", "\"1.2.3\"", "\"0.0225\"", "\"-1\"", "\"1e3\"", "\"\"",
        "\u{FEFF}", "\u{0}", "\r", "\t", "\u{1B}[2J", "\u{202E}", "😀", "\"Inf\"", "\"0.0.0.0/0\"", "\"10.0.0.0/8\"", "\"10.0.0.0/33\"",
        "{\"Key\": \"edgeplan:env\", \"Value\": \"x\"}", "\"associated\"", "\"usd\": \"0.01\"", "\"tiers\": []", "/*", "//", "'",
    ]
}
