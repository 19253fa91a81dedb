import Foundation
import Markup

/// `report.html`: the run at a glance — totals, a latency histogram and the read rate by camera
/// condition as inline SVG, and the per-visitor table. One self-contained file, no scripts.
extension SimulationReport {
    public func html() -> String {
        let verdict = passed ? "<b class=ok>PASSED</b>" : "<b class=bad>FAILED</b>"
        var page = """
            <!doctype html><html lang="en"><meta charset="utf-8"><title>Threshold simulation — \(Markup.escape(scenario))</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse}
            td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}.ok{color:#0a6b2a}.bad{color:#b00020}
            svg{background:#fafafa;border:1px solid #ddd;margin:0 1em 1em 0}</style>
            <h1>Simulation: \(Markup.escape(scenario)) \(verdict)</h1>
            <p>\(frames) frames, \(width)×\(height) @ \(fps) fps, \(visitorCount) visitors; run took \(fmt(runSeconds)) s
            (\(fmt(speedup))× real time). Timing figures are from a <b>\(Markup.escape(build))</b> build.</p>
            <table><tr><th>false accepts</th><td>\(falseAccepts)</td><th>false rejects</th><td>\(falseRejects)</td>
            <th>wrong reasons</th><td>\(wrongReasons)</td><th>stray decisions</th><td>\(strayDecisions)</td></tr>
            <tr><th>time to decision p50 / p99 (first frame in view → decision)</th><td>\(fmt(decisionMsP50)) / \(fmt(decisionMsP99)) ms</td>
            <th>processing p50 / p99 (frame → decision, same decisions)</th><td>\(fmt(frameToDecisionMsP50)) / \(fmt(frameToDecisionMsP99)) ms</td>
            <th>decode per frame p50 / p99</th><td>\(fmt(decodeMsP50)) / \(fmt(decodeMsP99)) ms</td>
            <th>zbar agreement</th><td>\(zbarAgreements)/\(zbarChecks)</td></tr>
            <tr><th>records logged</th><td>\(recordsLogged)</td><th>on server (distinct)</th><td>\(recordsOnServer) (\(distinctOnServer))</td>
            <th>unsynced after drain</th><td>\(unsyncedAfterDrain)</td><th>door pulses</th><td>\(doorPulses)</td></tr></table>
            <p>\(Markup.escape(pulseSentence))</p>
            <h2>Time to decision</h2>
            """
        page += histogram(visitors.compactMap(\.decisionMs), title: "ms from first frame in view to decision", unit: "visitors")
        page += "<h2>Read rate by condition</h2>" + readRates()
        page += "<h2>Visitors</h2><table><tr><th>id</th><th>expected</th><th>actual</th><th>decision ms</th>"
            + "<th>frames to first read</th><th>read / in view</th><th>conditions</th></tr>"
        for v in visitors {
            let mark = v.correct && v.reasonMatches ? "ok" : "bad"
            page += "<tr class=\(mark)><td>\(Markup.escape(v.id))</td><td>\(Markup.escape(v.expected)) \(Markup.escape(v.expectedReason ?? ""))</td>"
                + "<td>\(Markup.escape(v.actual)) \(Markup.escape(v.actualReason ?? ""))</td><td>\(v.decisionMs.map(fmt) ?? "—")</td>"
                + "<td>\(v.framesToFirstRead.map(String.init) ?? "—")</td><td>\(v.framesRead) / \(v.framesInView)</td>"
                + "<td>\(Markup.escape(v.conditions.joined(separator: ", ")))</td></tr>"
            for extra in v.decisions.dropFirst() {
                page += "<tr><td></td><td colspan=6>later decision: \(Markup.escape(extra.describe))</td></tr>"
            }
        }
        for stray in strays {
            page += "<tr class=bad><td>(no visitor)</td><td colspan=6>stray decision: \(Markup.escape(stray.describe))</td></tr>"
        }
        return page + "</table></html>\n"
    }

    /// Door pulses by cause, in one sentence.
    var pulseSentence: String {
        let p = pulseLedger
        var text = "Door pulses \(doorPulses): \(p.first) for visitors' first allow decisions"
        if p.extra > 0 { text += ", \(p.extra) for later allow decisions of visitors already admitted (see the visitor rows)" }
        if p.stray > 0 { text += ", \(p.stray) for stray decisions" }
        if unexplainedDoorPulses != 0 { text += "; \(unexplainedDoorPulses) not explained by any decision" }
        return text + "."
    }

    /// Bars over 8 equal-width bins, with a count axis on the left and the bin edges below.
    func histogram(_ values: [Double], title: String, unit: String) -> String {
        guard let maxValue = values.max(), maxValue > 0 else { return "<p>No decisions.</p>" }
        let bins = 8, w = 480.0, h = 200.0, left = 44.0
        let step = maxValue / Double(bins)
        var counts = Array(repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int(v / step))] += 1 }
        let top = max(1, counts.max() ?? 1)
        var svg = "<svg width=\(Int(left + w + 40)) height=\(Int(h + 50)) role=img aria-label=\"\(Markup.escape(title))\">"
        // Count axis: a tick and a label at every whole count (at most 5 of them).
        let tickStep = max(1, Int((Double(top) / 5).rounded(.up)))
        svg += "<line x1=\(fmt(left)) y1=0 x2=\(fmt(left)) y2=\(fmt(h + 10)) stroke=#555></line>"
        for tick in stride(from: 0, through: top, by: tickStep) {
            let y = 10 + h - Double(tick) / Double(top) * h
            svg += "<line x1=\(fmt(left - 4)) y1=\(fmt(y)) x2=\(fmt(left)) y2=\(fmt(y)) stroke=#555></line>"
                + "<text x=\(fmt(left - 8)) y=\(fmt(y + 4)) font-size=10 text-anchor=end>\(tick)</text>"
        }
        svg += "<text x=10 y=\(fmt(10 + h / 2)) font-size=11 transform=\"rotate(-90 10 \(fmt(10 + h / 2)))\" text-anchor=middle>\(Markup.escape(unit))</text>"
        for (i, c) in counts.enumerated() {
            let bw = w / Double(bins), bh = Double(c) / Double(top) * h
            let x = left + Double(i) * bw
            svg += "<rect x=\(fmt(x + 2)) y=\(fmt(10 + h - bh)) width=\(fmt(bw - 4)) height=\(fmt(bh)) fill=#2f6fb0>"
                + "<title>\(fmt(Double(i) * step))–\(fmt(Double(i + 1) * step)) ms: \(c) \(Markup.escape(unit))</title></rect>"
            if c > 0 { svg += "<text x=\(fmt(x + bw / 2)) y=\(fmt(6 + h - bh)) font-size=10 text-anchor=middle>\(c)</text>" }
            svg += "<text x=\(fmt(x + 2)) y=\(Int(h + 24)) font-size=10>\(fmt(Double(i) * step))</text>"
        }
        return svg + "<text x=\(fmt(left)) y=\(Int(h + 44)) font-size=12>\(Markup.escape(title))</text></svg>"
    }

    /// Horizontal bars: frames read / frames in view, per condition label.
    func readRates() -> String {
        var totals: [String: (read: Int, seen: Int)] = [:]
        for v in visitors {
            for label in v.conditions {
                totals[label, default: (0, 0)].read += v.framesRead
                totals[label, default: (0, 0)].seen += v.framesInView
            }
        }
        let rows = totals.sorted { $0.key < $1.key }
        guard !rows.isEmpty else { return "<p>No frames in view.</p>" }
        let rowH = 22.0, w = 480.0
        var svg = "<svg width=\(Int(w + 220)) height=\(Int(Double(rows.count) * rowH + 10)) role=img aria-label=\"read rate by condition\">"
        for (i, row) in rows.enumerated() {
            let rate = row.value.seen > 0 ? Double(row.value.read) / Double(row.value.seen) : 0
            let y = Double(i) * rowH + 4
            svg += "<text x=0 y=\(fmt(y + 14)) font-size=12>\(Markup.escape(row.key))</text>"
                + "<rect x=150 y=\(fmt(y)) width=\(fmt(rate * w)) height=\(fmt(rowH - 6)) fill=#3a9d5d></rect>"
                + "<text x=\(fmt(155 + rate * w)) y=\(fmt(y + 14)) font-size=11>\(fmt(rate * 100))%</text>"
        }
        return svg + "</svg>"
    }
}

private func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
