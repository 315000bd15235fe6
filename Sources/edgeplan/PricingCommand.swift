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
            let data = try InputFile.read(offer, limit: OfferImporter.maxBytes, what: "an AWS Price List offer file edgeplan reads",
                                          missing: "no such file: download the offer, e.g. https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSELB/current/eu-west-1/index.json",
                                          advice: " (a regional AmazonEC2 offer is far larger: keep only the rows edgeplan maps, as the README shows)")
            let reference = try DataFiles.reference()
            let importer = OfferImporter(reference: reference)
            let reading = try importer.read(data, file: offer)
            let result = try importer.apply(reading, folder: try files.all(), folderLabel: files.label, regionNames: reference.regions.mapValues(\.name))
            try write(result.files, into: files.folder)
            Console.out(report(result, reading))
        } catch {
            // Every step throws DiagnosticError only.
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

    /// Every file goes to a temporary sibling first and is flushed; only when all are written do
    /// they replace the old ones, one rename each, so a failure leaves the folder as it was.
    private func write(_ outputs: [OutputFile], into folder: URL) throws(DiagnosticError) {
        let pid = ProcessInfo.processInfo.processIdentifier
        var staged: [(temp: String, target: String)] = []
        func abandon() { for s in staged { unlink(s.temp) } }
        for file in outputs {
            // The importer names files after Regions it knows; never write anything but `<region>.json` here.
            guard !file.path.contains("/"), file.path.hasSuffix(".json"), file.path.count > 5, !file.path.hasPrefix(".") else {
                abandon()
                throw DiagnosticError([.error("--pricing", "refusing to write '\(file.path)': price files are named <region>.json")])
            }
            let target = folder.appendingPathComponent(file.path).path
            let temp = folder.appendingPathComponent(".\(file.path).edgeplan-new-\(pid)").path
            unlink(temp)
            if let problem = Disk.create(temp, file.contents.utf8) ?? Disk.sync(file: temp) {
                unlink(temp)
                abandon()
                throw DiagnosticError([.error("--pricing", "'\(target)' cannot be written: \(problem); no price file was changed")])
            }
            staged.append((temp, target))
        }
        for s in staged where rename(s.temp, s.target) != 0 {
            let reason = Disk.reason
            abandon()
            throw DiagnosticError([.error("--pricing", "'\(s.target)' cannot be replaced: \(reason)")])
        }
        Disk.sync(folder: folder.path)
    }
}
