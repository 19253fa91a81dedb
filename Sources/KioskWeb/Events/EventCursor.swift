/// The SSE event id: `<run>.<event id>`. A browser sends the last one back (`Last-Event-ID` on
/// reconnect, `?after=` on first connect) and is not sent that event again — but only within the
/// same run: after a kiosk restart the ids start at 1 again and must not be skipped.
struct EventCursor: Sendable, Hashable {
    var runID: String
    var eventID: Int

    var text: String { "\(runID).\(eventID)" }

    init(runID: String, eventID: Int) { self.runID = runID; self.eventID = eventID }

    /// Nil for anything that is not a cursor (ignored: the stream then starts with the latest event).
    init?(_ text: String?) {
        guard let text, let dot = text.lastIndex(of: "."), let id = Int(text[text.index(after: dot)...]) else { return nil }
        runID = String(text[..<dot])
        eventID = id
    }

    /// Whether the browser already has the event with `id` of run `runID`.
    func covers(_ id: Int, runID: String) -> Bool { self.runID == runID && id <= eventID }
}
