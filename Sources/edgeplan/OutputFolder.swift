import EdgePlan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes generated files into a folder all at once, and only into a folder that is provably
/// edgeplan's: missing, empty, or holding exactly the files its `.edgeplan-manifest` lists,
/// unchanged. Anything else (a Terraform folder with its own `plan.json`, a repository, an output a
/// person has added to or edited) is refused and left as it is.
///
/// Every file goes to a staging folder beside the target (`.DIR.edgeplan-new-PID`, the manifest
/// first), the file system is flushed once, and the staging folder takes the target's place in
/// one step (`renameat2(RENAME_EXCHANGE)`), so a crash at any moment leaves the old folder or the
/// new one, whole. Where the file system cannot swap, two renames are the fallback. A symbolic
/// link given as `--out` is written through: the folder it points to is replaced, the link stays.
enum OutputFolder {
    static func write(_ files: [OutputFile], to path: String) throws(DiagnosticError) {
        let fm = FileManager.default
        let target = try resolve(path)
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let existing = Disk.kind(target)
        switch existing {
        case .missing: break
        case .folder: try requireEdgeplanOutput(target, shownAs: path)
        case .file, .link, .other: throw failure(path, "exists and is not a folder")
        }
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw failure(path, "cannot be created: its folder \(parent) cannot be made (\(error.localizedDescription))")
        }
        sweepStaleSiblings(of: base, in: parent)

        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = (parent as NSString).appendingPathComponent(".\(base).edgeplan-new-\(pid)")
        try? fm.removeItem(atPath: staging)
        if let problem = stage(OutputManifest.folder(files), in: staging) {
            try? fm.removeItem(atPath: staging)
            throw failure(path, "cannot be written: \(problem)")
        }
        if existing == .folder, (try? fm.contentsOfDirectory(atPath: target))?.isEmpty == false {
            try replace(target, with: staging, shownAs: path)
        } else if rename(staging, target) != 0 {
            // rename replaces an empty folder in one step; anything else left it as it was.
            let reason = Disk.reason
            try? fm.removeItem(atPath: staging)
            throw failure(path, "cannot be replaced: \(reason)")
        }
        Disk.sync(folder: parent)
    }

    /// What writing `files` to `path` would change (`plan --out DIR --check`), without writing:
    /// each file that would be added, changed or removed, sorted; empty when the folder is current.
    static func changes(_ files: [OutputFile], at path: String) -> [String] {
        let fm = FileManager.default
        let wanted = Dictionary(OutputManifest.folder(files).map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        var present: Set<String> = []
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? path : (path as NSString).appendingPathComponent(relative)
            guard let names = try? fm.contentsOfDirectory(atPath: absolute) else { return }
            for name in names {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                switch Disk.kind((path as NSString).appendingPathComponent(child)) {
                case .folder: walk(child)
                default: present.insert(child)
                }
            }
        }
        walk("")
        var out: [String] = []
        for (file, contents) in wanted {
            guard present.contains(file) else { out.append("added    \(file)"); continue }
            let data = fm.contents(atPath: (path as NSString).appendingPathComponent(file))
            if data != Data(contents.utf8) { out.append("changed  \(file)") }
        }
        for file in present where wanted[file] == nil { out.append("removed  \(file)") }
        return out.sorted { $0.dropFirst(9) < $1.dropFirst(9) }
    }

    /// The folder `--out` names: a symbolic link is followed to the folder it points to (made
    /// there if it does not exist yet, as long as the folder it would be in does).
    private static func resolve(_ path: String) throws(DiagnosticError) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        for _ in 0..<16 {
            guard Disk.kind(current) == .link else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                throw failure(path, "is a symbolic link that cannot be read")
            }
            let folder = (current as NSString).deletingLastPathComponent
            current = URL(fileURLWithPath: destination, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL.path
            if Disk.kind(current) == .missing && Disk.kind((current as NSString).deletingLastPathComponent) != .folder {
                throw failure(path, "is a symbolic link to nothing (\(destination)); point it at a folder or remove it")
            }
        }
        throw failure(path, "is a symbolic link in a loop")
    }

    // MARK: - Proof of ownership

    /// Refuses a non-empty folder unless it holds exactly what its manifest lists, each file
    /// unchanged, and every folder in it can be emptied.
    static func requireEdgeplanOutput(_ folder: String, shownAs path: String) throws(DiagnosticError) {
        let fm = FileManager.default
        guard let top = try? fm.contentsOfDirectory(atPath: folder) else { throw failure(path, "cannot be read (\(Disk.reason))") }
        if top.isEmpty { return }
        let manifestPath = (folder as NSString).appendingPathComponent(OutputManifest.fileName)
        guard Disk.kind(manifestPath) == .file,
              let text = fm.contents(atPath: manifestPath).flatMap({ String(data: $0, encoding: .utf8) }),
              let manifest = OutputManifest(text: text)
        else {
            throw failure(path, "is not empty and is not an edgeplan output folder (it has no \(OutputManifest.fileName) written by edgeplan); refusing to replace it. Give --out a new or empty folder (a folder written by an edgeplan older than the manifest must be deleted by hand once)")
        }
        var listed: [String: OutputManifest.Entry] = [:]
        for e in manifest.entries { listed[e.path] = e }
        var foreign: [String] = [], changed: [String] = [], readOnly: [String] = []
        var folders: Set<String> = []
        for e in manifest.entries {
            var parts = e.path.split(separator: "/").dropLast()
            while !parts.isEmpty { folders.insert(parts.joined(separator: "/")); parts = parts.dropLast() }
        }
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            // Read-only by its mode bits (as `chmod a-w` leaves it), or for this user.
            var info = stat()
            if access(absolute, W_OK) != 0 || (lstat(absolute, &info) == 0 && info.st_mode & 0o222 == 0) {
                readOnly.append(relative.isEmpty ? "." : relative)
            }
            for name in ((try? fm.contentsOfDirectory(atPath: absolute)) ?? []).sorted() {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                let childPath = (folder as NSString).appendingPathComponent(child)
                switch Disk.kind(childPath) {
                case .folder where folders.contains(child): walk(child)
                case .file where child == OutputManifest.fileName: break
                case .file:
                    guard let entry = listed[child] else { foreign.append(child); continue }
                    guard let data = fm.contents(atPath: childPath), data.count == entry.size,
                          OutputManifest.hash(data) == entry.hash
                    else { changed.append(child); continue }
                default: foreign.append(child)
                }
            }
        }
        walk("")
        func some(_ paths: [String]) -> String {
            paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
        }
        if !foreign.isEmpty {
            throw failure(path, "holds files edgeplan did not write (\(some(foreign))); refusing to replace it. Move them out, or give --out another folder")
        }
        if !changed.isEmpty {
            throw failure(path, "holds files changed since edgeplan wrote them (\(some(changed))); refusing to replace them. Keep your changes elsewhere and delete those files, or give --out another folder")
        }
        if !readOnly.isEmpty {
            throw failure(path, "cannot be replaced: \(some(readOnly)) \(readOnly.count == 1 ? "is" : "are") read-only (make \(readOnly.count == 1 ? "it" : "them") writable, or give --out another folder)")
        }
        if access((folder as NSString).deletingLastPathComponent, W_OK) != 0 {
            throw failure(path, "cannot be replaced: its parent folder is read-only")
        }
    }

    // MARK: - Writing

    /// Writes the files into a new staging folder, the manifest first (so the folder is
    /// recognisably edgeplan's from its first byte), then flushes the file system once.
    private static func stage(_ files: [OutputFile], in staging: String) -> String? {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: staging, withIntermediateDirectories: false) } catch { return error.localizedDescription }
        let ordered = files.filter { $0.path == OutputManifest.fileName } + files.filter { $0.path != OutputManifest.fileName }
        var made: Set<String> = []
        for file in ordered {
            guard OutputManifest.isSafePath(file.path) else { return "'\(file.path)' is not a path inside the folder" }
            let absolute = (staging as NSString).appendingPathComponent(file.path)
            let folder = (absolute as NSString).deletingLastPathComponent
            if made.insert(folder).inserted {
                do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch { return error.localizedDescription }
            }
            if let problem = Disk.create(absolute, file.contents.utf8) { return "\(file.path): \(problem)" }
        }
        return Disk.sync(fileSystemOf: staging)
    }

    /// Puts `staging` in the place of the existing `target` in one step, then removes the old
    /// contents. Falls back to two renames where the file system cannot swap.
    private static func replace(_ target: String, with staging: String, shownAs path: String) throws(DiagnosticError) {
        let fm = FileManager.default
        switch Disk.exchange(staging, target) {
        case .swapped:
            // `staging` now holds the previous output.
            if !remove(staging) {
                Console.err("warning: --out: the previous output of '\(path)' could not be removed and was left at \(staging)\n")
            }
        case .failed(let reason):
            try? fm.removeItem(atPath: staging)
            throw failure(path, "cannot be replaced: \(reason)")
        case .unsupported:
            let old = staging.replacingOccurrences(of: ".edgeplan-new-", with: ".edgeplan-old-")
            try? fm.removeItem(atPath: old)
            guard rename(target, old) == 0 else {
                let reason = Disk.reason
                try? fm.removeItem(atPath: staging)
                throw failure(path, "cannot be replaced: \(reason)")
            }
            guard rename(staging, target) == 0 else {
                let reason = Disk.reason
                _ = rename(old, target)
                try? fm.removeItem(atPath: staging)
                throw failure(path, "cannot be replaced: \(reason)")
            }
            remove(old)
        }
    }

    /// Removes what killed edgeplan runs left beside the target: staging and old folders whose
    /// process is gone, and only when they are empty or carry edgeplan's manifest.
    private static func sweepStaleSiblings(of base: String, in parent: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] {
            for marker in [".edgeplan-new-", ".edgeplan-old-"] {
                guard name.hasPrefix(".\(base)\(marker)"), let pid = Int32(name.dropFirst(base.count + 1 + marker.count)),
                      !Disk.isRunning(pid)
                else { continue }
                let stale = (parent as NSString).appendingPathComponent(name)
                guard Disk.kind(stale) == .folder else { continue }
                let contents = (try? fm.contentsOfDirectory(atPath: stale)) ?? []
                let manifest = (stale as NSString).appendingPathComponent(OutputManifest.fileName)
                // Empty, or only the manifest (killed while writing it, which comes first), or a
                // manifest edgeplan wrote (removal takes the manifest last, so it is there until the end).
                let ours = contents.isEmpty || contents == [OutputManifest.fileName]
                    || fm.contents(atPath: manifest).flatMap { String(data: $0, encoding: .utf8) }.map { $0.hasPrefix(OutputManifest.headerLine) } == true
                if ours { remove(stale) }
            }
        }
    }

    /// Removes an output folder with its manifest last, so that a folder left half-removed by a
    /// kill is still recognisably edgeplan's and the next run sweeps it.
    @discardableResult
    private static func remove(_ folder: String) -> Bool {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name != OutputManifest.fileName {
            do { try fm.removeItem(atPath: (folder as NSString).appendingPathComponent(name)) } catch { return false }
        }
        return (try? fm.removeItem(atPath: folder)) != nil
    }

    private static func failure(_ path: String, _ message: String) -> DiagnosticError {
        DiagnosticError([.error("--out", "'\(path)' \(message)")])
    }
}
