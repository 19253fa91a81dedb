import AsyncHTTPClient
import Foundation
import ScanLog

/// What a pull found.
public enum PullOutcome: Sendable, Hashable {
    /// New bytes, accepted by the caller's check and stored.
    case updated(TrustBundle)
    /// 304: the stored copy is current.
    case notModified(TrustBundle)
    /// 404: the server has none published.
    case notPublished
}

extension SyncClient {
    /// Fetches a bundle with `If-None-Match`, and stores it only if `accept` approves the bytes.
    ///
    /// Why a closure: verifying a signed trust list is the `Passes` module's job; it returns the
    /// bundle's version (or nil) or throws to refuse — then nothing is stored and the kiosk keeps
    /// deciding with the copy it had.
    public func pull(
        _ kind: TrustBundleKind, venue: String? = nil, accept: @Sendable (Data) throws -> Int? = { _ in nil }
    ) async throws(SyncError) -> PullOutcome {
        let bundles = store.trustBundles
        let stored: TrustBundle?
        do { stored = try bundles.latest(kind) } catch { throw .log("\(error)") }
        var path = "/v1/" + kind.rawValue
        if kind == .venueConfig { path += "/" + (venue ?? configuration.deviceID) }
        var request = HTTPClientRequest(url: configuration.baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.token)")
        if let etag = stored?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        let (status, headers, body) = try await execute(request)
        do {
            switch status {
            case 304:
                guard var current = stored else { throw SyncError.rejected(status: 304, reason: "304 without a stored copy") }
                current.fetchedMillis = clock.nowMillis
                try bundles.touch(kind, fetchedMillis: current.fetchedMillis)
                return .notModified(current)
            case 200:
                let bytes = Data(body)
                let version: Int?
                do { version = try accept(bytes) } catch {
                    throw SyncError.rejected(status: 200, reason: "the \(kind.rawValue) failed verification: \(error)")
                }
                let bundle = TrustBundle(
                    kind: kind, bytes: bytes, version: version, etag: headers.first(name: "ETag"), fetchedMillis: clock.nowMillis)
                try bundles.save(bundle)
                return .updated(bundle)
            case 404:
                return .notPublished
            default:
                throw classify(status: status, headers: headers, body: body)
            }
        } catch let error as SyncError {
            throw error
        } catch {
            throw .log("\(error)")
        }
    }
}
