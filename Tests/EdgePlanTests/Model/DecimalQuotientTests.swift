import EdgePlanCore
import Foundation
import HostileInputs
import Testing

/// `divided(by:)` gives what `/` gives, for the divisors it shortcuts and for the others.
@Suite struct DecimalQuotientTests {
    @Test func dividedGivesWhatDivisionGives() {
        var random = SplitMix64(seed: 1_000_000)
        let divisors: [Decimal] = [1, 10, 1000, 10_000, 100_000, 1_000_000, Decimal(string: "0.001")!, -1, -1000, 25, 800, 3000, 730, 2_628_000, 3, Decimal(string: "0.5")!]
        for _ in 0..<3000 {
            let digits = Int(random.next() % 38) + 1
            var text = String((0..<digits).map { _ in Character(String(random.next() % 10)) })
            if random.next() % 2 == 0, digits > 1 { text.insert(".", at: text.index(text.startIndex, offsetBy: Int(random.next() % UInt64(digits - 1)) + 1)) }
            var x = Decimal(string: text)!
            if random.next() % 4 == 0 { x = -x }
            if random.next() % 3 == 0 { x = x / 7 }
            for d in divisors {
                let ours = x.divided(by: d), theirs = x / d
                #expect(ours == theirs && ours.plainString == theirs.plainString, "\(x) / \(d): \(ours) against \(theirs)")
            }
        }
        #expect(Decimal(0).divided(by: 1000) == 0)
        #expect(Decimal(5).divided(by: 0).isNaN == (Decimal(5) / 0).isNaN)
    }
}
