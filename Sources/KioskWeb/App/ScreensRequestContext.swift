import Hummingbird
import NIOCore

/// The screens' request context: Hummingbird's core context plus where the request came from,
/// which decides whether the visitor screen may be shown without a credential.
public struct ScreensRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// True for a peer on this machine: an IPv4 127/8 or IPv6 `::1` address (or `::ffff:127.x`),
    /// and for a connection with no IP peer at all (a Unix socket, or the in-process test router),
    /// which can only come from this machine too.
    public var fromThisMachine: Bool { Self.isThisMachine(remoteAddress) }

    static func isThisMachine(_ remoteAddress: SocketAddress?) -> Bool {
        guard let remoteAddress else { return true }
        switch remoteAddress {
        case .v4(let address):
            return UInt32(bigEndian: address.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let address):
            let bytes = withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            return bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] && bytes[12] == 127
        case .unixDomainSocket:
            return true
        }
    }
}
