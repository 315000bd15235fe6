import ArgumentParser
import EdgePlan
import Foundation

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Keep the price files current.",
        subcommands: [PricingImportCommand.self, PricingFetchCommand.self])
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
            try PriceFileWriter.write(result.files, into: files.folder)
            Console.out(report(result, reading))
        } catch {
            // Every step throws DiagnosticError only.
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    private func report(_ result: OfferImporter.Result, _ reading: OfferImporter.Reading) -> String {
        var out = PricingReport.offer(reading) + "\n"
        if result.changes.isEmpty { out += "  no row of this offer maps to an edgeplan price item\n" }
        out += PricingReport.changes(result.changes)
        for s in result.skipped { out += "skipped: \(s)\n" }
        out += PricingReport.written(result.files.count)
        return out
    }
}
