import Passes

/// Why the door stays shut — the one reason vocabulary of the kiosk. A pass that is not a valid
/// pass comes through as `.pass(DenyReason)` (a fact the verifier found); every other case is a
/// venue rule, decided here in Policy and nowhere else. Screens, records, metrics and reports
/// all take the code and the sentences from here (`ReasonText` holds the sentences).
public enum PolicyReason: Sendable, Hashable, Codable {
    /// The pass is not a valid pass (forged, expired, revoked, malformed …).
    case pass(DenyReason)
    /// The verifier could not decide (no trust data at all): the kiosk's fault, not the visitor's.
    case kioskError
    /// Outside the venue's opening hours.
    case closed
    /// The pass format (Threshold / DCC / SHC) is not accepted here.
    case formatNotAccepted
    /// Issued by an issuer this venue does not accept.
    case issuerNotAccepted
    /// Health status red: never admitted, whatever the venue allows.
    case statusRed
    /// Status colour not in the venue's allowed colours (e.g. yellow where only green may enter).
    case statusNotAllowed
    /// The venue requires a live holder proof and none was shown (a screenshot, or `TH1P:` cut
    /// down to `TH1:`).
    case proofMissing
    /// The holder proof is outside its ±1 time-step window, bound to another venue, or bound to
    /// none where the venue requires binding.
    case proofExpired
    /// This very holder proof was seen here before, longer ago than a re-showing by the same
    /// phone takes (a screenshot being re-used inside the proof's window).
    case replayed
    /// The pass has no vaccination, test or recovery facts the venue could check.
    case noHealthRecord
    /// Fewer doses than the venue requires.
    case notEnoughDoses
    /// The last dose is too recent to count yet.
    case doseTooRecent
    /// The last dose is older than the venue accepts.
    case doseTooOld
    /// The last test is older than the maximum test age.
    case testTooOld
    /// The last test was positive.
    case testPositive
    /// The trust data is older than allowed and the venue refuses stale data.
    case staleTrust
    /// Body temperature at or above the venue's threshold.
    case fever
    /// No usable thermometer reading and the venue denies without one.
    case temperatureUnavailable
    /// The venue is at capacity.
    case venueFull
    /// This code was scanned too often in a short time and is now locked for a while.
    case rateLimited
    /// This code reached its scans for today.
    case dailyCapReached
    /// Anti-passback: this credential was admitted a short while ago and is not admitted again
    /// inside the venue's window (the door stays shut; the screen says "already admitted").
    case alreadyAdmitted

    /// A short stable code for records, logs and metrics (`pass.<deny-reason>` for pass reasons).
    public var code: String {
        switch self {
        case .pass(let reason): "pass.\(reason.rawValue)"
        case .kioskError: "kiosk-error"
        case .closed: "closed"
        case .formatNotAccepted: "format-not-accepted"
        case .issuerNotAccepted: "issuer-not-accepted"
        case .statusRed: "status-red"
        case .statusNotAllowed: "status-not-allowed"
        case .proofMissing: "proof-missing"
        case .proofExpired: "proof-expired"
        case .replayed: "replayed"
        case .noHealthRecord: "no-health-record"
        case .notEnoughDoses: "not-enough-doses"
        case .doseTooRecent: "dose-too-recent"
        case .doseTooOld: "dose-too-old"
        case .testTooOld: "test-too-old"
        case .testPositive: "test-positive"
        case .staleTrust: "stale-trust"
        case .fever: "fever"
        case .temperatureUnavailable: "temperature-unavailable"
        case .venueFull: "venue-full"
        case .rateLimited: "rate-limited"
        case .dailyCapReached: "daily-cap"
        case .alreadyAdmitted: "repeat"
        }
    }

    /// Every reason, for tables and tests.
    public static let allCases: [PolicyReason] = DenyReason.allCases.map { .pass($0) } + [
        .kioskError, .closed, .formatNotAccepted, .issuerNotAccepted, .statusRed, .statusNotAllowed, .proofMissing,
        .proofExpired, .replayed, .noHealthRecord, .notEnoughDoses, .doseTooRecent, .doseTooOld, .testTooOld,
        .testPositive, .staleTrust, .fever, .temperatureUnavailable, .venueFull, .rateLimited, .dailyCapReached,
        .alreadyAdmitted,
    ]

    public var english: String { ReasonText.sentences(self).english }
    public var chinese: String { ReasonText.sentences(self).chinese }
}

/// Something the visitor or staff should notice on an allowed entry: the screen turns amber.
public enum PolicyWarning: String, Sendable, Hashable, Codable, CaseIterable {
    /// Checked against trust data older than allowed, under allow-with-warning.
    case staleTrust = "stale-trust"
    /// No usable temperature reading, under allow-with-warning.
    case temperatureUnavailable = "temperature-unavailable"
    /// A yellow status the venue admits with attention.
    case yellowStatus = "yellow-status"

    public var english: String { ReasonText.sentences(self).english }
    public var chinese: String { ReasonText.sentences(self).chinese }
}
