import Kiosk
import Policy

/// Running account of one visitor while the clip plays.
struct VisitorTally {
    let expectation: VisitorExpectation
    var framesInView = 0
    var framesRead = 0
    var firstReadFrame: Int?
    var decision: DoorOutcome?
    var decisionFrame: Int?
    var extraDecisions = 0

    init(_ expectation: VisitorExpectation) { self.expectation = expectation }

    /// The kiosk's reason codes that satisfy the expected reason.
    static func accepts(_ expected: ExpectedReason, actual code: String) -> Bool {
        switch expected {
        case .fever: code == "fever"
        // Red is never admitted; other colours the venue does not admit by its rules.
        case .statusNotAccepted: code == PolicyReason.statusRed.code || code == PolicyReason.statusNotAllowed.code
        case .proofExpired: code == PolicyReason.proofExpired.code
        case .unknownKey, .expired, .notYetValid, .revoked: code == "pass.\(expected.rawValue)"
        }
    }
}

extension CameraConditions {
    /// Labels for the read-rate-by-condition plot.
    var labels: [String] {
        var labels: [String] = []
        if distance < 20 { labels.append("near (<20 cm)") } else if distance <= 30 { labels.append("mid (20–30 cm)") } else {
            labels.append("far (>30 cm)")
        }
        if abs(rotation) >= 10 { labels.append("rotated ≥10°") }
        if tilt > 0 { labels.append("tilt") }
        if blur > 0 { labels.append("blur") }
        if glare > 0 { labels.append("glare") }
        if moire > 0 { labels.append("moiré") }
        if lowLight > 0 { labels.append("low light") }
        if noise > 0 { labels.append("noise") }
        return labels
    }
}
