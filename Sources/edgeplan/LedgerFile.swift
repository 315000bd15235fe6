import EdgePlan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ledger on disk; the only code that reads, locks and writes it.
///
/// Every change is read-modify-write under an exclusive `flock` on a lock file beside the ledger
/// (`.cidr-ledger.yaml.lock`, never deleted, so every process locks the same inode): the ledger
/// is re-read after the lock is taken, the new text goes to a temporary file in the same folder,
/// is flushed to disk, and replaces the ledger by `rename`, which readers see whole or not at all.
/// Two `allocate` runs at once (two CI jobs) are thus serialised and can never hand out one block twice.
enum LedgerFile {
    /// How long to wait for another edgeplan to finish with the ledger.
    static var lockTimeout: Double {
        ProcessInfo.processInfo.environment["EDGEPLAN_LOCK_TIMEOUT"].flatMap(Double.init) ?? 120
    }

    static func lockPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
    }

    /// Reads and parses the ledger; a malformed one is refused with located errors.
    static func read(_ path: String) throws(DiagnosticError) -> ParsedLedger {
        let top = SourceLocation(file: path, line: 1, column: 1)
        let data = try InputFile.read(path, limit: LedgerParser.maxBytes, what: "a ledger", missing: "no such ledger: create one with `edgeplan cidr init --ledger \(path) --pool 10.0.0.0/8`")
        guard let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw DiagnosticError([.error("", "the ledger is not UTF-8 text: restore it from version control", at: top)])
        }
        return try LedgerParser().parse(text, file: path)
    }

    /// Refuses a ledger with problems: nothing is allocated from a ledger that overlaps itself.
    static func requireNoProblems(_ parsed: ParsedLedger) throws(DiagnosticError) {
        let problems = LedgerChecker().check(parsed)
        guard !problems.isEmpty else { return }
        throw DiagnosticError(problems + [Diagnostic(.note, "", "\(parsed.file) has \(problems.count) problem\(problems.count == 1 ? "" : "s") (above); edgeplan allocates nothing until they are fixed")])
    }

    /// Locks the ledger, re-reads it, and writes what `body` returns (nil: leave the file as it is).
    static func update<T>(_ path: String, _ body: (ParsedLedger) throws -> (result: T, write: Ledger?)) throws -> T {
        try withLock(path) {
            let parsed = try read(path)
            let (result, changed) = try body(parsed)
            if let changed { try write(changed, to: path) }
            return result
        }
    }

    /// Writes a new ledger; refuses to replace an existing file.
    static func create(_ ledger: Ledger, at path: String) throws {
        try withLock(path) {
            if FileManager.default.fileExists(atPath: path) {
                throw DiagnosticError([.error("--ledger", "\(path) already exists; edgeplan never overwrites a ledger: edit it with `edgeplan cidr`, or remove it first")])
            }
            let temporary = try writeTemporary(LedgerSerializer().serialize(ledger), beside: path, mode: 0o644)
            defer { unlink(temporary) }
            // link() fails if the name exists: even a process that ignores the lock is not overwritten.
            guard link(temporary, path) == 0 else {
                let reason = errno == EEXIST ? "already exists; edgeplan never overwrites a ledger" : "cannot be created: \(String(cString: strerror(errno)))"
                throw DiagnosticError([.error("--ledger", "\(path) \(reason)")])
            }
            syncFolder(of: path)
        }
    }

    /// Replaces the ledger with `ledger`, all at once.
    static func write(_ ledger: Ledger, to path: String) throws(DiagnosticError) {
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o777 }
        let temporary = try writeTemporary(LedgerSerializer().serialize(ledger), beside: path, mode: mode)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DiagnosticError([.error("", "cannot be replaced: \(reason); it is unchanged", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        syncFolder(of: path)
    }

    // MARK: - Internals

    static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = try lock(path)
        defer { unlock(fd) }
        return try body()
    }

    /// Opens the ledger's lock file and takes its lock, waiting up to `lockTimeout`: the open
    /// descriptor, for `unlock`.
    private static func lock(_ path: String) throws(DiagnosticError) -> Int32 {
        let lock = lockPath(for: path)
        let fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DiagnosticError([.error("--ledger", "cannot open the lock file \(lock): \(String(cString: strerror(errno))); does the ledger's folder exist and can it be written?")])
        }
        let deadline = Date().addingTimeInterval(lockTimeout)
        var pause: useconds_t = 1_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw DiagnosticError([.error("--ledger", "cannot lock \(lock): \(reason)")])
            }
            guard Date() < deadline else {
                close(fd)
                throw DiagnosticError([.error("--ledger", "another edgeplan has held the lock on \(path) for \(Int(lockTimeout)) s (\(lock)); try again when it is done (EDGEPLAN_LOCK_TIMEOUT sets the wait in seconds)")])
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        return fd
    }

    private static func unlock(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Writes `text` to a new temporary file in the ledger's folder and flushes it to disk.
    /// Called under the lock, so any other temporary of this ledger was left by a process that was
    /// killed before its rename: those whose process is gone are removed first.
    private static func writeTemporary(_ text: String, beside path: String, mode: mode_t) throws(DiagnosticError) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).new-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), !Disk.isRunning(pid) { unlink(folder.appendingPathComponent(name).path) }
        }
        let temporary = folder.appendingPathComponent("\(prefix)\(getpid())").path
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw DiagnosticError([.error("", "cannot write beside the ledger (\(temporary)): \(String(cString: strerror(errno))); it is unchanged", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        var failure = Disk.write(fd, Array(text.utf8))
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw DiagnosticError([.error("", "cannot write the new ledger: \(failure); it is unchanged", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return temporary
    }

    /// Flushes the folder entry so the rename survives a crash.
    private static func syncFolder(of path: String) {
        Disk.sync(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
