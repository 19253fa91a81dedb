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
            (\(fmt(speedup))× real time).</p>
            <table><tr><th>false accepts</th><td>\(falseAccepts)</td><th>false rejects</th><td>\(falseRejects)</td>
            <th>wrong reasons</th><td>\(wrongReasons)</td><th>stray decisions</th><td>\(strayDecisions)</td></tr>
            <tr><th>decision p50 / p99</th><td>\(fmt(decisionMsP50)) / \(fmt(decisionMsP99)) ms</td>
            <th>frame→decision p50 / p99</th><td>\(fmt(frameToDecisionMsP50)) / \(fmt(frameToDecisionMsP99)) ms</td>
            <th>decode p50 / p99</th><td>\(fmt(decodeMsP50)) / \(fmt(decodeMsP99)) ms</td>
            <th>zbar agreement</th><td>\(zbarAgreements)/\(zbarChecks)</td></tr>
            <tr><th>records logged</th><td>\(recordsLogged)</td><th>on server (distinct)</th><td>\(recordsOnServer) (\(distinctOnServer))</td>
            <th>unsynced after drain</th><td>\(unsyncedAfterDrain)</td><th>door pulses</th><td>\(doorPulses)</td></tr></table>
            <h2>Time to decision</h2>
            """
        page += histogram(visitors.compactMap(\.decisionMs), title: "ms from first frame in view to decision")
        page += "<h2>Read rate by condition</h2>" + readRates()
        page += "<h2>Visitors</h2><table><tr><th>id</th><th>expected</th><th>actual</th><th>decision ms</th>"
            + "<th>frames to first read</th><th>read / in view</th><th>conditions</th></tr>"
        for v in visitors {
            let mark = v.correct && v.reasonMatches ? "ok" : "bad"
            page += "<tr class=\(mark)><td>\(Markup.escape(v.id))</td><td>\(Markup.escape(v.expected)) \(Markup.escape(v.expectedReason ?? ""))</td>"
                + "<td>\(Markup.escape(v.actual)) \(Markup.escape(v.actualReason ?? ""))</td><td>\(v.decisionMs.map(fmt) ?? "—")</td>"
                + "<td>\(v.framesToFirstRead.map(String.init) ?? "—")</td><td>\(v.framesRead) / \(v.framesInView)</td>"
                + "<td>\(Markup.escape(v.conditions.joined(separator: ", ")))</td></tr>"
        }
        return page + "</table></html>\n"
    }

    /// Bars over 8 equal-width bins.
    func histogram(_ values: [Double], title: String) -> String {
        guard let maxValue = values.max(), maxValue > 0 else { return "<p>No decisions.</p>" }
        let bins = 8, w = 480.0, h = 200.0
        let step = maxValue / Double(bins)
        var counts = Array(repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int(v / step))] += 1 }
        let top = Double(counts.max() ?? 1)
        var svg = "<svg width=\(Int(w)) height=\(Int(h + 40)) role=img aria-label=\"\(Markup.escape(title))\">"
        for (i, c) in counts.enumerated() {
            let bw = w / Double(bins), bh = Double(c) / top * h
            svg += "<rect x=\(fmt(Double(i) * bw + 2)) y=\(fmt(h - bh)) width=\(fmt(bw - 4)) height=\(fmt(bh)) fill=#2f6fb0>"
                + "<title>\(fmt(Double(i) * step))–\(fmt(Double(i + 1) * step)) ms: \(c)</title></rect>"
            svg += "<text x=\(fmt(Double(i) * bw + 4)) y=\(Int(h + 15)) font-size=10>\(fmt(Double(i) * step))</text>"
        }
        return svg + "<text x=4 y=\(Int(h + 34)) font-size=12>\(Markup.escape(title))</text></svg>"
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
