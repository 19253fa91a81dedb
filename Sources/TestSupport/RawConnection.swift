#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A plain TCP connection to 127.0.0.1 for tests that must misbehave as an HTTP client (send half
/// a request, then wait) — no HTTP library would do that. Sendable because it holds only a file
/// descriptor, and the kernel serialises what is done to it.
public final class RawConnection: @unchecked Sendable {
    public enum Failure: Error { case socket(Int32), connect(Int32) }

    private let fd: Int32

    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw Failure.connect(error)
        }
    }

    deinit { close(fd) }

    /// Sends `text`; false when the server already closed the connection.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Sends a whole `GET path` with `Connection: close` on a new connection and returns the
    /// response's status line (nil when none came within `timeout`).
    public static func get(_ path: String, port: Int, headers: String = "", timeout: Duration = .seconds(5)) throws -> String? {
        let connection = try RawConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n")
        var received = [UInt8]()
        _ = connection.waitForClose(timeout: timeout) { received += $0 }
        return String(decoding: received, as: UTF8.self).split(separator: "\r\n", maxSplits: 1).first.map(String.init)
    }

    /// Reads until the server closes the connection or `timeout` passes, handing what arrives to
    /// `received`.
    /// - Returns: true when the server closed it.
    public func waitForClose(timeout: Duration, received: ([UInt8]) -> Void = { _ in }) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while ContinuousClock.now < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            let ms = Int32(max(1, left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&pfd, 1, ms) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return true }
            received(Array(buffer.prefix(n)))
        }
        return false
    }
}
