import Foundation

/// What a simulation run found: per visitor, expected against actual, and the totals a release
/// is judged by. `report.json` is this value (snake_case keys); `report.html` draws it.
public struct SimulationReport: Sendable, Hashable, Codable {
    public struct VisitorResult: Sendable, Hashable, Codable {
        public var id: String
        public var expected: String
        public var expectedReason: String?
        /// "allow", "deny", or "none" when the kiosk never decided while the visitor was in view.
        public var actual: String
        /// The kiosk's reason code (`Policy.PolicyReason.code`), nil on allow.
        public var actualReason: String?
        public var correct: Bool
        /// Whether the reason matched too (a deny for the wrong reason is still a bug).
        public var reasonMatches: Bool
        /// From the visitor's first frame in view to the door decision (frame time + processing).
        public var decisionMs: Double?
        /// Frame handed to the reader → decision, real time.
        public var frameToDecisionMs: Double?
        /// Frames in view before the first one in which the code was read (0: read at once).
        public var framesToFirstRead: Int?
        public var framesInView: Int
        public var framesRead: Int
        /// The camera conditions the scenario gave this visitor, as labels ("glare", "tilt" …).
        public var conditions: [String]
        public var temperature: Double
        /// Further decisions while this visitor stood there (rolling proof re-presented), not counted.
        public var extraDecisions: Int
    }

    public var scenario: String
    public var frames: Int
    public var width: Int
    public var height: Int
    public var fps: Int
    public var visitors: [VisitorResult]
    public var visitorCount: Int
    public var falseAccepts: Int
    public var falseRejects: Int
    public var wrongReasons: Int
    /// Decisions with no visitor in view (should be 0).
    public var strayDecisions: Int
    public var decisionMsP50: Double
    public var decisionMsP99: Double
    public var frameToDecisionMsP50: Double
    public var frameToDecisionMsP99: Double
    public var decodeMsP50: Double
    public var decodeMsP99: Double
    public var zbarChecks: Int
    public var zbarAgreements: Int
    public var recordsLogged: Int
    public var recordsOnServer: Int
    public var distinctOnServer: Int
    public var unsyncedAfterDrain: Int
    public var doorPulses: Int
    /// Records in the scan log that say the door opened (`ScanRecord.admitted`): must equal
    /// `doorPulses`, or something opened the door without a record (or recorded an opening that
    /// never happened).
    public var admittedRecords: Int
    /// Wall-clock seconds the run took, and how much faster than real time that is.
    public var runSeconds: Double
    public var speedup: Double

    public var falseRejectRate: Double { visitors.filter { $0.expected == "allow" }.isEmpty ? 0 :
        Double(falseRejects) / Double(visitors.filter { $0.expected == "allow" }.count) }

    /// The run's verdict: no false accept, no stray decision, every record on the server exactly
    /// once, and one relay pulse per admitted record.
    public var passed: Bool {
        doorPulses == admittedRecords && falseAccepts == 0 && strayDecisions == 0 && falseRejectRate <= 0.01 && wrongReasons == 0
            && recordsOnServer == recordsLogged && distinctOnServer == recordsLogged && unsyncedAfterDrain == 0
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// Nearest-rank percentile (p in 0…100) of `values`; 0 when empty.
func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}
