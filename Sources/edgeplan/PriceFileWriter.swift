import EdgePlan
import Foundation

/// The one writer of price files, for `pricing import` and `pricing fetch`: every file goes to a
/// temporary sibling first and is flushed; only when all are written do they replace the old
/// ones, one rename each, so a failure leaves the folder as it was.
enum PriceFileWriter {
    static func write(_ outputs: [OutputFile], into folder: URL) throws(DiagnosticError) {
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
