import Foundation
import Hummingbird

/// Why a request was refused, with the status it maps to and a sentence for the client.
public enum UpstreamError: Error, Sendable, Equatable, CustomStringConvertible {
    case unauthenticated(String)
    case forbidden(String)
    case badRequest(String)
    case tooLarge(String)
    case rateLimited(retryAfterSeconds: Int)
    case notFound(String)
    /// A device id that is already registered (admin commands).
    case deviceExists(String)
    /// The store failed (disk, database connection).
    case storage(String)

    public var status: HTTPResponse.Status {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        case .rateLimited: .tooManyRequests
        case .notFound: .notFound
        case .deviceExists: .conflict
        case .storage: .serviceUnavailable
        }
    }

    public var description: String {
        switch self {
        case .unauthenticated(let s), .forbidden(let s), .badRequest(let s), .tooLarge(let s), .notFound(let s), .storage(let s): s
        case .rateLimited(let seconds): "Too many requests from this device; retry after \(seconds) s."
        case .deviceExists(let id): "A device with id \(id) is already registered."
        }
    }
}
