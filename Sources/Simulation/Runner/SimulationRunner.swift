import Capture
import Foundation
import Hardware
import Kiosk
import Passes
import Policy
import ScanLog
import Sync

/// Plays a clip through the whole kiosk — our reader, the verifier with a trust list pulled from
/// an embedded upstream, the venue rules, simulated relay / lights / thermometer, the durable
/// scan log and the upload — on a virtual clock, and compares every decision with the manifest.
///
/// Why sequential, frame by frame: on the virtual clock the frame's timestamp IS the time, so
/// the decision for frame N must be taken before the clock moves to frame N+1. Every part is the
/// production one; only the clock and the hardware backends are simulated.
public struct SimulationRunner: Sendable {
    public struct Options: Sendable {
        /// Scratch space for the scan log and the upstream's database.
        public var workDirectory: URL
        /// Cross-check sampled frames with zbar (as the kiosk does).
        public var audit = true
        public var deviceID = "sim-kiosk-1"
        /// Which build made the figures ("debug", "release"): latencies are printed with it.
        public var build = "unspecified"
        /// Called with each visitor's result as soon as the clip has moved past the visitor, so
        /// a long run shows its progress one line per visitor.
        public var onVisitor: (@Sendable (SimulationReport.VisitorResult) -> Void)?
        public init(workDirectory: URL) { self.workDirectory = workDirectory }
    }

    /// The reader-side debounce window the runner gives the pipeline (the kiosk's default).
    static let debounce: Duration = .milliseconds(1500)

    public let manifest: ExpectedManifest
    public let options: Options

    public init(manifest: ExpectedManifest, options: Options) { self.manifest = manifest; self.options = options }

    /// Runs `source` (a Y4M clip of this manifest, or a `ScenarioSource`) to the end.
    public func run(source: some FrameSource) async throws -> SimulationReport {
        let started = Stopwatch.nanos
        guard source.size.width == manifest.width, source.size.height == manifest.height else {
            throw SimulationError.clipMismatch("frames are \(source.size), the manifest says \(manifest.width)x\(manifest.height)")
        }
        let setup = try SimulationSetup(manifest: manifest)
        let fm = FileManager.default
        try fm.createDirectory(at: options.workDirectory, withIntermediateDirectories: true)
        let upstream = try await EmbeddedUpstream.start(
            directory: options.workDirectory.appendingPathComponent("upstream"), deviceID: options.deviceID, trustList: setup.trustBundle)
        do {
            let report = try await play(source: source, setup: setup, upstream: upstream, started: started)
            await upstream.stop()
            return report
        } catch {
            await upstream.stop()
            throw error
        }
    }

    private func play(source: some FrameSource, setup: SimulationSetup, upstream: EmbeddedUpstream, started: UInt64) async throws -> SimulationReport {
        let logPath = options.workDirectory.appendingPathComponent("scanlog.sqlite").path
        let log = try ScanLogStore(path: logPath)
        let clock = VirtualClock(origin: manifest.start)
        let sync = SyncClient(store: log, configuration: SyncConfiguration(
            baseURL: upstream.baseURL, deviceID: options.deviceID, token: upstream.token))
        let verifier = Verifier(trust: nil)
        let refresh = TrustRefresh(verifier: verifier, rootKey: setup.rootKey.publicKey, log: log, sync: sync)
        guard try await refresh.refresh(now: manifest.start), verifier.trust != nil else {
            throw SimulationError.setup("the kiosk did not install the trust list from the embedded upstream")
        }
        let metrics = KioskMetrics()
        let actuator = try DoorActuator(config: Self.hardware(), clock: clock, metrics: metrics)
        let pipeline = DoorPipeline(
            judge: DoorJudge(verifier: verifier, venue: setup.venue), actuator: actuator, log: log, hub: EventHub(),
            metrics: metrics, clock: clock, deviceID: options.deviceID, debounce: Self.debounce)
        let reader = FrameReader(metrics: metrics)
        let audit = ZBarAudit(metrics: metrics)

        var tallies = manifest.visitors.map(VisitorTally.init)
        var strays: [SimulationReport.DecisionNote] = []
        var zbarChecks = 0, zbarAgreements = 0, frames = 0
        var decodes: [Double] = []
        while let frame = try await source.nextFrame() {
            frames += 1
            let index = Int(frame.sequence)
            clock.advance(to: frame.timestamp)
            let v = tallies.firstIndex { (($0.expectation.firstFrame)...($0.expectation.lastFrame)).contains(index) }
            await actuator.simulate(temperature: v.map { tallies[$0].expectation.temperature })
            let (sighting, sample) = reader.read(frame)
            decodes.append(Double(sighting.decodeMicros) / 1000)
            if let v {
                tallies[v].framesInView += 1
                if !sighting.texts.isEmpty {
                    tallies[v].framesRead += 1
                    if tallies[v].firstReadFrame == nil { tallies[v].firstReadFrame = index }
                }
            }
            let outcomes = await pipeline.handle(sighting)
            // After the decision, as the live kiosk does it in its own task: zbar is not on the door's path.
            if let sample, options.audit {
                zbarChecks += 1
                if audit.check(sample) { zbarAgreements += 1 }
            }
            for outcome in outcomes {
                guard let v else {
                    strays.append(DecisionExplainer.note(
                        outcome, frame: index, seconds: seconds(ofFrame: index), previous: nil, debounceSeconds: debounceSeconds,
                        inView: false))
                    continue
                }
                tallies[v].decisions.append((outcome, index))
            }
            reportFinished(&tallies, through: index)
        }
        reportFinished(&tallies, through: Int.max)
        await source.close()
        // Let the last relay pulse run out on the virtual clock, then lock up.
        clock.advance(by: .seconds(60))
        await actuator.settle()
        let pulses = await actuator.pulses
        await actuator.shutdown()

        _ = try await sync.drain()
        let logged = try log.status(nowMillis: clock.wallMillis)
        let admitted = try log.outcomeCounts(fromMillis: 0, toMillis: .max).accepted
        let server = try await upstream.counts()
        return report(
            tallies: tallies, frames: frames, strays: strays, decodes: decodes,
            zbar: (zbarChecks, zbarAgreements), logged: logged, server: server, pulses: pulses, admitted: admitted, started: started)
    }

    /// Hands every visitor whose last frame is at or before `index` to the progress callback, once.
    private func reportFinished(_ tallies: inout [VisitorTally], through index: Int) {
        for i in tallies.indices where !tallies[i].reported && tallies[i].expectation.lastFrame <= index {
            tallies[i].reported = true
            options.onVisitor?(result(tallies[i]))
        }
    }

    private var debounceSeconds: Double { Double(Self.debounce.components.seconds) + Double(Self.debounce.components.attoseconds) / 1e18 }

    private func seconds(ofFrame index: Int) -> Double { Double(index) / Double(manifest.fps) }

    /// One visitor's verdict: the first decision in view is judged against the expectation,
    /// exactly on the reason (``ExpectedReason/policyReason``); later ones are listed with their cause.
    func result(_ t: VisitorTally) -> SimulationReport.VisitorResult {
        let e = t.expectation
        let fps = Double(manifest.fps)
        let actual = t.decision.map { $0.event.outcome.rawValue } ?? "none"
        let reason = t.decision?.judgement.decision.reason
        let correct = actual == e.decision.rawValue
        let reasonMatches = reason == e.reason?.policyReason
        var decisionMs: Double?
        if let frame = t.decisionFrame, let outcome = t.decision {
            decisionMs = Double(frame - e.firstFrame) / fps * 1000 + Double(outcome.event.latencyMicros) / 1000
        }
        var notes: [SimulationReport.DecisionNote] = []
        for (n, d) in t.decisions.enumerated() {
            notes.append(DecisionExplainer.note(
                d.outcome, frame: d.frame, seconds: seconds(ofFrame: d.frame), previous: n > 0 ? t.decisions[n - 1].outcome : nil,
                debounceSeconds: debounceSeconds, inView: true))
        }
        return SimulationReport.VisitorResult(
            id: e.id, expected: e.decision.rawValue, expectedReason: e.reason?.policyReason.code, actual: actual,
            actualReason: reason?.code, correct: correct, reasonMatches: reasonMatches, decisionMs: decisionMs,
            frameToDecisionMs: t.decision.map { Double($0.event.latencyMicros) / 1000 },
            framesToFirstRead: t.firstReadFrame.map { $0 - e.firstFrame }, framesInView: t.framesInView,
            framesRead: t.framesRead, conditions: e.camera.labels, temperature: e.temperature,
            extraDecisions: max(0, t.decisions.count - 1), decisions: notes)
    }

    private func report(
        tallies: [VisitorTally], frames: Int, strays: [SimulationReport.DecisionNote], decodes: [Double],
        zbar: (Int, Int), logged: LogStatus, server: (rows: Int, distinctIDs: Int), pulses: Int, admitted: Int, started: UInt64
    ) -> SimulationReport {
        let results = tallies.map(result)
        // Both latencies over the same set: each visitor's first decision.
        let decisionTimes = results.compactMap(\.decisionMs)
        let processing = results.compactMap(\.frameToDecisionMs)
        let runSeconds = Double(Stopwatch.nanos - started) / 1e9
        let clipSeconds = Double(manifest.frameCount) / Double(manifest.fps)
        let pulsedDecisions = results.flatMap(\.decisions).filter(\.doorPulse).count + strays.filter(\.doorPulse).count
        var report = SimulationReport(
            scenario: manifest.scenario, build: options.build, frames: frames, width: manifest.width, height: manifest.height,
            fps: manifest.fps, visitors: results, visitorCount: results.count,
            falseAccepts: results.filter { $0.expected == "deny" && $0.actual == "allow" }.count,
            falseRejects: results.filter { $0.expected == "allow" && $0.actual != "allow" }.count,
            wrongReasons: results.filter { $0.correct && !$0.reasonMatches }.count,
            strayDecisions: strays.count, strays: strays,
            decisionMsP50: percentile(decisionTimes, 50), decisionMsP99: percentile(decisionTimes, 99),
            frameToDecisionMsP50: percentile(processing, 50), frameToDecisionMsP99: percentile(processing, 99),
            decodeMsP50: percentile(decodes, 50), decodeMsP99: percentile(decodes, 99),
            zbarChecks: zbar.0, zbarAgreements: zbar.1,
            recordsLogged: logged.total, recordsOnServer: server.rows, distinctOnServer: server.distinctIDs,
            unsyncedAfterDrain: logged.unsynced, doorPulses: pulses, unexplainedDoorPulses: pulses - pulsedDecisions, admittedRecords: admitted,
            runSeconds: runSeconds, speedup: runSeconds > 0 ? clipSeconds / runSeconds : 0, passed: false)
        report.passed = report.meetsTargets
        return report
    }

    /// Simulated relay, lights, buzzer and an MLX90614 on a simulated bus.
    public static func hardware() -> HardwareConfig {
        .simulated(consumer: "threshold-sim", relayPulseMilliseconds: 1500, buzzer: true, thermometer: true)
    }
}
