import ArgumentParser
import EdgePlan
import EdgePlanRender
import Foundation

/// `edgeplan diff OLD NEW`: what a change to a design does to its subnets, options, costs and
/// stacks. Each side is a design (planned here with today's prices), a plan.json `plan --out`
/// wrote (with the cloudformation/ folder beside it, when it is there), or either at a git
/// revision (`--git REF:PATH`, read with `git show`; the only place edgeplan runs git).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two designs or plans: subnets that move, options, costs and the resources of the emitted stacks.",
        discussion: """
            Each side is a design file (.yaml), a plan.json that plan --out wrote (its cloudformation/ \
            folder beside it is compared too), or --git REF:PATH for either at a git revision (PATH \
            from the repository's root). With one --git the revision is the old side. Exit 0, or 1 \
            with --exit-code when anything changed, 2 on bad input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: ArgumentHelp("The old and new sides: design files or plan.json files (one or none with --git).", valueName: "old-and-new"))
    var sides: [String] = []

    @Option(name: .customLong("git"), help: ArgumentHelp("A side at a git revision (give it once for the old side, twice for both).", valueName: "ref:path"))
    var git: [String] = []

    @Option(help: "text (for a terminal; colour only on a terminal, never with NO_COLOR set), json (docs/diff.md) or markdown (a pull-request comment).")
    var format: Format = .text

    @Flag(help: "Exit 1 when the two sides differ (as git diff --exit-code does).")
    var exitCode = false

    @Option(help: "A folder of price files (<region>.json) to price design sides with instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Option(help: "The CIDR ledger design sides saying `vpcCidr: allocate` get their blocks from (read, never written).")
    var ledger: String?

    func validate() throws {
        guard git.count + sides.count == 2 else {
            throw ValidationError("give two sides to compare: OLD NEW, --git REF:PATH NEW, or --git REF:PATH --git REF:PATH")
        }
        for spec in git where !spec.contains(":") || spec.hasPrefix(":") || spec.hasSuffix(":") {
            throw ValidationError("--git \(spec): give REF:PATH, for example --git main:examples/seed-environment.yaml")
        }
    }

    func run() throws {
        do {
            let specs = git.map(Side.git) + sides.map(Side.file)
            let old = try read(specs[0]), new = try read(specs[1])
            let diff = PlanDiff(old: old, new: new, createOnly: try DataFiles.createOnlyProperties())
            let renderer = DiffRenderer()
            switch format {
            case .json: Console.out(renderer.json(diff).serialized())
            case .markdown: Console.out(renderer.markdown(diff))
            case .text:
                let text = renderer.text(diff)
                if Self.colour {
                    FileHandle.standardOutput.write(Data(DiffRenderer.coloured(Console.printable(text)).utf8))
                } else {
                    Console.out(text)
                }
            }
            if exitCode && !diff.isEmpty { throw ExitCode(1) }
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    /// Colour on a terminal unless NO_COLOR is set to anything (no-color.org).
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    enum Side {
        case file(String)
        case git(String)
    }

    /// A side as the diff reads it: planned when it is a design, read when it is a plan.json.
    private func read(_ side: Side) throws -> DiffSide {
        let name: String, text: String
        var templates: () throws(DiagnosticError) -> [String: JSONValue]?
        switch side {
        case .file(let path):
            name = path
            if path.hasSuffix(".json") {
                let data = try InputFile.read(path, limit: 64 << 20, what: "a plan.json", missing: "no such file: check the path of the plan.json")
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw DiagnosticError([.error("", "the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
                }
                text = decoded
            } else {
                text = try DesignInput.read(path)
            }
            templates = { () throws(DiagnosticError) in try Self.folderTemplates(beside: path) }
        case .git(let spec):
            name = spec
            text = try GitRevision.show(spec)
            templates = { () throws(DiagnosticError) in try GitRevision.templates(beside: spec) }
        }
        if name.hasSuffix(".json") {
            let located: JSONValue.Located
            do {
                located = try JSONValue.parseLocated(text)
            } catch {
                throw DiagnosticError([.error("", "not JSON: \(error.message)", at: SourceLocation(file: name, line: error.line, column: error.column))])
            }
            do {
                return try DiffSide(plan: located.value, templates: try templates())
            } catch let error as DiffSide.ReadError {
                let at = located.position(of: error.path)
                throw DiagnosticError([.error(error.path, error.message, at: SourceLocation(file: name, line: at.line, column: at.column))])
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError([.error("", "\(error)", at: SourceLocation(file: name, line: 1, column: 1))])
            }
        }
        return try planned(text, file: name)
    }

    /// A design planned as `plan` plans it, then read back from the plan.json and templates `plan --out` would write.
    private func planned(_ text: String, file: String) throws -> DiffSide {
        let outcome = try DesignPlanning.outcome(text: text, file: file, pricing: pricing, ledger: ledger)
        // Notes and warnings are about the design, not the change: `plan` and `validate` print them.
        Console.report(outcome.diagnostics.filter { $0.severity == .error })
        guard let plan = outcome.plan, !outcome.diagnostics.hasErrors else { throw DiagnosticError([]) }
        do {
            return try DiffSide(planned: plan)
        } catch {
            throw DiagnosticError([.error(error.path, "edgeplan's own plan.json could not be read back: \(error.message)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
    }

    /// The templates in the cloudformation/ folder beside a plan.json, by their path in that
    /// output folder; nil when there is no such folder.
    static func folderTemplates(beside planPath: String) throws(DiagnosticError) -> [String: JSONValue]? {
        let root = (planPath as NSString).deletingLastPathComponent
        let folder = (root as NSString).appendingPathComponent("cloudformation")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        var templates: [String: JSONValue] = [:]
        for relative in (FileManager.default.subpaths(atPath: folder) ?? []).sorted() where relative.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(relative)
            let data = try InputFile.read(path, limit: 16 << 20, what: "a template", missing: "no such file")
            templates["cloudformation/" + relative] = try template(String(decoding: data, as: UTF8.self), file: path)
        }
        return templates
    }

    static func template(_ text: String, file: String) throws(DiagnosticError) -> JSONValue {
        do {
            return try JSONValue.parse(text)
        } catch {
            throw DiagnosticError([.error("", "not JSON: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
    }
}

/// `git show REF:PATH`, for `diff --git`.
enum GitRevision {
    static func show(_ spec: String) throws(DiagnosticError) -> String {
        let out = try git(["show", spec], for: spec)
        guard let text = String(data: out, encoding: .utf8) else {
            throw DiagnosticError([.error("", "the file is not UTF-8 text", at: SourceLocation(file: spec, line: 1, column: 1))])
        }
        return text
    }

    /// The cloudformation/ templates beside a plan.json at the same revision; nil when there are none.
    static func templates(beside spec: String) throws(DiagnosticError) -> [String: JSONValue]? {
        guard let colon = spec.firstIndex(of: ":") else { return nil }
        let ref = String(spec[..<colon]), path = String(spec[spec.index(after: colon)...])
        let root = (path as NSString).deletingLastPathComponent
        let folder = root.isEmpty ? "cloudformation/" : root + "/cloudformation/"
        let listing = String(decoding: try git(["ls-tree", "-r", "--full-tree", "--name-only", ref, "--", folder], for: spec), as: UTF8.self)
        let files = listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { return nil }
        var templates: [String: JSONValue] = [:]
        for file in files {
            templates["cloudformation/" + file.dropFirst(folder.count)] = try DiffCommand.template(try show("\(ref):\(file)"), file: "\(ref):\(file)")
        }
        return templates
    }

    private static func git(_ arguments: [String], for spec: String) throws(DiagnosticError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let at = SourceLocation(file: spec, line: 1, column: 1)
        do {
            try process.run()
        } catch {
            throw DiagnosticError([.error("", "cannot run git: \(error.localizedDescription)", at: at)])
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = problem.split(separator: "\n").first.map(String.init) ?? "git exited with \(process.terminationStatus)"
            throw DiagnosticError([.error("", "git \(arguments.first ?? "") failed: \(reason)", at: at)])
        }
        return data
    }
}
