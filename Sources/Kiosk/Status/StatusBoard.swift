import Foundation
import Passes
import Policy
import ScanLog
import Sync

/// Everything the operator dashboard shows at one moment.
public struct KioskStatus: Sendable, Hashable, Codable {
    public var deviceID: String
    public var venueID: String
    public var venueName: String
    public var now: Date
    public var startedAt: Date
    public var metrics: KioskMetrics.Values
    public var outboxDepth: Int?
    public var oldestUnsyncedSeconds: Double?
    public var heldInMemory: Int?
    public var databaseBytes: UInt64?
    public var diskAlarm: Bool
    /// Records the upstream refused one by one: kept on this kiosk only (an alarm when non-zero).
    public var rejectedRecords: Int?
    public var uploadRejectAlarm: Bool
    /// The last refused record and the upstream's reason, since this kiosk started.
    public var lastRejection: String?
    public var lastSyncAt: Date?
    public var syncDelivered: Int?
    public var syncFailures: Int?
    public var lastSyncError: String?
    public var trustVersion: UInt64?
    public var trustIssuedAt: Date?
    public var trustAgeSeconds: Double?
    public var trustStale: Bool
}

/// Gathers a ``KioskStatus`` from the live parts; what the web layer polls.
public struct StatusBoard: Sendable {
    public let deviceID: String
    public let venue: VenueConfig
    public let metrics: KioskMetrics
    public let verifier: Verifier
    public let log: ScanLogStore?
    public let sync: SyncClient?
    public let clock: any ScanClock
    public let startedAt: Date

    public init(deviceID: String, venue: VenueConfig, metrics: KioskMetrics, verifier: Verifier, log: ScanLogStore?,
                sync: SyncClient?, clock: any ScanClock) {
        self.deviceID = deviceID; self.venue = venue; self.metrics = metrics; self.verifier = verifier
        self.log = log; self.sync = sync; self.clock = clock; startedAt = clock.date
    }

    public func snapshot() async -> KioskStatus {
        let now = clock.date
        let logStatus = try? log?.status(nowMillis: clock.wallMillis)
        let stats = await sync?.stats
        let info = verifier.trust?.bundleInfo
        let age = info.map { now.timeIntervalSince($0.issuedAt) }
        return KioskStatus(
            deviceID: deviceID, venueID: venue.id, venueName: venue.name, now: now, startedAt: startedAt,
            metrics: metrics.values, outboxDepth: logStatus?.unsynced, oldestUnsyncedSeconds: logStatus?.oldestUnsyncedAgeSeconds,
            heldInMemory: logStatus?.heldInMemory, databaseBytes: logStatus?.databaseBytes,
            diskAlarm: logStatus?.isAlarm ?? false,
            rejectedRecords: logStatus?.rejected, uploadRejectAlarm: logStatus?.isUploadAlarm ?? false,
            lastRejection: stats?.lastRejection,
            lastSyncAt: stats?.lastSuccessMillis.map { Date(timeIntervalSince1970: Double($0) / 1000) },
            syncDelivered: stats?.delivered, syncFailures: stats?.failures, lastSyncError: stats?.lastError.map { "\($0)" },
            trustVersion: info?.version, trustIssuedAt: info?.issuedAt, trustAgeSeconds: age,
            trustStale: age.map { $0 > Double(venue.rules.maxTrustAgeHours) * 3600 } ?? false)
    }
}
