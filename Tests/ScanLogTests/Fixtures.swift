import TestSupport
import Foundation
import Passes
@testable import ScanLog


/// A clock the test moves by hand.
final class ManualClock: ScanClock, @unchecked Sendable {
    private let lock = NSLock()
    private var wall: Int64
    private var mono: UInt64 = 1_000
    init(wallMillis: Int64) { wall = wallMillis }
    var wallMillis: Int64 { lock.withLock { wall } }
    var monotonicNanos: UInt64 { lock.withLock { mono } }
    func advance(millis: Int64) { lock.withLock { wall += millis; mono += UInt64(max(0, millis)) * 1_000_000 } }
    func set(wallMillis: Int64) { lock.withLock { wall = wallMillis } }
}

/// 2026-11-21T00:00:00Z
let day0: Int64 = 1_795_219_200_000
let dayMillis: Int64 = 86_400_000

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scanlog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Builds varied, realistic records: a fixed device and venue, digests derived from `visitor`.
struct RecordFactory {
    let clock: ManualClock
    let ids: RecordIDGenerator
    var venue = "venue-1"
    var device = "kiosk-7"

    init(startMillis: Int64 = day0, seed: UInt64 = 42) {
        clock = ManualClock(wallMillis: startMillis)
        ids = RecordIDGenerator(rng: SeededRNG(seed: seed))
    }

    func digest(visitor: Int) -> String {
        var rng = SeededRNG(seed: UInt64(visitor) &+ 1)
        return (0..<4).map { _ in String(format: "%016llx", rng.next()) }.joined()
    }

    func make(
        visitor: Int, outcome: Verdict.Outcome = .accept, reason: DenyReason? = nil,
        status: HealthStatus? = .green, venue: String? = nil
    ) -> ScanRecord {
        let verdict = Verdict(
            outcome: outcome, reason: reason, format: .threshold, issuer: "did:web:health.example",
            kid: "k1-\(visitor % 3)", status: status,
            display: MaskedDisplay(name: "S*", idTail: "***\(1000 + visitor % 9000)"),
            tokenDigest: digest(visitor: visitor))
        var r = ScanRecord(
            verdict: verdict, deviceID: device, venueID: venue ?? self.venue, clock: clock, ids: ids,
            temperature: visitor % 2 == 0 ? 36.6 : nil, decodeMicros: 1200 + visitor, verifyMicros: 300,
            rule: outcome == .accept && visitor % 7 == 3 ? "fever" : nil)
        r.venueID = venue ?? self.venue
        return r
    }
}
