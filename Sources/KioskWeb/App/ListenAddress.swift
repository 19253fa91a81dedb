/// Where the screens listen: `HOST:PORT`, `[IPv6]:PORT` or just `PORT` (loopback).
///
/// Why loopback by default: the visitor screen and the dashboard run on the kiosk's own display;
/// exposing them on the venue network is a deliberate choice the operator makes with `--listen`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public static let loopback = ListenAddress(host: "127.0.0.1", port: 8088)

    public var host: String
    public var port: Int

    public init(host: String, port: Int) { self.host = host; self.port = port }

    /// Parses `HOST:PORT`, `[::1]:PORT` or `PORT`.
    public init(parsing text: String) throws(ScreensError) {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .badListenAddress(text) }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65_535).contains(port) else { throw .badListenAddress(text) }
        self.host = host
        self.port = port
    }

    /// True for an address only this machine can reach: `localhost`, 127/8, `::1`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
