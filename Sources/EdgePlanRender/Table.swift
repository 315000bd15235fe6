/// A plain-text table for command output (fleet summaries, ledger listings): columns padded to
/// their widest cell, the columns in `rightAligned` (numbers) aligned right.
public enum Table {
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = [], indent: String = "") -> String {
        TextTable(header: header, rows: rows, rightAligned: rightAligned).render(indent: indent)
    }
}
