import EdgePlan
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads files of the AWS Price List bulk API over HTTP(S) with Foundation's URLSession
/// (FoundationNetworking on Linux, over the system's libcurl). No credentials: the files are public.
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
        guard let url = URL(string: address) else { throw fail("not a valid URL") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout, 3600)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let transfer = Transfer(limit: limit, progress: progress)
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        var request = URLRequest(url: url)
        request.setValue("edgeplan", forHTTPHeaderField: "User-Agent")
        session.dataTask(with: request).resume()
        transfer.done.wait()
        session.finishTasksAndInvalidate()
        switch transfer.outcome() {
        case .failure(let problem): throw fail(problem.why)
        case .success(let data): return data
        }
    }

    /// One download: the bytes so far, the response, and the first reason to stop.
    private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let limit: Int
        let progress: @Sendable (Int, Int?) -> Void
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var data = Data()
        private var expected: Int?
        private var problem: String?

        init(limit: Int, progress: @escaping @Sendable (Int, Int?) -> Void) {
            self.limit = limit
            self.progress = progress
        }

        func outcome() -> Swift.Result<Data, Problem> {
            lock.lock()
            defer { lock.unlock() }
            if let problem { return .failure(Problem(problem)) }
            if let expected, expected != data.count {
                return .failure(Problem("the transfer stopped after \(grouped(data.count)) of \(grouped(expected)) bytes"))
            }
            return .success(data)
        }

        struct Problem: Error { var why: String; init(_ why: String) { self.why = why } }

        private func stop(_ why: String) {
            lock.lock()
            if problem == nil { problem = why }
            lock.unlock()
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            guard let http = response as? HTTPURLResponse else {
                stop("the answer is not HTTP")
                return completionHandler(.cancel)
            }
            guard http.statusCode == 200 else {
                let words = HTTPURLResponse.localizedString(forStatusCode: http.statusCode)
                let redirect = (300..<400).contains(http.statusCode) ? ", a redirect; edgeplan follows none" : ""
                stop("answered HTTP \(http.statusCode) (\(words)\(redirect))")
                return completionHandler(.cancel)
            }
            let length = response.expectedContentLength >= 0 ? Int(response.expectedContentLength) : nil
            if let length, length > limit {
                stop("the file is \(grouped(length)) bytes; edgeplan reads at most \(grouped(limit)) here")
                return completionHandler(.cancel)
            }
            lock.lock()
            expected = length
            lock.unlock()
            progress(0, length)
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
            lock.lock()
            data.append(chunk)
            let count = data.count, length = expected
            lock.unlock()
            if count > limit {
                stop("the file is more than \(grouped(limit)) bytes, all edgeplan reads here")
                dataTask.cancel()
                return
            }
            progress(count, length)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            // The Price List does not redirect; following one could leave the endpoint given.
            completionHandler(nil)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            if let error { stop(Self.describe(error)) }
            done.signal()
        }

        static func describe(_ error: any Error) -> String {
            guard let url = error as? URLError else { return error.localizedDescription }
            switch url.code {
            case .cannotConnectToHost: return "cannot connect (connection refused: nothing listens there)"
            case .timedOut: return "no data arrived in time (timed out); try again, or allow longer with --timeout"
            case .networkConnectionLost: return "the connection closed before the whole file arrived"
            case .cannotFindHost, .dnsLookupFailed: return "the host name does not resolve"
            case .notConnectedToInternet: return "no network connection"
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                 .serverCertificateHasUnknownRoot, .clientCertificateRejected:
                return "the TLS connection failed (\(url.localizedDescription))"
            case .cancelled: return "the download was cancelled"
            default: return url.localizedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
        }
    }
}
