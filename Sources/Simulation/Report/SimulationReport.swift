import Foundation

/// What a simulation run found: per visitor, expected against actual, and the totals a release
/// is judged by. `report.json` is this value (snake_case keys); `report.html` draws it.
public struct SimulationReport: Sendable, Hashable, Codable {
    public struct VisitorResult: Sendable, Hashable, Codable {
        public var id: String
        public var expected: String
        /// The reason the decision must carry, in the decision's own words (`PolicyReason.code`).
        public var expectedReason: String?
        /// "allow", "deny", or "none" when the kiosk never decided while the visitor was in view.
        public var actual: String
        /// The reason the decision carries (`Policy.PolicyReason.code`), nil on allow.
        public var actualReason: String?
        public var correct: Bool
        /// Whether the reason is exactly the expected one (a deny for the wrong reason is still a bug).
        public var reasonMatches: Bool
        /// From the visitor's first frame in view to the first decision (frame time + processing).
        public var decisionMs: Double?
        /// Frame handed to the reader → first decision, wall-clock processing time.
        public var frameToDecisionMs: Double?
        /// Frames in view before the first one in which the code was read (0: read at once).
        public var framesToFirstRead: Int?
        public var framesInView: Int
        public var framesRead: Int
        /// The camera conditions the scenario gave this visitor, as labels ("glare", "tilt" …).
        public var conditions: [String]
        public var temperature: Double
        /// Decisions after the first while this visitor stood there; `decisions` says why each happened.
        public var extraDecisions: Int
        /// Every decision taken while this visitor was in view, the first one included.
        public var decisions: [DecisionNote]
    }

    public var scenario: String
    /// The build that made the timing figures ("debug" or "release"): debug latencies are not
    /// the kiosk's (see README, Benchmarks, for release figures).
    public var build: String
    public var frames: Int
    public var width: Int
    public var height: Int
    public var fps: Int
    public var visitors: [VisitorResult]
    public var visitorCount: Int
    public var falseAccepts: Int
    public var falseRejects: Int
    public var wrongReasons: Int
    /// Decisions with no visitor in view (should be 0), and each of them.
    public var strayDecisions: Int
    public var strays: [DecisionNote]
    /// First frame in view → first decision, over the visitors that got a decision.
    public var decisionMsP50: Double
    public var decisionMsP99: Double
    /// Frame handed to the reader → decision, over the same decisions (wall-clock processing).
    public var frameToDecisionMsP50: Double
    public var frameToDecisionMsP99: Double
    /// Our reader's time per frame, over every frame of the clip.
    public var decodeMsP50: Double
    public var decodeMsP99: Double
    public var zbarChecks: Int
    public var zbarAgreements: Int
    public var recordsLogged: Int
    public var recordsOnServer: Int
    public var distinctOnServer: Int
    public var unsyncedAfterDrain: Int
    /// Relay pulses the simulated door counted; every one should come from an allow decision
    /// listed in `visitors[].decisions` or `strays`.
    public var doorPulses: Int
    /// Pulses no allow decision accounts for (should be 0).
    public var unexplainedDoorPulses: Int
    /// Records in the scan log that say the door opened (`ScanRecord.admitted`): must equal
    /// `doorPulses`, or something opened the door without a record (or recorded an opening that
    /// never happened).
    public var admittedRecords: Int
    /// Wall-clock seconds the run took, and how much faster than real time that is.
    public var runSeconds: Double
    public var speedup: Double
    /// The run's verdict (``meetsTargets`` when the runner made the report), in `report.json`.
    public var passed: Bool

    /// Visitors who should have been refused but got no decision at all (their code never read):
    /// the door stayed shut, but the run did not show the kiosk refusing them.
    public var missedDenials: Int { visitors.filter { $0.expected == "deny" && $0.actual == "none" }.count }

    public var falseRejectRate: Double { visitors.filter { $0.expected == "allow" }.isEmpty ? 0 :
        Double(falseRejects) / Double(visitors.filter { $0.expected == "allow" }.count) }

    /// No false accept, no stray decision, no wrong reason, no refusal missed, every door pulse explained and
    /// one pulse per admitted record, every record on the server exactly once.
    public var meetsTargets: Bool {
        falseAccepts == 0 && strayDecisions == 0 && falseRejectRate <= 0.01 && wrongReasons == 0 && missedDenials == 0
            && unexplainedDoorPulses == 0 && doorPulses == admittedRecords
            && recordsOnServer == recordsLogged && distinctOnServer == recordsLogged && unsyncedAfterDrain == 0
    }

    /// Door pulses by cause: visitors' first allows, later allows while a visitor stood there, stray allows.
    public var pulseLedger: (first: Int, extra: Int, stray: Int) {
        let first = visitors.filter { $0.decisions.first?.doorPulse == true }.count
        let extra = visitors.reduce(0) { $0 + $1.decisions.dropFirst().filter(\.doorPulse).count }
        return (first, extra, strays.filter(\.doorPulse).count)
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
