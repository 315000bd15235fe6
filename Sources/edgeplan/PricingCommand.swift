import ArgumentParser
import EdgePlan
import Foundation

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Keep the price files current.",
        subcommands: [PricingImportCommand.self])
}

struct PricingImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Update the region price files from an AWS Price List offer file (JSON) and print what changed.")

    @Argument(help: "An AWS Price List bulk offer file, e.g. AWSELB/current/eu-west-1/index.json.")
    var offer: String

    @Option(help: "The folder of price files (<region>.json) to update instead of edgeplan's pricing/aws.")
    var pricing: String?

    func run() throws {
        do {
            let files = try PricingFiles(option: pricing)
            let top = SourceLocation(file: offer, line: 1, column: 1)
            guard let data = FileManager.default.contents(atPath: offer) else {
                throw DiagnosticError([.error("", "no such file, or it cannot be read", at: top)])
            }
            let importer = OfferImporter()
            let reading = try importer.read(data, file: offer)
            let names = (try? DataFiles.reference().regions.mapValues(\.name)) ?? [:]
            let result = try importer.apply(reading, folder: files.all(), folderLabel: files.label, regionNames: names)
            try write(result.files, into: files.folder)
            Console.out(report(result, reading))
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    private func report(_ result: OfferImporter.Result, _ reading: OfferImporter.Reading) -> String {
        var out = "AWS Price List offer \(reading.offerCode) \(reading.version) (published \(reading.publicationDate.prefix(10)))\n"
        if result.changes.isEmpty { out += "  no row of this offer maps to an edgeplan price item\n" }
        for (file, changes) in result.changes {
            out += "\(file)\n"
            let width = changes.map(\.item.count).max() ?? 0
            for c in changes {
                let item = c.item.padding(toLength: width, withPad: " ", startingAt: 0)
                switch c.kind {
                case .added: out += "  added      \(item)  \(c.new)\n"
                case .changed: out += "  changed    \(item)  \(c.old ?? "?") → \(c.new)\n"
                case .unchanged: out += "  unchanged  \(item)  \(c.new)\n"
                }
            }
        }
        for s in result.skipped { out += "skipped: \(s)\n" }
        out += "\(result.files.count) file\(result.files.count == 1 ? "" : "s") written\n"
        return out
    }

    /// Every file goes to a temporary sibling first; only when all are written do they replace the
    /// old ones, one rename each, so a failure leaves the folder as it was.
    private func write(_ outputs: [OutputFile], into folder: URL) throws(DiagnosticError) {
        let fm = FileManager.default
        let pid = ProcessInfo.processInfo.processIdentifier
        var staged: [(temp: URL, target: URL)] = []
        for file in outputs {
            let target = folder.appendingPathComponent(file.path)
            let temp = folder.appendingPathComponent(".\(file.path).edgeplan-new-\(pid)")
            do {
                try Data(file.contents.utf8).write(to: temp)
            } catch {
                for s in staged { try? fm.removeItem(at: s.temp) }
                try? fm.removeItem(at: temp)
                throw DiagnosticError([.error("--pricing", "'\(target.path)' cannot be written: \(error.localizedDescription)")])
            }
            staged.append((temp, target))
        }
        for s in staged {
            if rename(s.temp.path, s.target.path) != 0 {
                for rest in staged { try? fm.removeItem(at: rest.temp) }
                throw DiagnosticError([.error("--pricing", "'\(s.target.path)' cannot be replaced")])
            }
        }
    }
}
