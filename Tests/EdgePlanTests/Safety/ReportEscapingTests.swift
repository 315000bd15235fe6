import CCmark
import EdgePlan
@testable import EdgePlanRender
import Foundation
import Testing

/// Issue 10, defect 3: text from price files, offers, folder names and the design reaches the
/// report as text, never as HTML, and only http(s) addresses become links.
@Suite struct ReportEscapingTests {
    static let hostile = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click](javascript:alert(3))",
        "`code` ``break`` out", "*strong* _em_ &amp; &#60;b&#62;", "line\nbreak\r\u{0}\u{7}", "\\<script\\>",
    ]

    /// A priced plan whose every outside text is hostile.
    static func hostilePlan() throws -> Plan {
        var plan = try Fixtures.pricedPlan(try Fixtures.text("examples/partner-api.yaml"), file: "examples/partner-api.yaml")
        var pricing = try #require(plan.pricing)
        pricing.file = "/tmp/ev`il``dir/<b>/us-east-1.json"
        pricing.regionName = "<b onmouseover=alert(4)>US</b>"
        for i in pricing.sources.indices {
            let text = hostile[i % hostile.count]
            pricing.sources[i].source.title = text
            pricing.sources[i].source.url = ["javascript:alert(5)", "JaVaScRiPt:alert(6)", "data:text/html,<script>", "https://ok.example/a b",
                                             "https://aws.amazon.com/elasticloadbalancing/pricing/"][i % 5]
            pricing.sources[i].source.read = hostile[(i + 1) % hostile.count]
        }
        plan.pricing = pricing
        plan.notes.append(.warning("traffic.<script>", "unknown field '<img src=x onerror=alert(7)>', ignored"))
        return plan
    }

    @Test func hostileTextNeverBecomesHTML() throws {
        let plan = try Self.hostilePlan()
        let files = try ReportRenderer().render(plan)
        let html = try #require(files.first { $0.path == "report.html" }).contents
        #expect(Self.problems(html) == [])
        // Escaped, not dropped: the text is there for a reader to see.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("raw HTML omitted"))
        // The one plain https address is a link; the others are text.
        #expect(html.contains("<a href=\"https://aws.amazon.com/elasticloadbalancing/pricing/\">"))
        #expect(!html.lowercased().contains("href=\"javascript") && !html.contains("href=\"data:"))
    }

    /// Read by a CommonMark parser (libcmark), the Markdown has no HTML at all and links only to
    /// http(s) addresses, in-page anchors and its own diagrams; the hostile texts come out as the same characters.
    @Test func markdownKeepsEveryHostileTextLiteral() throws {
        let md = MarkdownReport().render(try Self.hostilePlan())
        let nodes = Self.parse(md)
        // The only HTML is edgeplan's own: line breaks inside table cells, and each option's diagram
        // with its narrow form, whose one attribute of text (the alt) holds no quote or angle bracket.
        let picture = /<picture>\n<source media="\(max-width: 600px\)" srcset="diagrams\/[a-z0-9-]+-compact\.svg">\n<img src="diagrams\/[a-z0-9-]+\.svg" alt="[^"<>]*">\n<\/picture>\n?/
        #expect(nodes.html.allSatisfy { $0 == "<br>" || $0.wholeMatch(of: picture) != nil }, "\(nodes.html)")
        #expect(nodes.html.contains { $0.hasPrefix("<picture>") })
        #expect(nodes.links.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") || $0.hasPrefix("diagrams/") }, "\(nodes.links)")
        #expect(nodes.text.contains("<script>alert(1)</script>"))
        #expect(nodes.text.contains("[click](javascript:alert(3))"))
        // A code span with backticks inside is fenced by a longer run, and keeps them.
        #expect(nodes.code.contains("/tmp/ev`il``dir/<b>/us-east-1.json"))
        #expect(nodes.code.contains("traffic.<script>"))
    }

    /// The raw HTML, link destinations, text and code spans of a CommonMark document.
    static func parse(_ markdown: String) -> (html: [String], links: [String], text: String, code: [String]) {
        var html: [String] = [], links: [String] = [], code: [String] = []
        var text = ""
        let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT)
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        func literal(_ node: OpaquePointer?) -> String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let node = cmark_iter_get_node(iterator)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html.append(literal(node))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
            case CMARK_NODE_TEXT: text += literal(node)
            case CMARK_NODE_CODE: code.append(literal(node))
            default: break
            }
        }
        return (html, links, text, code)
    }

    @Test func linksAreOnlyPlainWebAddresses() {
        #expect(Markdown.isWebAddress("https://docs.aws.amazon.com/vpc/latest/privatelink/what-is-privatelink.html"))
        #expect(Markdown.isWebAddress("http://example.com/x?y=1#z"))
        for bad in ["javascript:alert(1)", "JAVASCRIPT:x", "https://", "https:// x", "https://a b", "https://a<b", "https://a>b",
                    "ftp://x", "//x", "data:text/html,x", "https://\u{0}x", "https://é.example"] {
            #expect(!Markdown.isWebAddress(bad), "\(bad)")
        }
        #expect(Markdown.link("t", "javascript:alert(1)") == "t")
        #expect(Markdown.link("t", "https://a.example/p") == "[t](<https://a.example/p>)")
    }

    /// Everything in `html` that is not edgeplan's own markup: an element outside the set the
    /// report uses, an event-handler attribute, or an address that is not http(s) or in-page.
    static func problems(_ html: String) -> [String] {
        let allowed: Set = [
            "html", "head", "meta", "title", "style", "body", "main", "nav", "h1", "h2", "h3", "p", "ul", "li", "strong", "em", "code",
            "a", "br", "div", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
            "svg", "g", "defs", "marker", "path", "rect", "circle", "line", "polyline", "polygon", "text", "tspan", "desc",
        ]
        var found: [String] = []
        let tag = try! NSRegularExpression(pattern: "<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
        let attribute = try! NSRegularExpression(pattern: "\\s([a-zA-Z:-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)")
        let ns = html as NSString
        for m in tag.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 1)).lowercased()
            if !allowed.contains(name) { found.append("<\(name)>") }
            let attrs = ns.substring(with: m.range(at: 2))
            let a = attrs as NSString
            for am in attribute.matches(in: attrs, range: NSRange(location: 0, length: a.length)) {
                let key = a.substring(with: am.range(at: 1)).lowercased()
                let value = a.substring(with: am.range(at: 2)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if key.hasPrefix("on") { found.append("\(name) \(key)") }
                if ["href", "src", "xlink:href", "action"].contains(key),
                   !(value.hasPrefix("#") || value.hasPrefix("https://") || value.hasPrefix("http://")) {
                    found.append("\(name) \(key)=\(value)")
                }
            }
        }
        return found
    }
}
