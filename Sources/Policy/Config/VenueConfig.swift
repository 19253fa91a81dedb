import Passes

/// Everything a venue decides about its door, read from one TOML file (`VenueConfig.parse`).
///
/// Why every field has a default: a small shop writes five lines; a hospital writes fifty. What
/// the file is silent on falls back to the strict choice (green only, refuse stale trust), and
/// an unknown key is an error, so a typo can never quietly weaken a rule.
public struct VenueConfig: Sendable, Hashable {
    public enum VenueType: String, Sendable, Hashable, CaseIterable {
        case dining, retail, transport, medical, government, education, other
    }

    public struct Contact: Sendable, Hashable {
        public var role: String
        public var name: String?
        public var phone: String?
        public var email: String?
    }

    public var id: String
    /// Shown on the visitor screen; at most `maxNameLength` characters.
    public var name: String
    public var address: String
    public var type: VenueType
    public var hours: WeeklyHours
    public var contacts: [Contact]
    public var rules: Rules
    /// How long the relay opens the door on an allow.
    public var doorPulseMilliseconds: Int

    public static let maxNameLength = 20

    public init(id: String, name: String, address: String = "", type: VenueType = .other,
                hours: WeeklyHours = .alwaysOpen, contacts: [Contact] = [], rules: Rules = Rules(),
                doorPulseMilliseconds: Int = 1000) {
        self.id = id; self.name = name; self.address = address; self.type = type; self.hours = hours
        self.contacts = contacts; self.rules = rules; self.doorPulseMilliseconds = doorPulseMilliseconds
    }
}

extension VenueConfig {
    /// The venue's rules; each group is nil (off) unless the file configures it.
    public struct Rules: Sendable, Hashable {
        /// Pass formats the door accepts.
        public var formats: Set<PassFormat> = Set(PassFormat.allCases)
        /// Accepted issuers (as `Verdict.issuer`); empty means every trusted issuer.
        public var issuers: Set<String> = []
        /// Status colours that may enter.
        public var statuses: Set<HealthStatus> = [.green]
        /// A Threshold pass (the format with holder keys) is admitted only with a live holder
        /// proof: the screenshot defence, on unless the venue opts out.
        public var requireProof = true
        /// A holder proof must be bound to this venue; one bound to no venue is refused unless the
        /// venue opts out. (One bound to another venue is always refused.)
        public var requireVenueBinding = true
        public var staleTrust: StaleTrustPolicy = .refuse
        public var maxTrustAgeHours = 24
        public var vaccination: Vaccination?
        public var test: TestRule?
        /// Accept a valid recovery statement in place of vaccination/test.
        public var acceptRecovery = false
        /// With both vaccination and test rules: `any` (either suffices) or `all`.
        public var combine: Combine = .any
        public var temperature: Temperature?
        public var capacity: Capacity?
        /// Camera-level de-duplication: the same text seen again within this many seconds of its
        /// last sighting is the phone still in view — not judged again, never an opening (no
        /// decision, no record, no relay pulse). 0: every frame with a code is judged.
        public var debounceSeconds = 2
        /// Anti-passback: a credential admitted once is not admitted again for this long (a
        /// re-showing gets "already admitted", is logged as `repeat`, and the door stays shut).
        /// 0: off.
        public var antiPassbackMinutes = 10
        public var rateLimit = RateLimit()

        public init() {}
    }

    public enum Combine: String, Sendable, Hashable, CaseIterable { case any, all }

    public struct Vaccination: Sendable, Hashable {
        public var minDoses = 2
        public var minDaysSinceLastDose = 14
        /// Nil: no upper limit.
        public var maxDaysSinceLastDose: Int?
        public init() {}
    }

    public struct TestRule: Sendable, Hashable {
        public var maxAgeHours = 48
        public init() {}
    }

    /// Behaviour when the thermometer gives no usable reading.
    public enum MissingReading: String, Sendable, Hashable, CaseIterable {
        case deny
        case allowWithWarning = "allow-with-warning"
    }

    public struct Temperature: Sendable, Hashable {
        /// At or above this many °C the door stays shut.
        public var thresholdCelsius = 37.3
        /// A reading older than this (relative to the scan) is treated as missing.
        public var maxReadingAgeSeconds = 10
        public var whenMissing: MissingReading = .deny
        public init() {}
    }

    public struct Capacity: Sendable, Hashable {
        public var maximum: Int
        /// Exits reported by a sensor or button decrement occupancy; without it occupancy only
        /// resets at local midnight (a daily entry cap).
        public var countExits = true
        public init(maximum: Int) { self.maximum = maximum }
    }

    /// Per-code limit: more than `maxScans` scans inside `windowSeconds` locks the code for
    /// `lockMinutes`; at most `dailyCap` counted scans per local day (nil: no cap).
    public struct RateLimit: Sendable, Hashable {
        public var maxScans = 5
        public var windowSeconds = 30
        public var lockMinutes = 10
        public var dailyCap: Int? = 20
        public init() {}
    }

    /// The anti-passback window in seconds.
    public var antiPassbackSeconds: Double { Double(rules.antiPassbackMinutes) * 60 }
}

extension VenueConfig.Rules {
    /// The anti-passback window in seconds.
    public var antiPassbackSeconds: Double { Double(antiPassbackMinutes) * 60 }
}

extension VenueConfig {
    /// The verification context the kiosk passes to `Verifier`: the venue's id, so holder proofs
    /// are reported as bound here or elsewhere. Every rule stays with `RuleEngine`.
    public var verificationContext: VerificationContext { VerificationContext(venueID: id) }
}
