import Foundation
import Kiosk

/// The text/event-stream framing (WHATWG HTML, "Server-sent events"): one `data:` line of JSON
/// per decision, an `id:` the browser echoes back on reconnect, a blank line to dispatch it.
enum ServerSentEvent {
    /// How long the browser waits before reconnecting after the stream drops (ms).
    static let retryMillis = 1_000

    static func message(_ event: DoorEvent, cursor: EventCursor) -> String {
        // JSONEncoder escapes newlines inside strings, so the payload is one line as SSE requires.
        let json = String(decoding: WebJSON.data(event), as: UTF8.self)
        return "id: \(cursor.text)\ndata: \(json)\n\n"
    }

    /// First bytes of every stream: the reconnect delay and a comment, so the client (and a
    /// test) knows the subscription is in place before any decision is published.
    static let opening = "retry: \(retryMillis)\n: connected\n\n"

    static let heartbeat = ": heartbeat\n\n"
}
