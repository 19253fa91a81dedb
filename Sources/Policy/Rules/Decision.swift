import Foundation
import Passes

/// What the door does for one scan, and what the screen shows.
public struct Decision: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable { case allow, deny }
    public enum ScreenColour: String, Sendable, Hashable, Codable { case green, amber, red }

    public var outcome: Outcome
    /// Nil exactly when `outcome == .allow`.
    public var reason: PolicyReason?
    public var warnings: [PolicyWarning]
    /// Relay pulse length; 0 on a deny.
    public var doorPulseMilliseconds: Int
    /// Whether this scan is a new entry (occupancy, daily count): exactly the allows.
    public var counted: Bool
    /// Anti-passback: the credential was admitted a moment ago (reason `alreadyAdmitted`). A deny:
    /// no relay pulse; the screen says "already admitted" and the record is a `repeat`.
    public var repeated: Bool
    /// Masked holder display, passed through from the verdict for the screen.
    public var display: MaskedDisplay?

    public var screen: ScreenColour {
        switch outcome {
        case .deny: reason == .alreadyAdmitted ? .amber : .red
        case .allow: warnings.isEmpty ? .green : .amber
        }
    }

    public static func deny(_ reason: PolicyReason, display: MaskedDisplay?) -> Decision {
        Decision(outcome: .deny, reason: reason, warnings: [], doorPulseMilliseconds: 0, counted: false, repeated: false,
                 display: display)
    }
}

/// A thermometer reading with the time it was taken (by the kiosk's clock).
public struct TemperatureReading: Sendable, Hashable, Codable {
    public var celsius: Double
    public var takenAt: Date
    public init(celsius: Double, takenAt: Date) { self.celsius = celsius; self.takenAt = takenAt }

    /// Readings outside this range come from a faulty or unaimed sensor: treated as missing.
    public static let plausible = 30.0...45.0
}
