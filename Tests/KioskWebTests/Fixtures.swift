import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Kiosk
import KioskWeb
import Passes
import Policy
import ScanLog
import XCTest

/// A kiosk without a camera: real verifier trusting a fresh issuer key, real venue rules, a real
/// scan log in a temporary file and a virtual clock. Scans go through the real ``DoorPipeline``.
final class Door {
    static let venueTOML = """
        [venue]
        id = "riverside-test"
        name = "河畔商场 <B&C> \\"东门\\""
        address = "88 Riverside Road"
        type = "retail"

        [rules]
        formats = ["threshold"]
        statuses = ["green"]
        max_trust_age_hours = 24
        debounce_seconds = 5
        """

    let directory: URL
    let clock: VirtualClock
    let venue: VenueConfig
    let store: ScanLogStore
    let hub = EventHub()
    let metrics = KioskMetrics()
    let verifier: Verifier
    let issuer = ThresholdPassIssuer(key: .ed25519(Curve25519.Signing.PrivateKey()), issuer: "Test issuer")
    let forger = ThresholdPassIssuer(key: .ed25519(Curve25519.Signing.PrivateKey()), issuer: "Test issuer")
    let pipeline: DoorPipeline
    let board: StatusBoard
    private var sequence: UInt64 = 0

    /// 2026-11-21T10:00:00Z.
    static let origin = Date(timeIntervalSince1970: 1_795_255_200)

    init(trustIssuedAt: Date? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskweb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock = VirtualClock(origin: Self.origin)
        venue = try VenueConfig.parse(Self.venueTOML)
        store = try ScanLogStore(path: directory.appendingPathComponent("scanlog.sqlite").path)
        verifier = Verifier(trust: InMemoryTrustStore(
            keys: [issuer.trustedKey()], bundleInfo: TrustBundleInfo(version: 7, issuedAt: trustIssuedAt ?? Self.origin)))
        pipeline = DoorPipeline(judge: DoorJudge(verifier: verifier, venue: venue), actuator: nil, log: store, hub: hub,
                                metrics: metrics, clock: clock, deviceID: "door-1")
        board = StatusBoard(deviceID: "door-1", venue: venue, metrics: metrics, verifier: verifier, log: store, sync: nil, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func screens(idleSeconds: Int = 8) -> KioskScreens {
        var options = KioskScreens.Options()
        options.idleSeconds = idleSeconds
        options.operatorCredential = testOperatorCredential
        return KioskScreens(hub: hub, board: board, options: options)
    }

    /// A phone showing a pass (with its live holder proof) to the camera; returns the event shown.
    @discardableResult
    func scan(status: HealthStatus = .green, name: String = "张*", idTail: String = "3721", forged: Bool = false) async throws -> DoorEvent {
        sequence += 1
        clock.advance(by: .seconds(10))
        let holder = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
        let pass = ThresholdPass(
            issuer: "Test issuer", subject: "visitor-\(sequence)", credentialID: ThresholdPassIssuer.newCredentialID(),
            issuedAt: clock.date.addingTimeInterval(-3600), expires: clock.date.addingTimeInterval(86_400), status: status,
            doses: 2, display: MaskedDisplay(name: name, idTail: idTail), holderKey: holder.publicKey)
        let credential = try (forged ? forger : issuer).issue(pass)
        let text = try HolderProof.make(credential: credential, holderKey: holder, at: clock.date, venueID: venue.id)
        let outcomes = await pipeline.handle(Sighting(
            sequence: sequence, frameTime: .seconds(Int64(sequence) * 60), arrivedNanos: Stopwatch.nanos, texts: [text],
            decodeMicros: 0))
        return try XCTUnwrap(outcomes.first?.event)
    }

    /// Runs `body` against the screens' router without sockets.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: screens().router()).test(.router, body)
    }
}

/// The operator's token in these tests, and what the kiosk stores of it.
let testOperatorToken = String(repeating: "5e", count: 32)
let testOperatorCredential = try! OperatorCredential(stored: OperatorCredential.storedForm(of: testOperatorToken))
/// What an operator's client sends to the protected screens.
let operatorHeaders: HTTPFields = [.authorization: "Bearer \(testOperatorToken)"]

func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
}
