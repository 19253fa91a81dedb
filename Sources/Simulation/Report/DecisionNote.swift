import Kiosk
import Policy

extension SimulationReport {
    /// One decision the kiosk took during the run and why it was taken, so that every door pulse
    /// and every decision beyond a visitor's first can be traced to a cause in the report.
    public struct DecisionNote: Sendable, Hashable, Codable {
        /// Frame index and its time from the clip's start (virtual seconds).
        public var frame: Int
        public var seconds: Double
        /// "allow" or "deny", and the decision's own reason text (`PolicyReason.code`), nil on allow.
        public var outcome: String
        public var reason: String?
        /// The venue rules repeated an earlier answer for the same credential (debounce window).
        public var repeated: Bool
        /// Counted as an entry (occupancy, daily caps).
        public var counted: Bool
        /// The relay pulsed for this decision (every allow does).
        public var doorPulse: Bool
        /// Why this decision happened, in words.
        public var why: String
    }
}

/// Explains decisions from what the pipeline recorded about them.
enum DecisionExplainer {
    /// `previous`: the decision before this one for the same visitor (nil for the first).
    /// `debounceSeconds`: the reader-side debounce window (`DoorPipeline`'s `CodeDebouncer`).
    static func note(
        _ outcome: DoorOutcome, frame: Int, seconds: Double, previous: DoorOutcome?, debounceSeconds: Double, inView: Bool
    ) -> SimulationReport.DecisionNote {
        let decision = outcome.judgement.decision
        var why: String
        if !inView {
            why = "a code was read with no visitor in view"
        } else if let previous {
            if previous.judgement.verdict.tokenDigest != outcome.judgement.verdict.tokenDigest {
                why = "the phone showed a new code text (a live pass re-signs its holder proof every 30 s), so it was judged again"
            } else {
                why = "the same code was read again after more than \(trim(debounceSeconds)) s unseen (the reader's debounce window), so it was judged again"
            }
        } else {
            why = "the visitor's code, first read"
        }
        if decision.repeated {
            why += "; the venue rules repeated their earlier answer for this credential and did not count it again"
        } else if inView, previous != nil, decision.outcome == .allow, !decision.counted {
            why += "; a re-presented holder proof: admitted, not counted again"
        }
        if decision.outcome == .allow { why += "; the door pulsed" }
        return SimulationReport.DecisionNote(
            frame: frame, seconds: seconds, outcome: decision.outcome.rawValue, reason: decision.reason?.code,
            repeated: decision.repeated, counted: decision.counted, doorPulse: decision.outcome == .allow, why: why)
    }

    private static func trim(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
