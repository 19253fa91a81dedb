import Kiosk
import Policy

/// Running account of one visitor while the clip plays.
struct VisitorTally {
    let expectation: VisitorExpectation
    var framesInView = 0
    var framesRead = 0
    var firstReadFrame: Int?
    /// Every decision taken while this visitor was in view, in order, with its frame index.
    var decisions: [(outcome: DoorOutcome, frame: Int)] = []
    /// Whether the per-visitor line has been handed to the progress callback.
    var reported = false

    init(_ expectation: VisitorExpectation) { self.expectation = expectation }

    /// The decision the visitor is judged by: the first one.
    var decision: DoorOutcome? { decisions.first?.outcome }
    var decisionFrame: Int? { decisions.first?.frame }
}

extension CameraConditions {
    /// Labels for the read-rate-by-condition plot.
    var labels: [String] {
        var labels: [String] = []
        if distance < 10 { labels.append("close (5–10 cm)") } else if distance < 20 { labels.append("near (10–20 cm)") } else if distance <= 30 {
            labels.append("mid (20–30 cm)")
        } else {
            labels.append("far (>30 cm)")
        }
        if abs(rotation) >= 10 { labels.append("rotated ≥10°") }
        if tilt > 0 { labels.append("tilt") }
        if blur > 0 { labels.append("blur") }
        if glare > 0 { labels.append("glare") }
        if moire > 0 { labels.append("moiré") }
        if lowLight > 0 { labels.append("low light") }
        if noise > 0 { labels.append("noise") }
        if motion > 0 { labels.append("motion blur") }
        if overexposure > 0 { labels.append("over-exposed") }
        return labels
    }
}
