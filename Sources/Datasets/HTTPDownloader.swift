import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads with Foundation's URLSession (FoundationNetworking on Linux, which uses libcurl).
enum HTTPDownloader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Blocks until `url` is fetched; throws on a transport error or a non-200 status.
    @Sendable static func fetch(_ url: String) throws -> [UInt8] {
        guard let address = URL(string: url) else { throw Failure(description: "bad URL \(url)") }
        final class Outcome: @unchecked Sendable {
            // Written by the completion handler before the semaphore is signalled, read after.
            var result: Result<[UInt8], Failure> = .failure(Failure(description: "no response"))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: address)
        request.timeoutInterval = 60
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            if let error {
                outcome.result = .failure(Failure(description: error.localizedDescription))
            } else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                outcome.result = .failure(Failure(description: "HTTP status \(http.statusCode)"))
            } else if let data {
                outcome.result = .success([UInt8](data))
            }
        }
        task.resume()
        done.wait()
        return try outcome.result.get()
    }
}
