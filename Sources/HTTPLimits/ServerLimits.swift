import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// How long a client may take, and how many may be connected at once, on one of our HTTP servers
/// (the kiosk screens and `threshold-upstream`).
///
/// Why: without limits a client that sends half a request and waits holds its connection (and a
/// file descriptor, buffers, a task) forever; a few hundred such connections starved the
/// upstream. Each phase now has a deadline, measured from when the phase began — not from the
/// last byte, so a client that sends one byte a second gains nothing:
/// - `headerTimeout`: from the connection opening until the first request head has arrived;
/// - `bodyTimeout`: from a request head until its whole body has arrived;
/// - `idleTimeout`: a kept-alive connection waiting for its next request (Hummingbird's own timer,
///   which counts only whole request parts as activity, so a slowly sent head does not extend it).
/// A response that takes long to write (an export, an event stream) is not cut: the client asked
/// for it. Past `maxConnections`, new connections wait in the kernel's accept queue until one
/// closes, instead of exhausting descriptors.
public struct ServerLimits: Sendable, Hashable {
    public var headerTimeout: Duration
    public var bodyTimeout: Duration
    public var idleTimeout: Duration
    public var maxConnections: Int
    /// Largest request head (all header fields) accepted.
    public var maxHeaderBytes: Int

    public init(headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(60),
                maxConnections: Int = 1_024, maxHeaderBytes: Int = 16 * 1024) {
        self.headerTimeout = headerTimeout; self.bodyTimeout = bodyTimeout; self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections; self.maxHeaderBytes = maxHeaderBytes
    }

    /// The HTTP/1.1 server with these deadlines.
    public var server: HTTPServerBuilder {
        let header = TimeAmount(headerTimeout), body = TimeAmount(bodyTimeout)
        return .http1(configuration: HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestDeadlineHandler(headerTimeout: header, bodyTimeout: body)],
            idleTimeout: TimeAmount(idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: maxHeaderBytes, maxHeaderListSize: maxHeaderBytes, maxHeaderFieldCount: 100)))
    }

    /// The application configuration for `address` with the connection cap.
    public func configuration(address: BindAddress, serverName: String, logger: Logger) -> ApplicationConfiguration {
        ApplicationConfiguration(address: address, serverName: serverName,
                                 availableConnectionsDelegate: MaximumAvailableConnections.maximum(maxConnections, logger: logger))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
