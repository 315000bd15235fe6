import CCmark
import EdgePlanCore
import Foundation

/// `report.html`: report.md turned into HTML by libcmark, wrapped in one self-contained page:
/// inline CSS, the diagrams inlined as SVG, no JavaScript, nothing fetched from the network.
///
/// Debian's libcmark is the CommonMark reference implementation, which has no GFM table
/// extension; the pipe tables edgeplan writes are turned into HTML tables first (each cell's
/// inline Markdown rendered by libcmark), then the whole document goes through libcmark.
public struct HTMLReport: Sendable {
    public init() {}

    /// `diagrams`: relative path (as linked from the Markdown) → SVG element to inline.
    /// A diagram with a narrow form (`diagrams/x-compact.svg` beside `diagrams/x.svg`) is inlined
    /// in both forms, and the stylesheet shows the narrow one on narrow screens.
    public func render(markdown: String, title: String, diagrams: [String: XMLNode]) -> String {
        var body = HTMLReport.headingIDs(HTMLReport.body(HTMLReport.picturesAsImages(markdown)))
        for (path, svg) in diagrams.sorted(by: { $0.key < $1.key }) where !path.hasSuffix(Self.narrowSuffix) {
            let narrowPath = String(path.dropLast(".svg".count)) + Self.narrowSuffix
            body = inline(svg, narrow: diagrams[narrowPath], for: path, in: body)
        }
        body = HTMLReport.tableOfContents(body)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLReport.escape(title))</title>
        <style>
        \(HTMLReport.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Replaces `<img src="path" alt="…" />` by a figure holding the SVG itself (no `xmlns`:
    /// the HTML parser places inline `<svg>` in the SVG namespace).
    static let narrowSuffix = "-compact.svg"

    /// The `<picture>` blocks `Markdown.picture` writes, as the images libcmark turns into
    /// `<img>` (it drops raw HTML): their full-size diagram, which `inline` then replaces.
    static func picturesAsImages(_ markdown: String) -> String {
        guard markdown.contains("<picture>\n") else { return markdown }
        var out: [Substring] = []
        var inPicture = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "<picture>" { inPicture = true; continue }
            if inPicture {
                if line == "</picture>" { inPicture = false }
                let text = String(line)
                guard text.hasPrefix("<img src=\""), let srcEnd = text.dropFirst(10).firstIndex(of: "\""),
                      let altStart = text.firstByteRange(of: " alt=\"")?.upperBound, let altEnd = text[altStart...].lastIndex(of: "\"") else { continue }
                let alt = unescapeAttribute(String(text[altStart..<altEnd]))
                out.append("![\(Markdown.text(alt))](\(text[text.index(text.startIndex, offsetBy: 10)..<srcEnd]))")
                continue
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// Text for a double-quoted HTML attribute.
    static func attribute(_ s: String) -> String {
        escape(s).replacingBytes("\"", with: "&quot;")
    }

    static func unescapeAttribute(_ s: String) -> String {
        s.replacingBytes("&quot;", with: "\"").replacingBytes("&lt;", with: "<").replacingBytes("&gt;", with: ">").replacingBytes("&amp;", with: "&")
    }

    private func inline(_ svg: XMLNode, narrow: XMLNode? = nil, for path: String, in html: String) -> String {
        guard let start = html.firstByteRange(of: "<img src=\"\(path)\""), let end = html.firstByteRange(of: "/>", from: start.upperBound) else { return html }
        let tag = html[start.lowerBound..<end.upperBound]
        let alt = html.firstByteRange(of: "alt=\"", from: start.lowerBound, before: end.upperBound)
            .flatMap { a in tag[a.upperBound...].firstIndex(of: "\"").map { String(tag[a.upperBound..<$0]) } } ?? ""
        func markup(_ node: XMLNode) -> String {
            var document = XMLWriter.document(node, namespace: nil)
            if let declarationEnd = document.firstByteRange(of: "?>\n") { document.removeSubrange(document.startIndex..<declarationEnd.upperBound) }
            return document
        }
        let drawing = narrow.map { "<div class=\"full\">\n\(markup(svg))</div>\n<div class=\"narrow\">\n\(markup($0))</div>\n" } ?? markup(svg)
        let figure = "<figure class=\"diagram\">\n\(drawing)<figcaption>\(alt)</figcaption>\n</figure>"
        // The image sits alone in a paragraph: replace the whole paragraph.
        var result = html
        let paragraph = "<p>\(tag)</p>"
        if let range = result.firstByteRange(of: paragraph) {
            result.replaceSubrange(range, with: figure)
        } else {
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: figure)
        }
        return result
    }

    // MARK: - libcmark

    /// The document as HTML. libcmark never runs with `CMARK_OPT_UNSAFE`: it drops any raw HTML
    /// and any `javascript:` link that reached the Markdown. The only HTML that is not libcmark's
    /// is edgeplan's own: the tables, built here around cells that libcmark renders, and the
    /// diagrams, built by libxml2.
    static func body(_ markdown: String) -> String {
        var html = ""
        var text: [Substring] = []
        func flush() {
            if !text.isEmpty { html += commonmark(text.joined(separator: "\n")) }
            text = []
        }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < lines.count {
            if lines[i].hasPrefix("|"), i + 1 < lines.count, lines[i + 1].hasPrefix("| ---") {
                flush()
                var rows = [lines[i]]
                let aligns = cells(lines[i + 1]).map { $0.hasSuffix(":") ? " class=\"num\"" : "" }
                i += 2
                while i < lines.count, lines[i].hasPrefix("|") { rows.append(lines[i]); i += 1 }
                html += table(rows, aligns: aligns)
                continue
            }
            text.append(lines[i])
            i += 1
        }
        flush()
        return html
    }

    /// CommonMark → HTML with libcmark, in its safe mode.
    static func commonmark(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        let bytes = Array(markdown.utf8)
        guard !bytes.isEmpty, let html = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_markdown_to_html($0, bytes.count, Int32(options))
            }
        }) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// One cell's inline Markdown, without the paragraph libcmark wraps it in. Edgeplan's own
    /// `<br>` separates the lines of a cell (escaped input can never spell it). A cell that would
    /// start a block on its own (`#` a heading, `-` a list) has that character escaped: in a table
    /// it is text, as GFM reads it.
    static func inlineHTML(_ markdown: String) -> String {
        markdown.splitBytes(by: "<br>").map { part in
            var html = commonmark(Markdown.inline(String(part))).trimmingWhitespace()
            if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
            return html
        }.joined(separator: "<br>")
    }

    /// A GFM pipe table (header row, then body rows) as an HTML table.
    static func table(_ rows: [Substring], aligns: [String]) -> String {
        var html = ["<div class=\"table\"><table>", "<thead><tr>"]
        for (k, h) in cells(rows[0]).enumerated() { html.append("<th\(aligns[safe: k] ?? "")>\(inlineHTML(h))</th>") }
        html.append("</tr></thead>")
        html.append("<tbody>")
        for row in rows.dropFirst() {
            html.append("<tr>" + cells(row).enumerated().map { k, c in "<td\(aligns[safe: k] ?? "")>\(inlineHTML(c))</td>" }.joined() + "</tr>")
        }
        html.append("</tbody></table></div>")
        return html.joined(separator: "\n") + "\n"
    }

    /// Splits a table row on unescaped '|', unescaping '\|' inside cells.
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row.dropFirst() {
            if escaped {
                // `\|` is the table's own escape; any other backslash escape is the cell's Markdown.
                if ch != "|" { current.append("\\") }
                current.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(current.trimmingSpaces()); current = "" } else { current.append(ch) }
        }
        return cells
    }

    /// Gives `<h2>`/`<h3>` the ids GitHub gives them, so the report's links work in the page too.
    /// (What `<h([23])>(.*?)</h\\1>` finds, a heading on one line, scanned in bytes.)
    static func headingIDs(_ html: String) -> String {
        let b = Array(html.utf8)
        let n = b.count
        var out: [UInt8] = []
        out.reserveCapacity(n + 4_096)
        var last = 0
        var i = 0
        while i + 4 <= n {
            guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "h"), b[i + 2] == UInt8(ascii: "2") || b[i + 2] == UInt8(ascii: "3"), b[i + 3] == UInt8(ascii: ">") else {
                i += 1
                continue
            }
            let level = b[i + 2]
            var j = i + 4
            var close: Int?
            while j < n, !endsLine(b, at: j) {
                if b[j] == UInt8(ascii: "<"), j + 4 < n, b[j + 1] == UInt8(ascii: "/"), b[j + 2] == UInt8(ascii: "h"), b[j + 3] == level, b[j + 4] == UInt8(ascii: ">") {
                    close = j
                    break
                }
                j += 1
            }
            guard let close else {
                i += 1
                continue
            }
            out += b[last..<i]
            let inner = String(decoding: b[(i + 4)..<close], as: UTF8.self)
            let text = withoutTags(inner).replacingBytes("&amp;", with: "&")
            let h = level == UInt8(ascii: "2") ? "h2" : "h3"
            out += "<\(h) id=\"\(MarkdownReport.slug(text))\">\(inner)</\(h)>".utf8
            i = close + 5
            last = i
        }
        out += b[last...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a line ends at byte `j`, as ICU's `.` sees it (\n, \v, \f, \r, U+0085, U+2028, U+2029).
    private static func endsLine(_ b: [UInt8], at j: Int) -> Bool {
        switch b[j] {
        case 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0xC2: return j + 1 < b.count && b[j + 1] == 0x85
        case 0xE2: return j + 2 < b.count && b[j + 1] == 0x80 && (b[j + 2] == 0xA8 || b[j + 2] == 0xA9)
        default: return false
        }
    }

    /// `s` without its tags (what `<[^>]+>` matches).
    private static func withoutTags(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<"), let k = b[(i + 1)...].firstIndex(of: UInt8(ascii: ">")), k > i + 1 {
                i = k + 1
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A table of contents (every `<h2>`), placed before the first option's section: after the
    /// decision record and the comparison, which a reader should meet first.
    static func tableOfContents(_ html: String) -> String {
        // Every `<h2 id="…">…</h2>`: where it starts, its id, and its text without tags.
        var headings: [(start: String.Index, id: String, title: String)] = []
        var from = html.startIndex
        while let open = html.firstByteRange(of: "<h2 id=\"", from: from),
              let idEnd = html.firstByteRange(of: "\">", from: open.upperBound),
              let close = html.firstByteRange(of: "</h2>", from: idEnd.upperBound) {
            var title = "", inTag = false
            for c in html[idEnd.upperBound..<close.lowerBound] {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { title.append(c) }
            }
            headings.append((open.lowerBound, String(html[open.upperBound..<idEnd.lowerBound]), title))
            from = close.upperBound
        }
        guard headings.count > 2 else { return html }
        let items = headings.map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" }
        let nav = "<nav class=\"toc\" aria-label=\"Contents\">\n<h2 class=\"toc-title\">Contents</h2>\n<ul>\n\(items.joined(separator: "\n"))\n</ul>\n</nav>\n"
        let at = headings.firstIndex { $0.id == "options-compared" }.map { $0 + 1 } ?? 1
        guard at < headings.count else { return html }
        let location = headings[at].start
        return String(html[..<location]) + nav + String(html[location...])
    }

    static func escape(_ s: String) -> String {
        s.replacingBytes("&", with: "&amp;").replacingBytes("<", with: "&lt;").replacingBytes(">", with: "&gt;")
    }

    /// Light and dark colours as custom properties (the browser's `prefers-color-scheme` picks; print
    /// is always light); every text colour is at least 4.5:1 on the backgrounds it sits on
    /// (Tests/validators/test_report_browser.py measures it in Chromium).
    static let css = """
    :root { color-scheme: light dark; --fg: #1f2933; --bg: #ffffff; --muted: #52606d; --link: #1f5d99; --border: #d9dee3; --th: #f4f6f8; --row: #fafbfc; --code: #eef1f4; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6edf3; --bg: #0d1117; --muted: #a3adb8; --link: #6cb6ff; --border: #3d444d; --th: #161b22; --row: #11161d; --code: #232a33; }
    }
    body { margin: 0; font: 16px/1.55 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
    main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 64px; overflow-wrap: break-word; }
    h1 { font-size: 1.9em; margin: 0.4em 0 0.5em; line-height: 1.25; }
    h2 { font-size: 1.4em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.1em; margin: 1.4em 0 0.5em; }
    code { font: 0.88em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: var(--code); padding: 0.08em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
    a { color: var(--link); }
    ul, ol { padding-left: 1.3em; }
    li { margin: 0.35em 0; }
    .table { overflow-x: auto; margin: 0.8em 0 1.2em; }
    table { border-collapse: collapse; font-size: 0.92em; min-width: 50%; }
    th, td { border: 1px solid var(--border); padding: 6px 9px; text-align: left; vertical-align: top; }
    td a { overflow-wrap: anywhere; }
    td code { font-size: 0.8em; }
    th { background: var(--th); }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tbody tr:nth-child(even) td { background: var(--row); }
    nav.toc { border: 1px solid var(--border); border-radius: 4px; padding: 0.4em 1em; margin: 1.5em 0; }
    nav.toc h2.toc-title { font-size: 1em; margin: 0.4em 0; padding: 0; border: 0; }
    nav.toc ul { margin: 0.3em 0; padding-left: 0; list-style: none; }
    nav.toc li { margin: 0.15em 0; break-inside: avoid; }
    @media (min-width: 700px) { nav.toc ul { columns: 2; column-gap: 2em; } }
    figure.diagram { margin: 1em 0 1.4em; overflow-x: auto; }
    figure.diagram svg { display: block; max-width: 100%; height: auto; }
    figure.diagram .narrow { display: none; }
    figcaption { font-size: 0.85em; color: var(--muted); margin-top: 0.3em; }
    @media (max-width: 640px) {
      body { font-size: 15px; }
      h1 { font-size: 1.6em; }
      main { padding: 16px 12px 48px; }
      th, td { padding: 5px 6px; }
      /* The address-space and cost diagrams (900 px, 11.5 px text) have no narrow form: on a phone
         they scroll sideways inside their figure at 940 px, so their text shows at 12 px. */
      figure.diagram > svg { max-width: none; width: 940px; }
    }
    @media \(Markdown.narrowScreen) {
      figure.diagram .full { display: none; }
      figure.diagram .narrow { display: block; }
    }
    @media print {
      :root { color-scheme: light; --fg: #000000; --bg: #ffffff; --muted: #3e4c59; --link: #000000; --border: #9aa5b1; --th: #eef1f4; --row: #ffffff; --code: #eef1f4; }
      @page { margin: 16mm 14mm; }
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      a { text-decoration: none; }
      a[href*="://"]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
      h1, h2, h3, nav.toc h2.toc-title { break-after: avoid; page-break-after: avoid; }
      h2 { margin-top: 1.2em; }
      p:has(+ ul), p:has(+ .table) { break-after: avoid; }
      .table { overflow: visible; }
      table { width: 100%; min-width: 0; font-size: 0.9em; }
      th, td { overflow-wrap: anywhere; padding: 3px 5px; }
      thead { display: table-header-group; }
      tr, li, figure.diagram { break-inside: avoid; }
      figure.diagram { overflow: visible; }
      figure.diagram svg { max-width: 100%; max-height: 170mm; width: auto; background: none; }
      figure.diagram .full { display: block; }
      figure.diagram .narrow { display: none; }
    }
    """
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
