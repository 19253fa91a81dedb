import Hummingbird
import Kiosk

/// `GET /events` — Server-Sent Events, one `data:` line per decision, written the moment the hub
/// publishes it.
///
/// Why one writer loop fed by a stream: the response writer is not shareable between tasks, and
/// both decisions and heartbeats must go through it. The heartbeat also finds a vanished browser:
/// the write fails and the subscription ends. The stream ends when the hub finishes (kiosk
/// shutdown), which lets the server shut down gracefully instead of waiting on open screens.
struct EventStreamRoute: Sendable {
    let screens: KioskScreens

    func add(to router: Router<ScreensRequestContext>) {
        let screens = self.screens
        router.get("/events") { request, _ in
            // `Last-Event-ID` is what EventSource sends on reconnect; `?after=` is the page's first connect.
            let lastEventID = request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
            let after = EventCursor(lastEventID) ?? EventCursor(request.uri.queryParameters.get("after"))
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in try await screens.stream(after: after, to: &writer) })
        }
    }
}

extension KioskScreens {
    /// Writes the event stream until the hub finishes or the client goes away.
    func stream(after: EventCursor?, to writer: inout any ResponseBodyWriter) async throws {
        let (chunks, input) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(32))
        let events = hub.subscribe()
        let runID = self.runID, heartbeat = options.heartbeat
        let feeder = Task {
            for await event in events where !(after?.covers(event.id, runID: runID) ?? false) {
                input.yield(ServerSentEvent.message(event, cursor: EventCursor(runID: runID, eventID: event.id)))
            }
            input.finish()
        }
        let beater = Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: heartbeat) } catch { return }
                input.yield(ServerSentEvent.heartbeat)
            }
        }
        defer {
            feeder.cancel()
            beater.cancel()
        }
        try await writer.write(ByteBuffer(string: ServerSentEvent.opening))
        for await chunk in chunks {
            try await writer.write(ByteBuffer(string: chunk))
        }
        try await writer.finish(nil)
    }
}
