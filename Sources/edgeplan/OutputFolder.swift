import EdgePlan
import Foundation

/// Writes generated files into a folder all at once: everything goes to a temporary sibling
/// folder first, which then replaces the old one by rename, so a failure leaves the old output as it was.
enum OutputFolder {
    /// The file that marks a folder as edgeplan output, so `--out` never replaces anything else.
    static let marker = "plan.json"

    static func write(_ files: [OutputFile], to path: String) throws(DiagnosticError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw failure(path, "exists and is not a folder") }
            let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard contents.isEmpty || contents.contains(marker) else {
                throw failure(path, "exists and is not an edgeplan output folder (it has no \(marker)); refusing to replace it")
            }
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure(parent.path, "cannot be created: \(error.localizedDescription)")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).edgeplan-new-\(pid)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).edgeplan-old-\(pid)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files.sorted(by: { $0.path < $1.path }) {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw failure(path, "cannot be written: \(error.localizedDescription)")
        }
        let existed = fm.fileExists(atPath: target.path)
        if existed {
            do { try fm.moveItem(at: target, to: old) } catch {
                try? fm.removeItem(at: staging)
                throw failure(path, "cannot be replaced: \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if existed { try? fm.moveItem(at: old, to: target) }
            try? fm.removeItem(at: staging)
            throw failure(path, "cannot be replaced: \(error.localizedDescription)")
        }
        if existed { try? fm.removeItem(at: old) }
    }

    private static func failure(_ path: String, _ message: String) -> DiagnosticError {
        DiagnosticError([.error("--out", "'\(path)' \(message)")])
    }
}
