import EdgePlan
import Foundation

/// One input: the bytes as `edgeplan cidr` reads a ledger (UTF-8 text without NUL), parsed,
/// checked, and, when it reads, written and read back: what edgeplan reads it must write back
/// as the same ledger. A crash, a hang past -timeout, an error not placed inside the file, or a
/// round trip that changes the ledger is a finding.
// Also under libFuzzer's own name: its archive refers to it, though main.swift runs the driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLedger(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else { return 0 }
    let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }.count + 1
    let parsed: ParsedLedger
    do {
        parsed = try LedgerParser().parse(text, file: "fuzz.yaml")
    } catch {
        for d in error.diagnostics where d.severity == .error {
            guard let at = d.location, at.file == "fuzz.yaml", (1...lines).contains(at.line), at.column >= 1 else {
                fatalError("an error not placed inside the file: \(d.formatted)")
            }
        }
        if !error.diagnostics.hasErrors { fatalError("refused without an error") }
        return 0
    }
    for d in LedgerChecker().check(parsed) {
        guard let at = d.location, (1...lines).contains(at.line) else { fatalError("a problem not placed inside the file: \(d.formatted)") }
    }
    let written = LedgerSerializer().serialize(parsed.ledger)
    guard let again = try? LedgerParser().parse(written, file: "fuzz.yaml"), again.ledger == parsed.ledger.sorted else {
        fatalError("the ledger does not read back as written:\n\(written)")
    }
    return 0
}
