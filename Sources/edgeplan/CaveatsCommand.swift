import ArgumentParser
import EdgePlan
import Foundation

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
                // Each reference title a link where CaveatReferences has its address.
                let references = rule.reference.components(separatedBy: "; ").map { title in
                    rule.referenceLinks.first { $0.title == title }?.url.map { "[\(title)](<\($0)>)" } ?? title
                }.joined(separator: "; ")
                out += "| `\(rule.id)` | \(rule.title) | \(rule.when) | \(references) |\n"
            } else {
                out += "\(rule.id)\n  \(rule.title)\n  fires when: \(rule.when)\n  reference: \(rule.reference)\n\n"
            }
        }
        Console.out(out)
    }
}
