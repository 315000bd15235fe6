import ArgumentParser
import EdgePlan
import Foundation

/// `edgeplan pricing fetch`: downloads the AWS Price List offers edgeplan maps (the public region
/// index of each offer, then each Region's offer file) and imports them as `pricing import` does.
/// Everything is downloaded and read before anything is written; then all changed files are
/// written through the one staged writer, so a failed fetch changes nothing.
struct PricingFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the AWS Price List offers edgeplan maps and update the region price files as 'pricing import' does; print what changed.")

    @Option(name: .customLong("region"), help: "A Region to fetch (repeat for more); by default every Region with a price file in the folder. A Region without one gets a new file.")
    var regions: [String] = []

    @Option(help: "The folder of price files (<region>.json) to update instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Option(help: "The Price List bulk API endpoint, http or https (a mirror or a test server).")
    var endpoint: String = PriceListClient.awsEndpoint

    @Option(help: "Seconds without data before a download is given up.")
    var timeout: Int = 60

    /// One regional offer file to download.
    private struct Download {
        var offerCode: String
        var region: String
        var path: String
        var version: String
    }

    func run() throws {
        let progress = FetchProgress()
        do {
            let files = try PricingFiles(option: pricing)
            let reference = try DataFiles.reference()
            let client = try PriceListClient(endpoint: endpoint, timeout: timeout)
            let original = try files.all()
            let chosen = try chosenRegions(in: original, label: files.label, reference: reference)
            let importer = OfferImporter(reference: reference)

            // 1. Each offer's region index, 2. each chosen Region's offer file, read as `pricing import` reads it.
            var downloads: [Download] = []
            var notOffered: [String] = []
            let offers = OfferFetchPlan.fetched
            for (k, code) in offers.enumerated() {
                let path = PriceListRegionIndex.path(offerCode: code)
                progress.start(k + 1, of: offers.count, "\(code) region index", url: client.url(path))
                let index = try Self.fromNetwork(client.url(path)) { () throws(DiagnosticError) in
                    let data = try client.get(path, limit: PriceListRegionIndex.maxBytes, progress: progress.update)
                    return try PriceListRegionIndex(json: data, offerCode: code, file: client.url(path))
                }
                for region in chosen {
                    let offer = try Self.fromNetwork(client.url(path)) { () throws(DiagnosticError) in try index.offer(for: region, file: client.url(path)) }
                    if let offer {
                        downloads.append(Download(offerCode: code, region: region, path: offer.path, version: offer.version))
                    } else {
                        notOffered.append("\(code) in \(region)")
                    }
                }
            }
            var readings: [(region: String, reading: OfferImporter.Reading)] = []
            for (k, download) in downloads.enumerated() {
                let url = client.url(download.path)
                progress.start(k + 1, of: downloads.count, "\(download.offerCode) \(download.region)", url: url)
                readings.append((download.region, try Self.fromNetwork(url) { () throws(DiagnosticError) in
                    let data = try client.get(download.path, limit: OfferImporter.maxBytes, progress: progress.update)
                    return try Self.read(data, download, importer: importer)
                }))
            }
            progress.finish()

            // 3. Applied in order, each to the files as the ones before left them; then written together.
            var current = original
            var changes: [String: [OfferImporter.Change]] = [:]
            var skipped: [String] = []
            let names = reference.regions.mapValues(\.name)
            for (_, reading) in readings {
                let result = try importer.apply(reading, folder: current, folderLabel: files.label, regionNames: names)
                for file in result.files { current[file.path] = Data(file.contents.utf8) }
                for (file, list) in result.changes { changes[file, default: []] += list }
                skipped += result.skipped
            }
            let outputs = current.keys.sorted().filter { current[$0] != original[$0] }
                .map { OutputFile(path: $0, contents: String(decoding: current[$0]!, as: UTF8.self)) }
            try PriceFileWriter.write(outputs, into: files.folder)
            Console.out(report(readings, notOffered: notOffered, changes: changes, skipped: skipped, written: outputs.count))
        } catch {
            progress.finish()
            // Every step throws DiagnosticError only.
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    /// The Regions asked for, or those with a price file in the folder.
    private func chosenRegions(in folder: [String: Data], label: String, reference: AWSReference) throws(DiagnosticError) -> [String] {
        guard regions.isEmpty else {
            if let unknown = regions.first(where: { reference.regions[$0] == nil }) {
                throw DiagnosticError([.error("--region", "\(unknown.debugDescription) is not an AWS Region edgeplan knows (limits/regions.json)")])
            }
            return Array(Set(regions)).sorted()
        }
        let inFolder = folder.keys.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter { reference.regions[$0] != nil }.sorted()
        guard !inFolder.isEmpty else {
            throw DiagnosticError([.error("--region", "\(label) has no price file of a Region edgeplan knows (<region>.json); name the Regions to fetch with --region")])
        }
        return inFolder
    }

    /// A downloaded regional offer file, read as `pricing import` reads one, and checked to be the
    /// offer and version its region index points to; rows of other Regions are left out.
    private static func read(_ data: Data, _ download: Download, importer: OfferImporter) throws(DiagnosticError) -> OfferImporter.Reading {
        var reading = try importer.read(data, file: "")
        guard reading.offerCode == download.offerCode, reading.version == download.version else {
            throw DiagnosticError([.error("", "the file is offer \(reading.offerCode) version \(reading.version), but the region index points to \(download.offerCode) version \(download.version) here")])
        }
        let others = reading.prices.filter { $0.region != download.region }
        if !others.isEmpty {
            reading.prices.removeAll { $0.region != download.region }
            reading.skipped.append("\(download.offerCode) \(download.region): \(others.count) row\(others.count == 1 ? "" : "s") of \(Set(others.map(\.region)).sorted().joined(separator: ", ")) in the offer file of \(download.region) \(others.count == 1 ? "was" : "were") not imported")
        }
        return reading
    }

    /// Runs a step on what came from `url`; its errors become one-line `--endpoint` errors naming the URL.
    private static func fromNetwork<T>(_ url: String, _ step: () throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        do { return try step() } catch {
            throw DiagnosticError(error.diagnostics.map { d in
                guard d.path != "--endpoint" else { return d }
                let field = d.path.isEmpty ? "" : "\(d.path): "
                return .error("--endpoint", "\(url): \(field)\(d.message); no price file was changed")
            })
        }
    }

    private func report(_ readings: [(region: String, reading: OfferImporter.Reading)], notOffered: [String], changes: [String: [OfferImporter.Change]],
                        skipped: [String], written: Int) -> String {
        var out = ""
        // The offer versions cited, once per offer and version, with the Regions read from it.
        var cited: [(title: String, regions: [String])] = []
        for (region, reading) in readings {
            let title = PricingReport.offer(reading)
            if let k = cited.firstIndex(where: { $0.title == title }) { cited[k].regions.append(region) } else { cited.append((title, [region])) }
        }
        for c in cited { out += "\(c.title): \(c.regions.joined(separator: ", "))\n" }
        if !notOffered.isEmpty { out += "not offered (no offer file in the region index): \(notOffered.joined(separator: ", "))\n" }
        let notFetched = OfferFetchPlan.notFetched
        for why in notFetched.map(\.why).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            out += "not fetched: \(notFetched.filter { $0.why == why }.map(\.offerCode).joined(separator: ", ")): \(why)\n"
        }
        out += PricingReport.changes(changes.keys.sorted().map { ($0, changes[$0]!) })
        for s in skipped { out += "skipped: \(s)\n" }
        out += PricingReport.written(written)
        return out
    }
}
