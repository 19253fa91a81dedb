import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import XCTest
@testable import Upstream

/// A clock the test moves.
final class TestClock: UpstreamClock {
    let value = NIOLockedValueBox<Int64>(1_795_219_200_000)
    var nowMillis: Int64 { value.withLockedValue { $0 } }
    func advance(_ ms: Int64) { value.withLockedValue { $0 += ms } }
}

/// A server over a fresh SQLite store with one kiosk, one revoked kiosk and one operator.
struct Bench {
    let directory: URL
    let store: SQLiteRecordStore
    let clock = TestClock()
    let server: UpstreamServer
    let kiosk: String
    let revoked: String
    let admin: String

    static func make(limits: UpstreamLimits = UpstreamLimits()) async throws -> Bench {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("upstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteRecordStore(path: StoreLocation.sqlitePath(directory))
        let kiosk = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: store)
        let revoked = try await UpstreamServer.addDevice(id: "kiosk-2", role: .device, store: store)
        _ = try await store.revokeDevice(id: "kiosk-2")
        let admin = try await UpstreamServer.addDevice(id: "ops", role: .admin, store: store)
        return Bench(directory: directory, store: store, limits: limits, kiosk: kiosk, revoked: revoked, admin: admin)
    }

    private init(directory: URL, store: SQLiteRecordStore, limits: UpstreamLimits, kiosk: String, revoked: String, admin: String) {
        self.directory = directory; self.store = store; self.kiosk = kiosk; self.revoked = revoked; self.admin = admin
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = UpstreamServer(store: store, dataDirectory: directory, limits: limits, clock: clock, logger: logger)
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router, body)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

/// A record as a kiosk would send it.
func recordJSON(_ n: Int, device: String = "kiosk-1", venue: String = "venue-1", wallMillis: Int64? = nil, issuer: String = "did:web:health.example") -> [String: Any] {
    let id = String(format: "0192d1f0-%04x-7%03x-8000-%012x", n >> 12 & 0xFFFF, n & 0xFFF, n)
    let digest = String(repeating: String(format: "%02x", n % 256), count: 32)
    return [
        "id": id, "device_id": device, "venue_id": venue, "wall_ms": wallMillis ?? (1_795_219_200_000 + Int64(n) * 1000),
        "mono_ns": 5_000 + n, "outcome": n % 3 == 0 ? "deny" : "accept", "reason": n % 3 == 0 ? "expired" : NSNull(),
        "format": "threshold", "issuer": issuer, "kid": "k1", "status": "green", "token_digest": digest,
        "display": ["name": "S*", "idTail": "***1234"], "temperature": 36.5, "decode_us": 1200, "verify_us": 300,
    ].compactMapValues { $0 is NSNull ? nil : $0 }
}

func batchBody(_ records: [[String: Any]]) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["records": records]))
}

func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
}
