/// The list of files edgeplan wrote into an output folder (`plan --out`, `emit --out`), with each
/// file's size and hash. It is written into the folder as `.edgeplan-manifest`, and edgeplan
/// replaces a folder only while the folder holds exactly the files it lists, unchanged: a folder
/// edgeplan did not write (a Terraform folder with its own `plan.json`, a repository) or one a
/// person has added to or edited is never replaced.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = ".edgeplan-manifest"
    /// The first line, which no other tool writes: a file without it is not edgeplan's manifest.
    public static let headerLine = "# edgeplan output folder, format 1"

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: Int
        /// FNV-1a (64 bit) of the bytes: it tells a changed file from the one edgeplan wrote.
        public var hash: UInt64

        public init(path: String, size: Int, hash: UInt64) {
            self.path = path
            self.size = size
            self.hash = hash
        }
    }

    /// By path.
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted { $0.path < $1.path } }

    public init(files: [OutputFile]) {
        self.init(entries: files.map { f in
            Entry(path: f.path, size: f.contents.utf8.count, hash: OutputManifest.hash(f.contents.utf8))
        })
    }

    /// The files with the manifest added: what an output folder holds.
    public static func folder(_ files: [OutputFile]) -> [OutputFile] {
        files + [OutputManifest(files: files).file]
    }

    public var file: OutputFile { OutputFile(path: OutputManifest.fileName, contents: text) }

    public var text: String {
        var out = """
        \(OutputManifest.headerLine)
        # edgeplan replaces this folder only while it holds exactly these files, unchanged.
        # Each line: FNV-1a 64-bit hash, size in bytes, path.

        """
        for e in entries { out += "\(OutputManifest.hex(e.hash)) \(e.size) \(e.path)\n" }
        return out
    }

    /// Reads a manifest edgeplan wrote; nil for anything else (another header, a line out of form).
    public init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == OutputManifest.headerLine, lines.last == "" else { return nil }
        lines.removeLast()
        var entries: [Entry] = []
        for line in lines.dropFirst() where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 16, let hash = UInt64(parts[0], radix: 16),
                  let size = Int(parts[1]), size >= 0, OutputManifest.isSafePath(String(parts[2]))
            else { return nil }
            entries.append(Entry(path: String(parts[2]), size: size, hash: hash))
        }
        self.init(entries: entries)
    }

    /// A relative path with no empty, `.` or `..` parts: it stays inside the folder.
    public static func isSafePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
