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
    /// would make one option look free there, and fake a break-even). `total` is pure, and is
    /// called on every core: the sweep points, and then the pairs of options, go in parallel; the
    /// failure thrown is the first in sweep order (then option order, then pair order).
    public func analyse<E: Error>(
        options: [String], total: @Sendable (Int, Decimal) throws(E) -> Decimal
    ) throws(E) -> (sweep: CostSweep, breakEvens: [BreakEven]) {
        let rows = Concurrently.map(Self.sweepPoints.count) { p -> Result<[Decimal], E> in
            let x = Self.sweepPoints[p]
            var row: [Decimal] = []
            for i in options.indices {
                do throws(E) { row.append(try total(i, x)) } catch { return .failure(error) }
            }
            return .success(row)
        }
        var exact: [[Decimal]] = []
        for row in rows { exact.append(try row.get()) }
        return (sweep(options: options, exact: exact), try breakEvens(options: options, exact: exact, total: total))
    }

    /// Every option's total at every sweep point, rounded to the cent, in option order.
    public func sweep(options: [String], exact: [[Decimal]]) -> CostSweep {
        CostSweep(points: zip(Self.sweepPoints, exact).map { x, totals in
            CostSweep.Point(dataOutGB: x, totals: zip(options, totals).map { (option: $0, total: $1.rounded(2)) })
        })
    }

    /// The crossings for every pair of options, ordered by traffic. `exact[p][i]` is option `i`'s
    /// unrounded total at sweep point `p`; `total(i, x)` prices option `i` at `x` GB out (pure:
    /// the pairs are searched in parallel).
    public func breakEvens<E: Error>(options: [String], exact: [[Decimal]], total: @Sendable (Int, Decimal) throws(E) -> Decimal) throws(E) -> [BreakEven] {
        let pairs = options.indices.flatMap { i in options.indices.filter { $0 > i }.map { (i, $0) } }
        let found = Concurrently.map(pairs.count) { k -> Result<[BreakEven], E> in
            let (i, j) = pairs[k]
            do throws(E) { return .success(try crossings(i, j, options: options, exact: exact, total: total)) } catch { return .failure(error) }
        }
        var all: [BreakEven] = []
        for pair in found { all += try pair.get() }
        return all.sorted { ($0.dataOutGB, $0.cheaperBelow, $0.cheaperAbove) < ($1.dataOutGB, $1.cheaperBelow, $1.cheaperAbove) }
    }

    /// Where options `i` and `j` change places, in sweep order.
    private func crossings<E: Error>(_ i: Int, _ j: Int, options: [String], exact: [[Decimal]], total: (Int, Decimal) throws(E) -> Decimal) throws(E) -> [BreakEven] {
        let points = Self.sweepPoints
        // Totals met so far, by option and traffic: the sweep's (the ends of every bracket), and the
        // search's (crossings at the same step, a flat-rate plan's allowance edge, share points).
        var known: [Int: [Decimal: Decimal]] = [:]
        for (x, row) in zip(points, exact) {
            known[i, default: [:]][x] = row[i]
            known[j, default: [:]][x] = row[j]
        }
        func priced(_ k: Int, _ x: Decimal) throws(E) -> Decimal {
            if let t = known[k]?[x] { return t }
            let t = try total(k, x)
            known[k, default: [:]][x] = t
            return t
        }
        var found: [BreakEven] = []
        var last: (point: Int, sign: Int)?
        for p in points.indices {
            let sign = Self.sign(exact[p][i] - exact[p][j])
            guard sign != 0 else { continue }
            if let previous = last, previous.sign != sign {
                // The search stops once both ends round alike: every point between them, the
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
        return found
    }

    /// Narrows [lo, hi], where `difference` has sign `loSign` at `lo` and the other sign at `hi`,
    /// until the bracket is narrower than `relativePrecision` of `lo` or `settled(lo, hi)`, and
    /// returns its middle (or a point where `difference` is zero). Costs are piecewise linear in
    /// traffic, so each round first tries where the straight line between the ends crosses zero,
    /// probing just below and just above it: inside one linear piece those two probes bracket the
    /// crossing at once. When they do not (a kink or a step between the ends), the round goes on by
    /// bisection, so the bracket always at least halves. Either way the bracket holds the crossing,
    /// so a settled bracket gives the figure plain bisection would.
    public func crossing<E: Error>(lo: Decimal, hi: Decimal, loSign: Int, settled: (Decimal, Decimal) -> Bool = { _, _ in false },
                                   difference: (Decimal) throws(E) -> Decimal) throws(E) -> Decimal {
        var (lo, hi) = (lo, hi)
        var (dLo, dHi) = (try difference(lo), try difference(hi))
        var steps = 0
        func open() -> Bool { steps < 200 && hi - lo > lo * relativePrecision && !settled(lo, hi) }
        /// `difference` at `x`, moving the end on `x`'s side to `x`.
        func probe(_ x: Decimal) throws(E) -> Decimal {
            steps += 1
            let d = try difference(x)
            let s = Self.sign(d)
            if s == loSign { (lo, dLo) = (x, d) } else if s != 0 { (hi, dHi) = (x, d) }
            return d
        }
        /// Where the line through (x0, d0) and (x1, d1) meets zero, if it does.
        func zero(_ x0: Decimal, _ d0: Decimal, _ x1: Decimal, _ d1: Decimal) -> Decimal? {
            d0 == d1 ? nil : x0 - d0 * (x1 - x0) / (d1 - d0)
        }
        // Ends without the signs they should have cannot be interpolated between: bisect only.
        var guess = Self.sign(dLo) == loSign && Self.sign(dHi) == -loSign ? zero(lo, dLo, hi, dHi) : nil
        var pairs = 0
        while open() {
            let width = hi - lo
            if pairs < maximumProbePairs, let root = guess, root > lo, root < hi {
                pairs += 1
                let step = root * probeSpread
                let (below, above) = (max(root - step, (lo + root) / 2), min(root + step, (root + hi) / 2))
                let (dBelow, dAbove) = (try probe(below), try probe(above))
                if dBelow == 0 { return below }
                if dAbove == 0 { return above }
                // Both probes on one side: the difference bends or jumps between them and the
                // crossing. Their own line, the piece they lie on, says where to look next.
                guess = zero(below, dBelow, above, dAbove)
                if !open() || hi - lo <= width / 2 { continue }
            }
            let mid = (lo + hi) / 2
            let d = try probe(mid)
            if d == 0 { return mid }
            if guess == nil || !(guess! > lo && guess! < hi) { guess = zero(lo, dLo, hi, dHi) }
        }
        return (lo + hi) / 2
    }

    /// How far either side of an interpolated crossing the probes go, as a share of it: well inside
    /// the rounding to `significantDigits`, well outside `relativePrecision`.
    public var probeSpread = Decimal(string: "0.000001")!
    /// Probe pairs tried before plain bisection: a step (a flat-rate plan's allowance edge) defeats
    /// every line, so after two misses the bracket is only halved.
    public var maximumProbePairs = 2

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
