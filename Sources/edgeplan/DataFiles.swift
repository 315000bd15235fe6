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

    static func reference() throws(DiagnosticError) -> AWSReference {
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
