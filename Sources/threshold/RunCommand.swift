import ArgumentParser
import Capture
import Crypto
import Foundation
import Hardware
import ImageFiles
import Kiosk
import Passes
import Policy
import ScanLog
import Sync

/// `threshold run`: the kiosk. Reads passes from a camera or a recording, decides at the door,
/// drives the relay and lights, logs every decision durably and uploads it when an upstream is
/// configured. SIGTERM or SIGINT: finish the decision in flight, lock the door, exit 0.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the kiosk on a camera, a recorded clip or a folder of images.")

    @Option(name: [.customLong("source"), .customLong("camera")],
            help: "/dev/videoN, clip.y4m, a folder of images, or any file ffmpeg reads.") var source: String
    @Option(help: "Venue configuration (TOML).") var venue: String
    @Option(help: "Hardware configuration (JSON, see hardware/). Default: simulated outputs.") var hardware: String?
    @Option(help: "A signed trust bundle to install (needs --root).") var trust: String?
    @Option(help: "The pinned root public key (Ed25519 PEM) that signs trust bundles.") var root: String?
    @Flag(name: .customLong("allow-trust-rollback"),
          help: "Install --trust even when it is older than the trust list this kiosk already holds (logged; re-admits passes revoked since).")
    var allowTrustRollback = false
    @Option(name: .customLong("key"), help: "Also trust this Threshold issuer public key PEM (repeatable; for tests and rigs).")
    var keys: [String] = []
    @OptionGroup var log: LogPathOption
    @Option(name: .customLong("device-id"), help: "This kiosk's id (default: the host name).") var deviceID: String?
    @Option(help: "Upstream base URL, e.g. http://127.0.0.1:8080 (uploads and trust pulls).") var upstream: String?
    @Option(name: .customLong("token-file"), help: "File holding this device's bearer token for the upstream.") var tokenFile: String?
    @Option(help: "Stop after this many frames (default: until the source ends or SIGTERM).") var frames: Int?
    @Flag(name: .customLong("real-time"), help: "Replay recorded sources at their frame rate.") var realTime = false
    @Option(name: .customLong("recorded-at"),
            help: "Recorded sources: the ISO 8601 time of the first frame. Decisions then use the recording's own timeline (a live pass's proof is only valid when it was shown), not the time of the replay.")
    var recordedAt: String?
    @Flag(help: "Print each decision as a JSON line on stdout.") var json = false
    @OptionGroup var screens: ScreensOptions

    func run() async throws {
        let timeline = try recordedAt.map { VirtualClock(origin: try PassArguments.date($0)) }
        if timeline != nil, SourceSpec.kind(of: source) == .camera { throw ValidationError("--recorded-at is for recordings, not a camera") }
        let now = timeline?.date ?? Date()
        let venueConfig = try Self.loadVenue(venue)
        // Without a hardware file: outputs that only record, for a desk or a recording.
        let hardwareConfig = try hardware.map { path throws(HardwareError) in try HardwareConfig.load(path: path) }
            ?? .simulated(consumer: "threshold-run")
        let device = deviceID ?? ProcessInfo.processInfo.hostName
        let openedLog: (store: ScanLogStore, quarantined: String?)
        do { openedLog = try ScanLogStore.openRecovering(path: log.path, nowMillis: Int64(now.timeIntervalSince1970 * 1000)) } catch {
            throw CommandFailure(.cannotCreate, "\(log.path): cannot open the scan log: \(error)")
        }
        let (store, quarantined) = openedLog
        if let quarantined { FileHandle.standardError.write(Data("run: the scan log was damaged; moved aside to \(quarantined)\n".utf8)) }

        let verifier = Verifier(trust: nil)
        let rootKey = try root.map(Self.rootKey)
        var sync: SyncClient?
        if let upstream {
            guard let tokenFile else { throw ValidationError("--upstream needs --token-file") }
            let token = try FileProblem.text(tokenFile).trimmingCharacters(in: .whitespacesAndNewlines)
            sync = SyncClient(store: store, configuration: SyncConfiguration(baseURL: upstream, deviceID: device, token: token))
        }
        let refresh = rootKey.map { TrustRefresh(verifier: verifier, rootKey: $0, log: store, sync: sync) }
        try installTrust(verifier: verifier, refresh: refresh, now: now)
        if verifier.trust == nil {
            // Not fatal: a kiosk with an upstream gets its list shortly; until then every pass is
            // refused with "kiosk error", never accepted.
            FileHandle.standardError.write(Data("run: no trust list installed yet (give --trust/--root, --key, or an upstream); every pass is refused until one arrives\n".utf8))
        }

        let metrics = KioskMetrics(), hub = EventHub()
        let actuator = try DoorActuator(config: hardwareConfig, clock: ContinuousClock(), metrics: metrics)
        let images = ImageSequenceSource.ImageDecoder(extensions: ["png", "jpg", "jpeg"]) { bytes in try ImageFile.decode(bytes) }
        if let frames, frames <= 0 { throw ValidationError("--frames must be positive") }
        let opened: any FrameSource
        if SourceSpec.kind(of: source) == .camera {
            // An unplugged camera is reopened with backoff; the door keeps its last state meanwhile.
            let device = source
            opened = try ReconnectingSource(clock: ContinuousClock(), backoff: .init(initial: .milliseconds(250), maximum: .seconds(8))) {
                () throws(CaptureError) -> any FrameSource in try V4L2Camera(path: device)
            }
        } else {
            opened = try SourceSpec.open(source, pacing: realTime ? .realTime(ContinuousClock()) : .asFastAsPossible,
                                         imageDecoders: [.pnm, images])
        }
        let timed: any FrameSource = timeline.map { RecordingTimeline(opened, clock: $0) } ?? opened
        let input: any FrameSource = frames.map { LimitedSource(timed, frames: $0) } ?? timed
        let kiosk = Kiosk(metrics: metrics, hub: hub, log: store, sync: sync,
                          notifier: SystemdNotifier.fromEnvironment(ProcessInfo.processInfo.environment))

        let screensServer = try screens.start(hub: hub, board: StatusBoard(
            deviceID: device, venue: venueConfig, metrics: metrics, verifier: verifier, log: store, sync: sync,
            clock: SystemScanClock()))
        let printer = json ? Task { for await event in hub.subscribe() { print(Self.jsonLine(event)); fflush(nil) } } : nil
        let refresher = refresh.flatMap { r in sync.map { _ in Task { await r.run(every: .seconds(600)) } } }
        let run = Task { () async throws -> Void in
            // Built inside the task that owns it: the decision state never crosses threads.
            let pipeline = DoorPipeline(
                judge: DoorJudge(verifier: verifier, venue: venueConfig), actuator: actuator, log: store, hub: hub,
                metrics: metrics, clock: timeline.map { $0 as any ScanClock } ?? SystemScanClock(), deviceID: device)
            try await kiosk.run(source: input, reader: FrameReader(metrics: metrics), pipeline: pipeline, actuator: actuator)
        }
        let signals = SignalTrap(signals: [SIGTERM, SIGINT]) { run.cancel() }
        defer { signals.cancel() }
        let result = await run.result
        refresher?.cancel()
        await printer?.value
        await screensServer?.stop()
        let v = metrics.values
        FileHandle.standardError.write(Data(
            "run: \(v.frames) frames, \(v.decisions) decisions (\(v.allowed) allowed, \(v.denied) denied), \(v.droppedFrames) dropped\n".utf8))
        try result.get()
    }

    func installTrust(verifier: Verifier, refresh: TrustRefresh?, now: Date) throws {
        if let trust {
            guard let refresh else { throw ValidationError("--trust needs --root (the pinned root public key)") }
            let bytes = try FileProblem.data(trust)
            let kept = try refresh.log.trustBundles.latest(.trustList)?.version
            // The kept list first, so the file is checked against it: trust never rolls back
            // unless the operator says so (and then it is logged).
            if !allowTrustRollback { _ = try? refresh.installStored(now: now) }
            do {
                let info = try verifier.installBundle(Array(bytes), rootKey: refresh.rootKey, now: now)
                if allowTrustRollback, let kept, Int(clamping: info.version) < kept {
                    FileHandle.standardError.write(Data(
                        "run: WARNING trust list rolled back from version \(kept) to \(info.version) (--allow-trust-rollback)\n".utf8))
                }
                try refresh.log.trustBundles.save(
                    ScanLog.TrustBundle(kind: .trustList, bytes: bytes, version: Int(clamping: info.version), etag: nil,
                                        fetchedMillis: Int64(now.timeIntervalSince1970 * 1000)),
                    allowingRollback: allowTrustRollback)
            } catch let error as TrustBundleError {
                var hint = ""
                if case .rollback = error { hint = " (--allow-trust-rollback installs it anyway)" }
                throw CommandFailure(.badData, "\(trust): \(error.description)\(hint)")
            } catch let error as ScanLogError {
                throw CommandFailure(.ioError, "\(trust): \(error.description)")
            }
        } else if let refresh {
            do { try refresh.installStored(now: now) } catch {
                FileHandle.standardError.write(Data("run: the stored trust list does not verify (\(error)); waiting for a new one\n".utf8))
            }
        }
        guard !keys.isEmpty else { return }
        // Bundles install as in-memory stores; ad hoc keys join whatever the bundle trusts.
        var store = (verifier.trust as? InMemoryTrustStore) ?? InMemoryTrustStore()
        for file in keys {
            let key = try PassArguments.verificationKey(file: file)
            store.add(TrustedKey(format: .threshold, kid: TrustedKey.kid(for: key), key: key,
                                 issuer: (file as NSString).lastPathComponent, usages: [.thresholdPass]))
        }
        verifier.install(store)
    }

    /// The venue file, or a ``CommandFailure``: missing (66), or every problem as `FILE:LINE: key: message` (78).
    static func loadVenue(_ path: String) throws(CommandFailure) -> VenueConfig {
        let text = try FileProblem.text(path)
        do { return try VenueConfig.parse(text) } catch {
            throw CommandFailure(.config, error.errors.map { "\(path):\($0.line): \($0.key.isEmpty ? "(file)" : $0.key): \($0.message)" }
                .joined(separator: "\n"))
        }
    }

    static func rootKey(_ path: String) throws -> Curve25519.Signing.PublicKey {
        guard case .ed25519(let key) = try PassArguments.verificationKey(file: path) else {
            throw CommandFailure(.badData, "\(path): the root key must be Ed25519")
        }
        return key
    }

    static func jsonLine(_ e: DoorEvent) -> String {
        JSON.object([
            ("id", .int(e.id)), ("outcome", .string(e.outcome.rawValue)), ("screen", .string(e.screen.rawValue)),
            ("reason", .string(e.message.code)), ("scan", .string(e.scan)),
            ("format", e.format.map { .string($0.rawValue) } ?? .null), ("repeated", .int(e.repeated ? 1 : 0)),
            ("occupancy", .int(e.occupancy)), ("latency_ms", .number(Double(e.latencyMicros) / 1000)),
        ]).text
    }
}
