import EdgePlanCore
import Foundation

/// Where the cheaper of two options changes as traffic grows. Traffic is swept by monthly data out
/// (requests and connections scale in proportion) from 1 GB to 5 PB on a log scale; wherever two
/// options' totals swap order between neighbouring sweep points, bisection on the continuous cost
/// model finds the crossing, which is then rounded to four significant digits (the traffic figures
/// it rests on are estimates, not measurements).
public struct BreakEvenFinder: Sendable {
    /// 1 GB … 5 PB (5,242,880 GB, 1 PB = 1,048,576 GB): the E6 series (1, 1.5, 2.2, 3.3, 4.7, 6.8)
    /// in every decade, so the points sit evenly on a log axis, and 5 PB itself at the end.
    public static let sweepPoints: [Decimal] = {
        let mantissas = ["1", "1.5", "2.2", "3.3", "4.7", "6.8"].map { Decimal(string: $0)! }
        let end: Decimal = 5 * 1_048_576
        var points: [Decimal] = []
        var decade: Decimal = 1
        while decade <= end {
            for m in mantissas where m * decade < end { points.append(m * decade) }
            decade *= 10
        }
        points.append(end)
        return points
    }()

    /// Bisection stops when the bracket is narrower than this share of its lower end.
    public var relativePrecision = Decimal(string: "0.0000001")!
    public var significantDigits = 4

    public init() {}

    /// The sweep and the crossings in one pass: `total(i, x)` prices option `i` at `x` GB out. A
    /// failure to price any option at any point is thrown as it is, never counted as $0 (a zero
    /// would make one option look free there, and fake a break-even).
    public func analyse<E: Error>(
        options: [String], total: (Int, Decimal) throws(E) -> Decimal
    ) throws(E) -> (sweep: CostSweep, breakEvens: [BreakEven]) {
        var exact: [[Decimal]] = []
        for x in Self.sweepPoints {
            var row: [Decimal] = []
            for i in options.indices { row.append(try total(i, x)) }
            exact.append(row)
        }
        return (sweep(options: options, exact: exact), try breakEvens(options: options, exact: exact, total: total))
    }

    /// Every option's total at every sweep point, rounded to the cent, in option order.
    public func sweep(options: [String], exact: [[Decimal]]) -> CostSweep {
        CostSweep(points: zip(Self.sweepPoints, exact).map { x, totals in
            CostSweep.Point(dataOutGB: x, totals: zip(options, totals).map { (option: $0, total: $1.rounded(2)) })
        })
    }

    /// The crossings for every pair of options, ordered by traffic. `exact[p][i]` is option `i`'s
    /// unrounded total at sweep point `p`; `total(i, x)` prices option `i` at `x` GB out.
    public func breakEvens<E: Error>(options: [String], exact: [[Decimal]], total: (Int, Decimal) throws(E) -> Decimal) throws(E) -> [BreakEven] {
        let points = Self.sweepPoints
        var found: [BreakEven] = []
        // Totals met during bisection, by option and traffic: crossings at the same step (a
        // flat-rate plan's allowance edge) bisect through the same points for every pair.
        var known: [Int: [Decimal: Decimal]] = [:]
        func priced(_ i: Int, _ x: Decimal) throws(E) -> Decimal {
            if let t = known[i]?[x] { return t }
            let t = try total(i, x)
            known[i, default: [:]][x] = t
            return t
        }
        for i in options.indices {
            for j in options.indices where j > i {
                var last: (point: Int, sign: Int)?
                for p in points.indices {
                    let sign = Self.sign(exact[p][i] - exact[p][j])
                    guard sign != 0 else { continue }
                    if let previous = last, previous.sign != sign {
                        // Bisection stops once both ends round alike: every point between them, the
                        // crossing among them, rounds to the same figure, so more steps change nothing.
                        let x = try crossing(lo: points[previous.point], hi: points[p], loSign: previous.sign,
                                             settled: { round($0) == round($1) }) { (x) throws(E) in
                            try priced(i, x) - priced(j, x)
                        }
                        // Below the crossing the sign is previous.sign: negative means option i is cheaper.
                        let (below, above) = previous.sign < 0 ? (options[i], options[j]) : (options[j], options[i])
                        found.append(BreakEven(cheaperBelow: below, cheaperAbove: above, dataOutGB: round(x)))
                    }
                    last = (p, sign)
                }
            }
        }
        return found.sorted { ($0.dataOutGB, $0.cheaperBelow, $0.cheaperAbove) < ($1.dataOutGB, $1.cheaperBelow, $1.cheaperAbove) }
    }

    /// Bisects [lo, hi], where `difference` has sign `loSign` at `lo` and the other sign at `hi`,
    /// until the bracket is narrower than `relativePrecision` of `lo` or `settled(lo, hi)`.
    public func crossing<E: Error>(lo: Decimal, hi: Decimal, loSign: Int, settled: (Decimal, Decimal) -> Bool = { _, _ in false },
                                   difference: (Decimal) throws(E) -> Decimal) throws(E) -> Decimal {
        var (lo, hi) = (lo, hi)
        var steps = 0
        while steps < 200, hi - lo > lo * relativePrecision, !settled(lo, hi) {
            steps += 1
            let mid = (lo + hi) / 2
            let s = Self.sign(try difference(mid))
            if s == 0 { return mid }
            if s == loSign { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// `x` rounded to `significantDigits` significant digits.
    public func round(_ x: Decimal) -> Decimal {
        guard x > 0 else { return x }
        var magnitude = 0
        var probe: Decimal = 1
        while probe * 10 <= x { probe *= 10; magnitude += 1 }
        while probe > x { probe /= 10; magnitude -= 1 }
        return x.rounded(significantDigits - 1 - magnitude)
    }

    static func sign(_ d: Decimal) -> Int { d > 0 ? 1 : d < 0 ? -1 : 0 }
}
