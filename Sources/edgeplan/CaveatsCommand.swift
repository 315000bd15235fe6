import ArgumentParser
import EdgePlan

struct CaveatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caveats",
        abstract: "List every caveat rule with its id, when it fires, and the AWS page it rests on.")

    @Flag(help: "Print Markdown (for documentation) instead of plain text.")
    var markdown = false

    func run() throws {
        var out = markdown ? "| id | title | fires when | reference |\n| --- | --- | --- | --- |\n" : ""
        for rule in CaveatEngine.standardRules {
            if markdown {
                out += "| `\(rule.id)` | \(rule.title) | \(rule.when) | \(rule.reference) |\n"
            } else {
                out += "\(rule.id)\n  \(rule.title)\n  fires when: \(rule.when)\n  reference: \(rule.reference)\n\n"
            }
        }
        Console.out(out)
    }
}
