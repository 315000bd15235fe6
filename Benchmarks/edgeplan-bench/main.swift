// edgeplan's benchmarks. Run in release mode: `swift run -c release edgeplan-bench [--quick]`.
// Prints one line per measurement: name, iterations, total seconds, per-operation time.
import EdgePlan
import EdgePlanRender
import Foundation

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let quick = CommandLine.arguments.contains("--quick")
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func measure(_ name: String, iterations: Int, _ body: () -> Void) -> Double {
    body()  // warm up
    let clock = ContinuousClock()
    let elapsed = clock.measure { for _ in 0..<iterations { body() } }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let per = seconds / Double(iterations)
    let perText = per < 1e-3 ? String(format: "%.2f µs", per * 1e6) : String(format: "%.3f ms", per * 1e3)
    let padded = name.padding(toLength: 48, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%9d × %9.3f s", iterations, seconds))  \(perText)/op")
    return seconds
}

let reference = try AWSReference(
    limitsJSON: Data(contentsOf: root.appendingPathComponent("limits/aws.json")),
    kubernetesJSON: Data(contentsOf: root.appendingPathComponent("limits/kubernetes.json")),
    regionsJSON: Data(contentsOf: root.appendingPathComponent("limits/regions.json")))
let seed = try String(contentsOf: root.appendingPathComponent("examples/seed-environment.yaml"), encoding: .utf8)
let pipeline = Pipeline(reference: reference)

// 1. Parse + validate + plan of the seed design.
_ = measure("parse+plan seed-environment.yaml", iterations: quick ? 200 : 5_000) {
    precondition(pipeline.run(seed, file: "seed.yaml").plan != nil)
}
// 1b. The same plus rendering plan.json.
_ = measure("parse+plan+plan.json seed-environment.yaml", iterations: quick ? 200 : 5_000) {
    let plan = pipeline.run(seed, file: "seed.yaml").plan!
    precondition(!PlanJSONRenderer().json(plan).serialized().isEmpty)
}

// 1c. Full option costings: every line of an option's monthly cost (with its text), for the 13
// options of the reference design in us-east-1, one costing per option per iteration.
let everyOption = try String(contentsOf: root.appendingPathComponent("Tests/EdgePlanTests/Designs/every-option.yaml"), encoding: .utf8)
let usEast1 = try PriceCatalog(json: Data(contentsOf: root.appendingPathComponent("pricing/aws/us-east-1.json")), file: "pricing/aws/us-east-1.json")
let pricedPlan = pipeline.run(everyOption, file: "every-option.yaml", prices: { _ in usEast1 }).plan!
let costTraffic = pricedPlan.pricing!.traffic!
// The model as it was before issue 13's lines (no lines between AZs, no free tiers, no CloudFront
// flat-rate plans) is the baseline, measured in the same run, interleaved: the ratios are what the
// new lines cost.
let costingRounds = quick ? 2_000 : 20_000
var payAsYouGoOnly = usEast1
payAsYouGoOnly.prices = usEast1.prices.filter { !$0.key.hasPrefix(FlatRatePlanTerms.itemPrefix) }
func costings(_ name: String, _ model: OptionCostModel, _ prices: PriceCatalog) -> Double {
    let seconds = measure("option costings (13 options, us-east-1), \(name)", iterations: costingRounds) {
        for option in pricedPlan.options {
            precondition((try? model.cost(option.topology, traffic: costTraffic, azCount: 3, prices: prices)) != nil)
        }
    }
    return Double(costingRounds * pricedPlan.options.count) / seconds
}
var rates: [String: [Double]] = [:]
let models: [(String, OptionCostModel, PriceCatalog)] = [
    ("baseline", OptionCostModel(lines: []), payAsYouGoOnly),
    ("+ inter-AZ lines", OptionCostModel(), payAsYouGoOnly),
    ("+ flat-rate plans", OptionCostModel(), usEast1),
    ("+ free tiers", OptionCostModel(lines: OptionCostModel.Lines.standard.union(.freeTier)), usEast1),
]
for _ in 0..<3 { for (name, model, prices) in models { rates[name, default: []].append(costings(name, model, prices)) } }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let baselineRate = median(rates["baseline"]!)
for (name, _, _) in models {
    let rate = median(rates[name]!)
    print("  \(name): \(Int(rate)) full option costings per second (median of 3), " + String(format: "%.2f", rate / baselineRate) + "× the baseline's rate")
}
// 1d. The whole priced plan: parse, plan, cost 13 options, sweep 42 traffic levels, find the break-even points.
_ = measure("parse+plan+costs+break-even every-option.yaml", iterations: quick ? 5 : 50) {
    precondition(pipeline.run(everyOption, file: "every-option.yaml", prices: { _ in usEast1 }).plan?.pricing != nil)
}

_ = measure("parse+plan+costs+break-even, pay-as-you-go only", iterations: quick ? 5 : 50) {
    precondition(pipeline.run(everyOption, file: "every-option.yaml", prices: { _ in payAsYouGoOnly }).plan?.pricing != nil)
}

// 2. A burst of 1,000,000 mixed-size allocations (/20 to /30) out of the IPv4 space with the
// private and reserved ranges taken out as holes; lowest aligned block first.
let count = quick ? 100_000 : 1_000_000
var rng = SplitMix64(state: 42)
let lengths = (0..<count).map { _ in 20 + Int(rng.next() % 11) }
var allocated = 0
_ = measure("allocate \(count) mixed /20–/30 blocks", iterations: 1) {
    var space = AddressSpace(pools: [IPv4Prefix("0.0.0.0/0")!])
    for hole in ["10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3"] {
        space.remove(IPv4Prefix(hole)!)
    }
    allocated = 0
    for length in lengths where space.allocate(length: length) != nil { allocated += 1 }
}
print("  (\(allocated) of \(count) allocations succeeded)")

// 3. The full report (plan.json, report.md, report.html, every diagram) next to planning alone.
let seedPlan = pipeline.run(seed, file: "seed.yaml").plan!
let planSeconds = measure("plan only (parse+validate+plan)", iterations: quick ? 100 : 2_000) {
    precondition(pipeline.run(seed, file: "seed.yaml").plan != nil)
}
let reportSeconds = measure("render full report (md, html, svg, json)", iterations: quick ? 20 : 300) {
    precondition(try! ReportRenderer().render(seedPlan).count > 4)
}
let perPlan = planSeconds / Double(quick ? 100 : 2_000), perReport = reportSeconds / Double(quick ? 20 : 300)
print(String(format: "  rendering the report takes %.1f× as long as planning", perReport / perPlan))
