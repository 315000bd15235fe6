import CPosix
import Foundation
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// The POSIX calls every writer of edgeplan shares (the output folder, the ledger, the price
/// files): whole writes, flushes, and the one-step swap.
enum Disk {
    /// The text of the current `errno`.
    static var reason: String { String(cString: strerror(errno)) }

    /// Creates `path` (which must not exist) with `bytes`; no flush. Returns nil, or why it failed.
    static func create(_ path: String, _ bytes: some Collection<UInt8>, mode: mode_t = 0o644) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return reason }
        defer { close(fd) }
        return write(fd, Array(bytes))
    }

    /// Writes every byte to `fd`, retrying short and interrupted writes. Returns nil, or why it failed.
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return reason
            }
            written += n
        }
        return nil
    }

    /// Flushes one file to disk.
    static func sync(file path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return reason }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : reason
    }

    /// Flushes a folder's entries, so a rename inside it survives a crash.
    static func sync(folder path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Flushes everything written to the file system that holds `path`, in one call (Linux
    /// `syncfs`): cheaper than a flush per file when a folder of files was just written.
    static func sync(fileSystemOf path: String) -> String? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return reason }
        defer { close(fd) }
        return edgeplan_syncfs(fd) == 0 ? nil : reason
    }

    enum Exchange {
        case swapped
        /// The file system or kernel cannot swap in one step.
        case unsupported
        case failed(String)
    }

    /// Swaps two existing paths in one step.
    static func exchange(_ a: String, _ b: String) -> Exchange {
        if edgeplan_rename_exchange(a, b) == 0 { return .swapped }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return .unsupported }
        return .failed(reason)
    }

    /// Whether `pid` names a running process (one this user may signal, or another user's).
    static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// `lstat`: what is at `path` itself, without following a symbolic link.
    static func kind(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        case S_IFREG: return .file
        default: return .other
        }
    }

    enum FileKind { case missing, file, folder, link, other }
}
