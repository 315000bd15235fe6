import CPosix
import EdgePlan
import Foundation

/// Downloads files of the AWS Price List bulk API over HTTP(S) with the system's libcurl, loaded
/// only when a download starts (`edgeplan_http_get`), so no other command pays for loading it.
/// No credentials: the files are public.
/// Every failure is one `--endpoint` error that names the URL and says what happened.
struct PriceListClient {
    static let awsEndpoint = "https://pricing.us-east-1.amazonaws.com"

    /// The endpoint without a trailing `/`: http or https, a host, an optional port and path, nothing else.
    let endpoint: String
    /// Seconds without any data before a download is given up.
    let timeout: Double

    init(endpoint text: String, timeout: Int) throws(DiagnosticError) {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil, parts.password == nil
        else {
            throw DiagnosticError([.error("--endpoint", "\(text.debugDescription) is not an http or https URL such as \(Self.awsEndpoint) (a host, optionally a port and path; no query)")])
        }
        guard timeout >= 1, timeout <= 3600 else {
            throw DiagnosticError([.error("--timeout", "\(timeout) is not a number of seconds from 1 to 3600")])
        }
        endpoint = text.hasSuffix("/") ? String(text.dropLast()) : text
        self.timeout = Double(timeout)
    }

    func url(_ path: String) -> String { endpoint + path }

    /// The body of `path` (below the endpoint), at most `limit` bytes, or an error saying why not.
    /// `progress` gets the bytes received so far and the length announced, if any.
    func get(_ path: String, limit: Int, progress: @escaping @Sendable (Int, Int?) -> Void) throws(DiagnosticError) -> Data {
        let address = url(path)
        func fail(_ why: String) -> DiagnosticError {
            DiagnosticError([.error("--endpoint", "\(address): \(why); no price file was changed")])
        }
        let transfer = Transfer(limit: limit, progress: progress)
        var result = edgeplan_http_result()
        let idle = Int(timeout)
        withExtendedLifetime(transfer) {
            edgeplan_http_get(address, "edgeplan", idle, max(idle, 3600), { context, bytes, count, length in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                return transfer.receive(UnsafeRawBufferPointer(start: bytes, count: count), announced: length) ? 1 : 0
            }, Unmanaged.passUnretained(transfer).toOpaque(), &result)
        }
        if let problem = transfer.problem { throw fail(problem) }
        switch result.outcome {
        case 1: throw fail(Self.message(of: &result))
        case 2: throw fail(Self.describe(curlCode: result.curl_code, message: Self.message(of: &result)))
        default: break
        }
        guard result.status == 200 else {
            if result.status == 0 { throw fail("the answer is not HTTP") }
            var about = Self.reasonPhrases[Int(result.status)].map { [$0] } ?? []
            if (300..<400).contains(result.status) { about.append("a redirect; edgeplan follows none") }
            throw fail("answered HTTP \(result.status)\(about.isEmpty ? "" : " (\(about.joined(separator: ", ")))")")
        }
        if result.length >= 0, Int(result.length) != transfer.data.count {
            throw fail("the transfer stopped after \(grouped(transfer.data.count)) of \(grouped(Int(result.length))) bytes")
        }
        return transfer.data
    }

    private static func message(of result: inout edgeplan_http_result) -> String {
        withUnsafeBytes(of: &result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// One download: the bytes so far and the first reason to stop. Called on the thread that
    /// called `get` only (libcurl's easy interface runs the transfer there).
    private final class Transfer {
        let limit: Int
        let progress: @Sendable (Int, Int?) -> Void
        var data = Data()
        var problem: String?
        private var started = false

        init(limit: Int, progress: @escaping @Sendable (Int, Int?) -> Void) {
            self.limit = limit
            self.progress = progress
        }

        /// Takes one piece of a 200 answer's body; false stops the transfer, with `problem` saying why.
        func receive(_ bytes: UnsafeRawBufferPointer, announced: Int64) -> Bool {
            let length = announced >= 0 ? Int(announced) : nil
            if !started {
                started = true
                if let length, length > limit {
                    problem = "the file is \(grouped(length)) bytes; edgeplan reads at most \(grouped(limit)) here"
                    return false
                }
                progress(0, length)
            }
            data.append(contentsOf: bytes)
            if data.count > limit {
                problem = "the file is more than \(grouped(limit)) bytes, all edgeplan reads here"
                return false
            }
            progress(data.count, length)
            return true
        }
    }

    /// What a libcurl failure means for the reader, by its CURLcode (curl.h; part of libcurl's stable ABI).
    static func describe(curlCode: Int32, message: String) -> String {
        switch curlCode {
        case 7: return "cannot connect (connection refused: nothing listens there)"  // CURLE_COULDNT_CONNECT
        case 28: return "no data arrived in time (timed out); try again, or allow longer with --timeout"  // CURLE_OPERATION_TIMEDOUT
        case 6: return "the host name does not resolve"  // CURLE_COULDNT_RESOLVE_HOST
        case 52: return "the server closed the connection without answering"  // CURLE_GOT_NOTHING
        case 35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91:  // CURLE_SSL_* and CURLE_PEER_FAILED_VERIFICATION
            return "the TLS connection failed (\(message))"
        default: return message  // e.g. CURLE_PARTIAL_FILE: "transfer closed with 123 bytes remaining to read"
        }
    }

    /// The reason phrases of the statuses a server may answer (RFC 9110, section 15).
    static let reasonPhrases: [Int: String] = [
        201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed", 421: "Misdirected Request",
        422: "Unprocessable Content", 426: "Upgrade Required", 429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
