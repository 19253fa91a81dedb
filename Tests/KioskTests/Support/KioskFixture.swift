import Capture
import Crypto
import Foundation
import Hardware
import Imaging
import Kiosk
import Passes
import Policy
import QRCode
import ScanLog

/// A small door for tests: one trusted issuer, a venue with a temperature rule and required holder
/// proofs, simulated hardware on a virtual clock, and a scan log in a temporary file.
struct KioskFixture {
    static let start = Date(timeIntervalSince1970: 1_795_500_000)  // 2026-11-22
    let issuerKey = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
    let forgerKey = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
    let issuer: ThresholdPassIssuer
    let verifier: Verifier
    let venue: VenueConfig
    let clock = VirtualClock(origin: KioskFixture.start)
    let metrics = KioskMetrics()
    let hub = EventHub()
    let log: ScanLogStore
    let logPath: String

    init(revoked: [[UInt8]] = [], capacity: Int? = nil) throws {
        issuer = ThresholdPassIssuer(key: issuerKey, issuer: "Test Health")
        let revocations = RevocationList(entries: revoked.map { (RevocationKind.credentialID, RevocationHash(identifier: $0)) })
        verifier = Verifier(trust: InMemoryTrustStore(keys: [issuer.trustedKey()], revocations: revocations))
        var rules = VenueConfig.Rules()
        rules.requireProof = true
        rules.statuses = [.green, .yellow]
        var temperature = VenueConfig.Temperature()
        temperature.thresholdCelsius = 37.3
        temperature.whenMissing = .deny
        rules.temperature = temperature
        if let capacity { rules.capacity = VenueConfig.Capacity(maximum: capacity) }
        venue = VenueConfig(id: "hall-a", name: "测试大厅 Hall A", rules: rules, doorPulseMilliseconds: 800)
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString).sqlite").path
        log = try ScanLogStore(path: logPath)
    }

    func actuator() throws -> DoorActuator {
        let config = HardwareConfig.simulated(consumer: "test", relayPulseMilliseconds: 1000, thermometer: true)
        return try DoorActuator(config: config, clock: clock, metrics: metrics)
    }

    func pipeline(actuator: DoorActuator?) -> DoorPipeline {
        DoorPipeline(judge: DoorJudge(verifier: verifier, venue: venue), actuator: actuator, log: log, hub: hub,
                     metrics: metrics, clock: clock, deviceID: "test-kiosk")
    }

    /// A holder's live pass text at `date` (proof for this venue unless `venueID` says otherwise).
    func passText(
        status: HealthStatus = .green, credentialID: [UInt8] = Array(UUID().uuidString.utf8.prefix(16)),
        signer: SigningKey? = nil, holder: SigningKey = .ed25519(Curve25519.Signing.PrivateKey()),
        at date: Date, venueID: String = "hall-a"
    ) throws -> String {
        let pass = ThresholdPass(
            issuer: "Test Health", subject: "holder", credentialID: credentialID, issuedAt: Self.start.addingTimeInterval(-3600),
            notBefore: nil, expires: Self.start.addingTimeInterval(86_400), status: status, doses: 2,
            display: MaskedDisplay(name: "王*", idTail: "1234"), holderKey: holder.publicKey)
        let credential = try ThresholdPassIssuer(key: signer ?? issuerKey, issuer: "Test Health").issue(pass)
        return try HolderProof.make(credential: credential, holderKey: holder, at: date, venueID: venueID)
    }

    /// A sighting of `texts` at `seconds` into the run.
    static func sighting(_ texts: [String], at seconds: Double, sequence: UInt64 = 0) -> Sighting {
        Sighting(sequence: sequence, frameTime: .milliseconds(Int64(seconds * 1000)), arrivedNanos: Stopwatch.nanos,
                 texts: texts, decodeMicros: 500)
    }

    /// A 640×480 frame showing `text` as a QR code (white elsewhere).
    static func frame(showing text: String?) throws -> GrayBuffer {
        var frame = GrayBuffer(width: 640, height: 480, fill: 200)
        guard let text else { return frame }
        let code = try QREncoder.encode(text, ecLevel: .M).render(moduleSize: 4, quietZone: 4)
        Synthesis.place(code, into: &frame, quad: Synthesis.quad(center: Point(x: 320, y: 240), width: Double(code.width),
                                                                  height: Double(code.height), degrees: 0))
        return frame
    }
}

/// Frames from memory, in order, stamped at `fps`.
final class BufferSource: FrameSource {
    let buffers: [GrayBuffer]
    let fps: Int
    private var next = 0
    private var current: UnsafeMutablePointer<UInt8>

    init(_ buffers: [GrayBuffer], fps: Int = 15) {
        self.buffers = buffers
        self.fps = fps
        current = .allocate(capacity: max(1, (buffers.first?.width ?? 1) * (buffers.first?.height ?? 1)))
    }

    deinit { current.deallocate() }

    var size: FrameSize { FrameSize(width: buffers.first?.width ?? 0, height: buffers.first?.height ?? 0) }

    func nextFrame() async throws(CaptureError) -> Frame? {
        guard next < buffers.count else { return nil }
        let buffer = buffers[next]
        buffer.pixels.withUnsafeBufferPointer { current.update(from: $0.baseAddress!, count: $0.count) }
        defer { next += 1 }
        return Frame(image: GrayImage(base: UnsafePointer(current), width: buffer.width, height: buffer.height, stride: buffer.width),
                     sequence: UInt64(next), timestamp: .milliseconds(Int64(next * 1000 / fps)), dropped: 0)
    }

    func close() async {}
}
