/// A plain-text table with columns padded to their widest cell; numbers right-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    /// With an empty header, the rows alone (nothing at all when there are none either).
    func render(indent: String = "") -> String {
        let lines = header.isEmpty ? rows : [header] + rows
        guard let columns = lines.first?.count else { return "" }
        // Each cell's width counted once (characters, not bytes: names may be any text).
        let counts = lines.map { $0.map(\.count) }
        let widths = (0..<columns).map { i in counts.map { $0[i] }.max() ?? 0 }
        var out = ""
        out.reserveCapacity(lines.count * (widths.reduce(indent.utf8.count, +) + 2 * columns))
        for (cells, count) in zip(lines, counts) {
            var text = indent
            for (i, cell) in cells.enumerated() {
                if i > 0 { text += "  " }
                let pad = String(repeating: " ", count: widths[i] - count[i])
                text += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            out += text
            out += "\n"
        }
        return out
    }
}
