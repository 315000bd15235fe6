import CLibXML2
import Foundation

/// Serialises an `XMLNode` tree with libxml2's tree API: libxml2 escapes text and attribute
/// values, so the output is well-formed whatever the labels contain.
enum XMLWriter {
    static let svgNamespace = "http://www.w3.org/2000/svg"

    /// The document as UTF-8 text with an XML declaration, indented by libxml2.
    static func document(_ root: XMLNode, namespace: String? = svgNamespace) -> String {
        guard let doc = xmlNewDoc("1.0") else { return "" }
        defer { xmlFreeDoc(doc) }
        let rootNode = build(root, in: doc)
        if let namespace, let ns = xmlNewNs(rootNode, namespace, nil) { xmlSetNs(rootNode, ns) }
        xmlDocSetRootElement(doc, rootNode)
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", 1)
        guard let buffer else { return "" }
        defer { edgeplan_xml_free(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }

    private static func build(_ node: XMLNode, in doc: xmlDocPtr) -> xmlNodePtr {
        let element = xmlNewDocNode(doc, nil, node.name, nil)!
        for (key, value) in node.attributes { xmlNewProp(element, key, value) }
        if let text = node.text {
            // xmlNewDocText + addChild escapes '<', '&' and '>' on output.
            xmlAddChild(element, xmlNewDocText(doc, text))
        }
        for child in node.children { xmlAddChild(element, build(child, in: doc)) }
        return element
    }
}

/// Checks that text parses as XML (well-formed), with libxml2, never touching the network.
public enum XMLCheck {
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReadMemory($0, Int32(bytes.count), "check.xml", "UTF-8", options)
            }
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }

    /// Parses text with libxml2's HTML parser (an HTML 4 parser: it reports HTML5 elements such as
    /// `svg` or `figure` as unknown tags). Returns nil if it could not parse at all, else every
    /// error message it reported.
    public static func htmlErrors(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let box = ErrorBox()
        context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error,
                  let priv = userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
            else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(priv).takeUnretainedValue()
            box.messages.append(error.pointee.message.map { String(cString: $0) } ?? "error")
        }
        let options = Int32(HTML_PARSE_NONET.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlCtxtReadMemory(context, $0, Int32(bytes.count), "report.html", "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        xmlFreeDoc(doc)
        return box.messages.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

private final class ErrorBox {
    var messages: [String] = []
}
