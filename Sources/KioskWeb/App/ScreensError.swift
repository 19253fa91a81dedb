/// What can go wrong between a browser and the kiosk screens. Each case says, in one sentence,
/// what the caller must change; request errors become a 400 with that sentence.
public enum ScreensError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--listen` is not `HOST:PORT`.
    case badListenAddress(String)
    /// A query parameter is missing its form or out of range.
    case badParameter(name: String, value: String, expected: String)
    /// The time range is empty or reversed.
    case emptyRange(from: String, to: String)
    /// There is no scan log to read (the kiosk runs without one).
    case noScanLog
    /// The scan log could not be read.
    case scanLogUnreadable(String)
    /// An operator screen was asked for without the operator credential.
    case credentialRequired
    /// An operator screen was asked for, and this kiosk has no operator credential configured.
    case noCredentialConfigured
    /// The operator credential file is missing or not in its stored form.
    case badCredential(String)
    /// `--listen` names an address other than loopback, and no operator credential is configured.
    case exposedWithoutCredential(String)

    public var description: String {
        switch self {
        case .badListenAddress(let text): "The listen address \"\(text)\" is not HOST:PORT (for example 127.0.0.1:8088)."
        case .badParameter(let name, let value, let expected): "The parameter \(name)=\"\(value)\" is not valid: expected \(expected)."
        case .emptyRange(let from, let to): "The time range from \(from) to \(to) is empty: 'from' must be before 'to'."
        case .noScanLog: "This kiosk runs without a scan log, so there is nothing to export or count."
        case .scanLogUnreadable(let reason): "The scan log could not be read: \(reason)."
        case .credentialRequired:
            "This screen needs the operator credential: sign in at /login, or send Authorization: Bearer <token>."
        case .noCredentialConfigured:
            "This kiosk has no operator credential configured, so its operator screens are closed "
                + "(create one with `threshold screens credential` and pass --operator-credential FILE)."
        case .badCredential(let reason): "The operator credential is not usable: \(reason)."
        case .exposedWithoutCredential(let address):
            "Refusing to serve the screens on \(address) without an operator credential: the dashboard and the scan-log "
                + "export would be open to the network. Pass --operator-credential FILE, or listen on loopback."
        }
    }
}
