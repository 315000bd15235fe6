import EdgePlan
import Foundation
import Testing

/// What `scripts/fuzz` found, one regression test per finding, with the input it wrote.
@Suite struct FuzzFindingsTests {
    static func errors(ledger text: String) -> [Diagnostic] {
        do {
            _ = try LedgerParser().parse(text, file: "l.yaml")
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    /// FuzzLedger, crash-58b63e27: `---` alone. libyaml places the empty document on line 2 of a
    /// one-line file, and the reader reported the error there.
    @Test func anEmptyDocumentIsPlacedInsideTheFile() {
        #expect(Self.errors(ledger: "---").first?.formatted == "l.yaml:1:4: error: expected a ledger (a mapping of edgeplan-ledger, pools, taken, allocations), got nothing (null)")
        let design = Fixtures.pipeline.run("edgeplan: 1\nname:", file: "d.yaml").diagnostics.filter { $0.severity == .error }
        #expect(design.contains { $0.path == "name" } && design.allSatisfy { ($0.location?.line ?? 0) <= 2 }, "\(design.map(\.formatted))")
    }
}
