import Foundation

/// The text form of a run: one line per visitor (printed as the clip moves past each visitor),
/// then the totals. Both sides of "expected … got …" are the decision's own reason text.
extension SimulationReport.VisitorResult {
    public var line: String {
        let mark = correct && reasonMatches ? "ok  " : "FAIL"
        let wanted = expected + (expectedReason.map { " (\($0))" } ?? "")
        let got = actual + (actualReason.map { " (\($0))" } ?? "")
        let ms = decisionMs.map { String(format: "%.0f ms", $0) } ?? "-"
        var text = "  \(mark) \(pad(id, 20)) expected \(pad(wanted, 30)) got \(pad(got, 30)) \(ms), read \(framesRead)/\(framesInView) frames"
        for extra in decisions.dropFirst() {
            text += "\n         + \(extra.describe)"
        }
        return text
    }
}

extension SimulationReport.DecisionNote {
    /// "frame 450 (30.0 s): allow — why".
    public var describe: String {
        let what = outcome + (reason.map { " (\($0))" } ?? "") + (repeated ? ", repeated" : "")
        return "frame \(frame) (\(String(format: "%.1f", seconds)) s): \(what) — \(why)"
    }
}

extension SimulationReport {
    /// The lines after the per-visitor ones.
    public var totals: String {
        let pulses = pulseLedger
        var lines = [
            String(format: "visitors %d, false accepts %d, false rejects %d, wrong reasons %d, missed denials %d, stray decisions %d",
                   visitorCount, falseAccepts, falseRejects, wrongReasons, missedDenials, strayDecisions),
        ]
        lines += strays.map { "  stray \($0.describe)" }
        lines.append("\(build) build: " + String(format: "time to decision (first frame in view → decision) p50 %.0f ms p99 %.0f ms; "
                                + "processing (frame → decision) p50 %.2f ms p99 %.2f ms, over the same %d decisions; decode per frame p50 %.2f ms p99 %.2f ms",
                            decisionMsP50, decisionMsP99, frameToDecisionMsP50, frameToDecisionMsP99,
                            visitors.filter { $0.decisionMs != nil }.count, decodeMsP50, decodeMsP99))
        lines.append("records: \(recordsLogged) logged, \(recordsOnServer) on the upstream (\(distinctOnServer) distinct), \(unsyncedAfterDrain) unsynced; zbar agreed \(zbarAgreements)/\(zbarChecks)")
        var ledger = "door pulses \(doorPulses): \(pulses.first) first allow\(pulses.first == 1 ? "" : "s")"
        if pulses.extra > 0 { ledger += " + \(pulses.extra) later allow\(pulses.extra == 1 ? "" : "s") of a visitor already admitted (listed under the visitor)" }
        if pulses.stray > 0 { ledger += " + \(pulses.stray) stray" }
        if unexplainedDoorPulses != 0 { ledger += "; \(unexplainedDoorPulses) not explained by any decision" }
        ledger += "; admitted records \(admittedRecords)" + (admittedRecords == doorPulses ? "" : " (≠ pulses)")
        lines.append(ledger)
        lines.append(String(format: "run: %d frames %dx%d @ %d fps (%.1f s of video) in %.1f s, %.1fx real time, ",
                            frames, width, height, fps, Double(frames) / Double(max(fps, 1)), runSeconds, speedup) + "\(build) build")
        lines.append("sim: \(passed ? "PASSED" : "FAILED")")
        return lines.joined(separator: "\n")
    }

    /// The whole text report: header, every visitor, totals.
    public var text: String {
        (["\(scenario): \(frames) frames \(width)x\(height) @ \(fps) fps"] + visitors.map(\.line) + [totals]).joined(separator: "\n")
    }
}

private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s.padding(toLength: n, withPad: " ", startingAt: 0) }
