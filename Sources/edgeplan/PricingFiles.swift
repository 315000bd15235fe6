import EdgePlan
import Foundation

/// Finds and reads the price files: `--pricing DIR` when given, else the bundled
/// `<data root>/pricing/aws`. Files are named in messages the way the user can find them:
/// `pricing/aws/eu-west-1.json` for the bundled folder, `DIR/eu-west-1.json` otherwise.
struct PricingFiles {
    /// The folder on disk, and how messages name it.
    var folder: URL
    var label: String

    init(option: String?) throws(DiagnosticError) {
        if let option {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: option, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DiagnosticError([.error("--pricing", "'\(option)' is not a folder of price files (<region>.json)")])
            }
            folder = URL(fileURLWithPath: option)
            label = option.hasSuffix("/") ? String(option.dropLast()) : option
        } else {
            folder = try DataFiles.root().appendingPathComponent("pricing/aws")
            label = "pricing/aws"
        }
    }

    /// The catalog of `region`, or why there is none: no file, or a file that is not a valid price
    /// file (its problems located in it, `pricing/aws/eu-west-1.json:12:15`).
    func pricing(for region: String) -> PlanPricing {
        let file = "\(label)/\(region).json"
        let path = folder.appendingPathComponent("\(region).json").path
        guard FileManager.default.fileExists(atPath: path) else {
            return .unavailable(.missingRegion(folder: label, region: region))
        }
        let data: Data
        do {
            data = try Self.read(path, file: file)
        } catch {
            return .unavailable(.malformed(error.diagnostics))
        }
        do {
            return .catalog(try PriceCatalog(json: data, file: file, region: region))
        } catch {
            return .unavailable(error)
        }
    }

    /// Every `<region>.json` in the folder, by file name; one larger than a price file can be is an error.
    func all() throws(DiagnosticError) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".json") {
            files[name] = try Self.read(folder.appendingPathComponent(name).path, file: "\(label)/\(name)")
        }
        return files
    }

    /// A price file's bytes, at most `PriceCatalog.maxBytes` of them; errors name it as `file`.
    static func read(_ path: String, file: String) throws(DiagnosticError) -> Data {
        do {
            return try InputFile.read(path, limit: PriceCatalog.maxBytes, what: "a price file", missing: "no such file")
        } catch {
            throw DiagnosticError(error.diagnostics.map { d in
                var d = d
                d.location = SourceLocation(file: file, line: 1, column: 1)
                return d
            })
        }
    }
}
