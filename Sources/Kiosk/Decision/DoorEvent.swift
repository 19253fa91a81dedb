import Foundation
import Passes
import Policy

/// One decision as the screens show it: what the visitor reads (colour, masked name, reason in
/// Chinese and English) and what the operator counts. Published to every screen the moment the
/// door decides; it holds nothing a passer-by may not see.
public struct DoorEvent: Sendable, Hashable, Codable {
    /// A short line the screen shows under the colour.
    public struct Note: Sendable, Hashable, Codable {
        public var code: String
        public var english: String
        public var chinese: String
    }

    /// 1, 2, 3… since the kiosk started.
    public var id: Int
    public var at: Date
    public var screen: Decision.ScreenColour
    public var outcome: Decision.Outcome
    /// Headline: "Welcome" or why the door stays shut.
    public var message: Note
    public var warnings: [Note]
    /// Masked: surname character + ID tail, never more.
    public var name: String?
    public var idTail: String?
    public var venueName: String
    public var format: PassFormat?
    /// First 12 hex digits of the token digest: lets staff find the scan in the log, reveals nothing.
    public var scan: String
    /// Anti-passback: the credential was admitted a moment ago — "already admitted", the door
    /// stays shut, logged as a `repeat`.
    public var repeated: Bool
    public var counted: Bool
    public var occupancy: Int
    public var temperature: Double?
    /// Frame handed to the reader → decision taken (real time).
    public var latencyMicros: Int
    public var decodeMicros: Int
    public var verifyMicros: Int

    public init(id: Int, at: Date, judgement: Judgement, venueName: String, occupancy: Int, temperature: Double?,
                latencyMicros: Int, decodeMicros: Int) {
        let decision = judgement.decision
        self.id = id
        self.at = at
        screen = decision.screen
        outcome = decision.outcome
        if let reason = decision.reason {
            message = Note(code: reason.code, english: reason.english, chinese: reason.chinese)
        } else {
            message = Note(code: "welcome", english: ReasonText.welcome.english, chinese: ReasonText.welcome.chinese)
        }
        warnings = decision.warnings.map { Note(code: $0.rawValue, english: $0.english, chinese: $0.chinese) }
        name = decision.display?.name
        idTail = decision.display?.idTail
        self.venueName = venueName
        format = judgement.verdict.format
        scan = String(judgement.verdict.tokenDigest.prefix(12))
        repeated = decision.repeated
        counted = decision.counted
        self.occupancy = occupancy
        self.temperature = temperature
        self.latencyMicros = latencyMicros
        self.decodeMicros = decodeMicros
        verifyMicros = judgement.verifyMicros
    }
}
