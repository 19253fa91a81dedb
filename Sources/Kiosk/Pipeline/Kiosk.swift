import Capture
import Foundation
import Hardware
import ScanLog
import Sync

/// A running kiosk: the camera loop, the decision stage, the zbar audit, housekeeping and the
/// upload, as one structured task tree that ends when the frame source ends or the task is
/// cancelled (SIGTERM).
///
/// Why two stages joined by a one-slot "newest wins" stream: the camera loop must never wait for
/// a decision (a slow disk or a relay must not make frames pile up in the driver), and a decision
/// must always be about what is in front of the camera now — so a sighting that the decision
/// stage had no time for is replaced by the newer one, never queued behind it.
public struct Kiosk: Sendable {
    public struct Options: Sendable {
        /// How many undecided sightings may wait. 1 for a live camera (newest wins).
        public var sightingBuffer: Int = 1
        /// Housekeeping period: retention purge, disk check, held-record retry.
        public var housekeeping: Duration = .seconds(60)
        /// Upload period when the outbox is empty.
        public var syncIdle: Duration = .seconds(5)
        public init() {}
    }

    public let metrics: KioskMetrics
    public let hub: EventHub
    public let log: ScanLogStore?
    public let sync: SyncClient?
    public let notifier: SystemdNotifier?
    public let options: Options

    public init(metrics: KioskMetrics, hub: EventHub, log: ScanLogStore?, sync: SyncClient?, notifier: SystemdNotifier?,
                options: Options = Options()) {
        self.metrics = metrics; self.hub = hub; self.log = log; self.sync = sync; self.notifier = notifier
        self.options = options
    }

    /// Runs until `source` ends or the task is cancelled; then drains the decisions already
    /// taken, locks the door and returns. Camera errors end the run with the error (the caller,
    /// or systemd, decides about restarting; `ReconnectingSource` already retries unplugs).
    public func run(
        source: some FrameSource, reader: FrameReader, pipeline: sending DoorPipeline, actuator: DoorActuator?
    ) async throws(CaptureError) {
        let (sightings, sightingInput) = AsyncStream.makeStream(
            of: Sighting.self, bufferingPolicy: .bufferingNewest(max(1, options.sightingBuffer)))
        let (audits, auditInput) = AsyncStream.makeStream(of: AuditSample.self, bufferingPolicy: .bufferingNewest(1))
        let audit = ZBarAudit(metrics: metrics)
        // Not cancelled with the run: it ends when the camera loop finishes the stream, so the
        // decision in flight completes, shows and is logged before the door is locked.
        let decisions = Task { [pipeline] in
            for await sighting in sightings { await pipeline.handle(sighting) }
        }
        // Also drained, not cancelled: at most one zbar run (~30 ms) stands between stop and exit.
        let auditing = Task { for await sample in audits { audit.check(sample) } }
        let options = self.options, sync = self.sync
        let background = Task { [self] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.housekeeping() }
                if let sync { group.addTask { await sync.run(idle: options.syncIdle) } }
                await group.waitForAll()
            }
        }
        let failure = await cameraLoop(source: source, reader: reader, sightings: sightingInput, audits: auditInput)
        sightingInput.finish()
        auditInput.finish()
        await decisions.value
        await auditing.value
        background.cancel()
        await background.value
        try? notifier?.stopping()
        await actuator?.shutdown()
        await source.close()
        hub.finish()
        if let failure { throw failure }
    }

    private func cameraLoop(
        source: some FrameSource, reader: FrameReader, sightings: AsyncStream<Sighting>.Continuation,
        audits: AsyncStream<AuditSample>.Continuation
    ) async -> CaptureError? {
        var announced = false
        var lastWatchdog = Stopwatch.nanos
        let watchdogNanos = notifier?.watchdogInterval.map { UInt64($0.components.seconds) * 500_000_000 } ?? 0
        while !Task.isCancelled {
            let frame: Frame?
            do { frame = try await source.nextFrame() } catch {
                if Task.isCancelled { return nil }
                metrics.recordCameraError("\(error)")
                return error
            }
            guard let frame else { return nil }
            let (sighting, sample) = reader.read(frame)
            if !sighting.texts.isEmpty { sightings.yield(sighting) }
            if let sample { audits.yield(sample) }
            if !announced {
                announced = true
                try? notifier?.ready()
            }
            // Half the watchdog interval: a hung camera stops these and systemd restarts us.
            if watchdogNanos > 0, Stopwatch.nanos - lastWatchdog >= watchdogNanos {
                lastWatchdog = Stopwatch.nanos
                try? notifier?.watchdog()
            }
        }
        return nil
    }

    /// Every `options.housekeeping`: purge synced records past retention (at most hourly), retry
    /// records held in memory after a full disk; expired records kept because they never synced
    /// show on the dashboard.
    private func housekeeping() async {
        let retention = log.map { RetentionScheduler(store: $0) }
        while !Task.isCancelled {
            if let log, let retention {
                do {
                    if let report = try retention.runIfDue() { metrics.recordRetention(report) }
                } catch {
                    metrics.recordLogFault("retention purge: \(error)")
                }
                if log.heldInMemory > 0 { _ = try? log.retryHeld() }
            }
            try? await Task.sleep(for: options.housekeeping)
        }
    }
}
