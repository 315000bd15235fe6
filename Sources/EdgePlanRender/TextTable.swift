/// A plain-text table with columns padded to their widest cell; numbers right-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    /// With an empty header, the rows alone (nothing at all when there are none either).
    func render(indent: String = "") -> String {
        let lines = header.isEmpty ? rows : [header] + rows
        guard let columns = lines.first?.count else { return "" }
        let widths = (0..<columns).map { i in lines.map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return lines.map(line).joined(separator: "\n") + "\n"
    }
}
