import EdgePlan
import Foundation
#if canImport(Glibc)
import Glibc
private let posixRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let posixRead = Darwin.read
#endif

/// Reads an input file whole, but never more than its reader's size limit: at most `limit + 1`
/// bytes are read, so a file far too large (a 193 MB price file took 2 minutes and 1.4 GB), a
/// device such as `/dev/zero` or a file that keeps growing is refused at once. Every failure is
/// an error at the top of the file.
enum InputFile {
    /// The bytes of `path`, or a located error; `what` names the kind of file in messages
    /// ("a design file"), `missing` says what to do when there is no such file.
    static func read(_ path: String, limit: Int, what: String, missing: String, advice: String = "") throws(DiagnosticError) -> Data {
        let top = SourceLocation(file: path, line: 1, column: 1)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DiagnosticError([.error("", errno == ENOENT || errno == ENOTDIR ? missing : "cannot be read: \(String(cString: strerror(errno)))", at: top)])
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw DiagnosticError([.error("", "is a folder, not \(what)", at: top)]) }
        func tooLarge(_ size: String) -> DiagnosticError {
            DiagnosticError([.error("", "the file is \(size); \(what) is at most \(grouped(limit)) bytes\(advice)", at: top)])
        }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit { throw tooLarge("\(grouped(Int(info.st_size))) bytes") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DiagnosticError([.error("", "cannot be read (check its permissions)", at: top)]) }
        defer { close(fd) }
        // Read straight into a buffer the size the file says it is (plus one byte, to see it end),
        // grown only for files that are not regular or that grow while read.
        let expected = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var bytes = Data(count: min(limit + 1, max(expected + 1, 4096)))
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes.count = min(limit + 1, bytes.count * 2) }
            let n = bytes.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DiagnosticError([.error("", "cannot be read: \(String(cString: strerror(errno)))", at: top)])
            }
            if n == 0 {
                bytes.count = count
                return bytes
            }
            count += n
        }
        throw tooLarge("more than \(grouped(limit)) bytes")
    }
}
