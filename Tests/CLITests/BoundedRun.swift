import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the edgeplan binary on a hostile input with a time limit, and measures what the run
/// took: wall time and peak memory (from `wait4`'s resource usage). A run past its time limit is
/// killed; the address space is capped at 4 GB so a runaway reader cannot take the machine down.
struct BoundedRun {
    var status: Int32
    /// Killed for running past the time limit.
    var timedOut: Bool
    /// Killed by a signal other than the time limit's (a crash).
    var signal: Int32?
    var seconds: Double
    var peakMemoryMB: Double
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], cwd: URL, timeLimit: Double = 20) throws -> BoundedRun {
        let out = cwd.appendingPathComponent(".out-\(UUID().uuidString)").path
        let err = cwd.appendingPathComponent(".err-\(UUID().uuidString)").path
        defer { unlink(out); unlink(err) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ["/bin/sh", "-c", "cd \"$1\" && shift && ulimit -v 4194304 && exec \"$@\"", "sh", cwd.path, CLITests.binary.path] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date().timeIntervalSince(start) > timeLimit, !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let exited = status & 0x7F == 0
        let signal = exited || timedOut ? nil : status & 0x7F
        return BoundedRun(
            status: exited ? (status >> 8) & 0xFF : -1, timedOut: timedOut, signal: signal, seconds: seconds,
            peakMemoryMB: Double(usage.ru_maxrss) / 1024,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Lines of stderr that report an error without `file:line:column:` in front.
    var unlocatedErrors: [String] {
        stderr.split(separator: "\n").map(String.init).filter { line in
            guard line.contains("error:") else { return false }
            return line.range(of: #"^[^\s]+:[0-9]+:[0-9]+: error: "#, options: .regularExpression) == nil
        }
    }
}
