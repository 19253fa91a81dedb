import Foundation
import Hummingbird
import Kiosk

/// `GET /` — the visitor screen; `GET /api/latest` — the newest decision with the server's time,
/// so a screen that opens (or reloads) shows a result that is still fresh and nothing older.
struct VisitorRoutes: Sendable {
    let screens: KioskScreens

    /// What `/api/latest` answers.
    struct Latest: Encodable {
        var now: Date
        var idleSeconds: Int
        var event: DoorEvent?
        /// Pass back as `/events?after=` so the stream does not repeat this event.
        var cursor: String?
    }

    func add(to router: Router<ScreensRequestContext>) {
        let screens = self.screens
        router.get("/") { _, _ in
            WebJSON.html(VisitorPage.html(venueName: screens.board.venue.name, idleSeconds: screens.options.idleSeconds))
        }
        router.get("/api/latest") { _, _ in
            let event = screens.hub.latest
            return WebJSON.response(Latest(
                now: screens.board.clock.date, idleSeconds: screens.options.idleSeconds, event: event,
                cursor: event.map { EventCursor(runID: screens.runID, eventID: $0.id).text }))
        }
    }
}
