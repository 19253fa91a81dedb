#if canImport(Glibc)
import Glibc
#endif

/// sd_notify without libsystemd: one datagram to `$NOTIFY_SOCKET` per state change.
///
/// The unit in `hardware/threshold-kiosk.service` sets `Type=notify` and `WatchdogSec=`; the
/// kiosk sends `READY=1` once the camera streams and `WATCHDOG=1` from its frame loop, so a hung
/// capture (not just a crashed process) gets the service restarted.
public struct SystemdNotifier: Sendable {
    /// Socket path; a leading `@` means the Linux abstract namespace.
    public let socketPath: String
    /// Half the configured watchdog timeout (`$WATCHDOG_USEC`), the interval systemd recommends.
    public let watchdogInterval: Duration?

    /// From the environment systemd gives a `Type=notify` service; `nil` when not under systemd.
    public static func fromEnvironment(_ environment: [String: String]) -> SystemdNotifier? {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        var interval: Duration?
        if let usec = environment["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0 {
            let pidMatches = environment["WATCHDOG_PID"].flatMap(Int32.init).map { $0 == getpid() } ?? true
            if pidMatches { interval = .microseconds(usec / 2) }
        }
        return SystemdNotifier(socketPath: path, watchdogInterval: interval)
    }

    public init(socketPath: String, watchdogInterval: Duration? = nil) {
        self.socketPath = socketPath; self.watchdogInterval = watchdogInterval
    }

    public func ready() throws(HardwareError) { try send("READY=1") }
    public func watchdog() throws(HardwareError) { try send("WATCHDOG=1") }
    public func stopping() throws(HardwareError) { try send("STOPPING=1") }
    public func status(_ text: String) throws(HardwareError) { try send("STATUS=\(text)") }

    /// Sends one notify message (`KEY=VALUE` lines).
    public func send(_ message: String) throws(HardwareError) {
        var pathBytes = Array(socketPath.utf8)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else {
            throw .badConfig(path: "NOTIFY_SOCKET", detail: "socket path length \(pathBytes.count) is not 1…\(capacity - 1)")
        }
        if pathBytes[0] == UInt8(ascii: "@") { pathBytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in pathBytes.enumerated() { raw[i] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes[0] == 0 ? 0 : 1))
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .errno(socketPath, "socket") }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
            }
        }
        guard sent == bytes.count else { throw .errno(socketPath, "sendto") }
    }
}
