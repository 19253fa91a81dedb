/// Why an upload or a pull did not complete. All are retried by the loop; none loses a record.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection, reset, timeout: the server or the path to it is down.
    case transport(String)
    /// The server asked us to wait (429 / 503 with `Retry-After`, in seconds).
    case retryAfter(status: Int, seconds: Double)
    /// 5xx without a usable `Retry-After`.
    case server(status: Int)
    /// 401 / 403: this kiosk's token is unknown or revoked — an operator must act; retried slowly.
    case unauthorized(status: Int, reason: String)
    /// Any other refusal (400, 413, …), with the server's reason.
    case rejected(status: Int, reason: String)
    /// The scan log failed (disk full, damage) while reading the outbox or marking records.
    case log(String)

    public var description: String {
        switch self {
        case .transport(let why): "The upstream could not be reached: \(why)."
        case .retryAfter(let status, let seconds): "The upstream answered \(status) and asked to retry after \(seconds) s."
        case .server(let status): "The upstream failed with HTTP \(status)."
        case .unauthorized(let status, let reason): "The upstream refused this kiosk (HTTP \(status)): \(reason)"
        case .rejected(let status, let reason): "The upstream refused the batch (HTTP \(status)): \(reason)"
        case .log(let why): "The scan log could not be used for sync: \(why)"
        }
    }
}
