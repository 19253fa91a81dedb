import Foundation
import Hummingbird
import Kiosk
import ScanLog

/// `GET /dashboard` — the operator's page; `GET /api/status` — the live ``KioskStatus``;
/// `GET /api/aggregates?hours=N` — the scan log's SQL aggregates over the last N hours.
struct DashboardRoutes: Sendable {
    let screens: KioskScreens

    func add(to router: Router<ScreensRequestContext>) {
        let screens = self.screens
        router.get("/dashboard") { _, _ in
            WebJSON.html(DashboardPage.html(venueName: screens.board.venue.name, deviceID: screens.board.deviceID,
                                            hours: screens.options.defaultHours))
        }
        router.get("/api/status") { _, _ in WebJSON.response(await screens.board.snapshot()) }
        router.get("/api/aggregates") { request, _ in
            do throws(ScreensError) {
                let hours = try QueryParameters.integer(
                    request.uri.queryParameters.get("hours"), name: "hours", in: 1...24 * 90, default: screens.options.defaultHours)
                return WebJSON.response(try screens.aggregates(hours: hours))
            } catch {
                return WebJSON.error(error)
            }
        }
    }
}

/// What `/api/aggregates` answers: the dashboard's chart and split, all from SQL.
struct ScanAggregates: Encodable, Sendable {
    struct Outcomes: Encodable, Sendable {
        var accepted: Int
        var denied: Int
        var errors: Int
        var total: Int
    }

    var hours: Int
    var from: Date
    var to: Date
    var bucketSeconds: Int
    var buckets: [ScanBucket]
    var outcomes: Outcomes
    /// Share of scans with a known status that were not green; nil when none had a status.
    var nonGreenRatio: Double?
    var repeatVisits: RepeatVisits
}

extension KioskScreens {
    /// The last `hours` up to now, starting on a 5-minute boundary so the chart's buckets are whole.
    func aggregates(hours: Int) throws(ScreensError) -> ScanAggregates {
        guard let log else { throw .noScanLog }
        let to = board.clock.wallMillis + 1
        let from = (to - Int64(hours) * 3_600_000) / ScanLogStore.bucketMillis * ScanLogStore.bucketMillis
        do {
            let outcomes = try log.outcomeCounts(fromMillis: from, toMillis: to)
            return ScanAggregates(
                hours: hours, from: Self.date(from), to: Self.date(to), bucketSeconds: Int(ScanLogStore.bucketMillis / 1000),
                buckets: try log.scansPerFiveMinutes(fromMillis: from, toMillis: to),
                outcomes: .init(accepted: outcomes.accepted, denied: outcomes.denied, errors: outcomes.errors, total: outcomes.total),
                nonGreenRatio: try log.nonGreenRatio(fromMillis: from, toMillis: to),
                repeatVisits: try log.repeatVisits(fromMillis: from, toMillis: to))
        } catch {
            throw .scanLogUnreadable("\(error)")
        }
    }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
