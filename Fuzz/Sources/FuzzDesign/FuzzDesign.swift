import EdgePlan
import Foundation

/// The AWS data of the checkout this target was built from (Fuzz/Sources/FuzzDesign/ → the root).
let reference: AWSReference = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let limits = try! Data(contentsOf: root.appendingPathComponent("limits/aws.json"))
    let kubernetes = try! Data(contentsOf: root.appendingPathComponent("limits/kubernetes.json"))
    let regions = try! Data(contentsOf: root.appendingPathComponent("limits/regions.json"))
    return try! AWSReference(limitsJSON: limits, kubernetesJSON: kubernetes, regionsJSON: regions)
}()

/// One input: the bytes as `edgeplan plan` reads them (UTF-8 text without NUL; anything else is
/// refused before parsing), through the whole pipeline. A crash, a hang past -timeout, or an error
/// that is not placed inside the file is a finding.
// Also under libFuzzer's own name: its archive refers to it, though main.swift runs the driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDesign(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else { return 0 }
    let outcome = Pipeline(reference: reference).run(text, file: "fuzz.yaml")
    let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }.count + 1
    for d in outcome.diagnostics where d.severity == .error {
        guard let at = d.location, at.file == "fuzz.yaml", (1...lines).contains(at.line), at.column >= 1 else {
            fatalError("an error not placed inside the file: \(d.formatted)")
        }
    }
    if outcome.plan == nil && !outcome.diagnostics.hasErrors { fatalError("no plan and no error") }
    return 0
}
