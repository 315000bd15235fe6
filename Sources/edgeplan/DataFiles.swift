import EdgePlan
import EdgePlanRender
import Foundation

/// Finds and loads edgeplan's bundled data (`limits/`, later `pricing/`): from `$EDGEPLAN_DATA`,
/// else the nearest folder above the executable that has it (a checkout's `.build/...`), else the
/// current folder, else the source checkout this binary was built from.
enum DataFiles {
    static func root() throws(DiagnosticError) -> URL {
        let marker = "limits/aws.json"
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["EDGEPLAN_DATA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(dir)
            candidates.append(dir.appendingPathComponent("share/edgeplan"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // Sources/edgeplan/DataFiles.swift → the checkout's root.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
            return candidate
        }
        throw DiagnosticError([.error("", "cannot find edgeplan's data folder (with \(marker)); set EDGEPLAN_DATA to the folder that holds limits/ and pricing/")])
    }

    /// The reference data (`limits/aws.json`, `kubernetes.json`, `regions.json`), read once per
    /// run: by a thread of its own when `startReadingReference` was called (the CLI does, for the
    /// commands that plan), else here.
    static func reference() throws(DiagnosticError) -> AWSReference { try ahead.value() }

    /// Reads the reference data on a thread of its own while the caller parses its arguments and
    /// its design: a tenth of `plan --format json`, off the critical path on a second core.
    static func startReadingReference() { ahead.start() }

    private static let ahead = ReadAhead { () throws(DiagnosticError) in try readReference() }

    private static func readReference() throws(DiagnosticError) -> AWSReference {
        let root = try root()
        let urls = ["aws", "kubernetes", "regions"].map { root.appendingPathComponent("limits/\($0).json") }
        let contents = urls.map { FileManager.default.contents(atPath: $0.path) }
        guard let limits = contents[0], let kubernetes = contents[1], let regions = contents[2] else {
            throw DiagnosticError([.error("", "cannot read \(urls.map(\.path).joined(separator: ", "))")])
        }
        do {
            return try AWSReference(limitsJSON: limits, kubernetesJSON: kubernetes, regionsJSON: regions)
        } catch {
            throw DiagnosticError([.error("", "\(root.path)/\(error.description)")])
        }
    }

    /// Per resource type, the properties CloudFormation replaces a resource to change
    /// (`limits/cloudformation-replacements.json`, from the resource provider schemas).
    static func createOnlyProperties() throws(DiagnosticError) -> [String: [String]] {
        let path = try root().appendingPathComponent("limits/cloudformation-replacements.json").path
        guard let data = FileManager.default.contents(atPath: path) else { throw DiagnosticError([.error("", "cannot read \(path)")]) }
        do {
            return PlanDiff.createOnlyProperties(try JSONValue.parse(String(decoding: data, as: UTF8.self)))
        } catch {
            throw DiagnosticError([.error("", "\(path):\(error.description)")])
        }
    }
}

/// A value made once, on a thread of its own once `start` is called, or by the first `value()`
/// otherwise; every `value()` gets the same result (or the same error).
final class ReadAhead<T: Sendable>: @unchecked Sendable {
    private let build: @Sendable () throws(DiagnosticError) -> T
    private let lock = NSLock()
    private var result: Result<T, DiagnosticError>?
    private var started = false
    private let done = DispatchGroup()

    init(_ build: @escaping @Sendable () throws(DiagnosticError) -> T) { self.build = build }

    func start() {
        guard claim() else { return }
        Thread.detachNewThread { [self] in make() }
    }

    func value() throws(DiagnosticError) -> T {
        if claim() { make() }
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return try result!.get()
    }

    /// True for the one caller that is to make the value (on its thread or a new one).
    private func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return false }
        started = true
        done.enter()
        return true
    }

    private func make() {
        let made = Result { () throws(DiagnosticError) in try build() }
        lock.lock()
        result = made
        lock.unlock()
        done.leave()
    }
}
