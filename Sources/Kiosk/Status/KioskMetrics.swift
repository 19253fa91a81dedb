import ScanLog
import Synchronization

/// Counters and gauges of a running kiosk, for the dashboard and `/metrics`.
///
/// Why a lock and not an actor: the capture loop bumps these on every frame, and a lock costs
/// tens of nanoseconds where an actor hop costs microseconds and a suspension point.
public final class KioskMetrics: Sendable {
    /// Upper bounds (ms) of the decision-latency histogram buckets.
    public static let latencyBucketsMs: [Double] = [1, 2, 5, 10, 15, 25, 50, 100, 250]

    public struct Values: Sendable, Hashable, Codable {
        public var frames = 0
        public var framesWithCodes = 0
        public var droppedFrames = 0
        /// Frames per second over the last `fpsWindow` frames (by frame timestamps).
        public var fps = 0.0
        public var decodeMicrosTotal = 0
        public var decisions = 0
        public var allowed = 0
        public var denied = 0
        public var repeated = 0
        public var reasons: [String: Int] = [:]
        /// Decisions per bucket of `latencyBucketsMs` (each counted once, not cumulative), plus one for +Inf.
        public var latencyBuckets: [Int] = Array(repeating: 0, count: KioskMetrics.latencyBucketsMs.count + 1)
        public var latencyMicrosTotal = 0
        public var zbarChecks = 0
        public var zbarDisagreements = 0
        public var hardwareFaults = 0
        public var lastHardwareFault: String?
        public var logAppendFailures = 0
        public var lastLogFault: String?
        /// Records purged by the last retention run, and expired ones kept because they never synced.
        public var retentionPurged = 0
        public var expiredUnsynced = 0
        public var occupancy = 0
        public var cameraErrors = 0
        public var lastCameraError: String?
    }

    private struct State {
        var values = Values()
        var recentFrameTimes: [Duration] = []
    }

    private let state = Mutex(State())
    static let fpsWindow = 30

    public init() {}

    public var values: Values { state.withLock { $0.values } }

    func recordFrame(at time: Duration, dropped: Int, hadCodes: Bool, decodeMicros: Int) {
        state.withLock { s in
            s.values.frames += 1
            if hadCodes { s.values.framesWithCodes += 1 }
            s.values.droppedFrames = dropped
            s.values.decodeMicrosTotal += decodeMicros
            s.recentFrameTimes.append(time)
            if s.recentFrameTimes.count > Self.fpsWindow { s.recentFrameTimes.removeFirst(s.recentFrameTimes.count - Self.fpsWindow) }
            if let first = s.recentFrameTimes.first, let last = s.recentFrameTimes.last, last > first {
                let seconds = Double((last - first).components.seconds) + Double((last - first).components.attoseconds) / 1e18
                s.values.fps = Double(s.recentFrameTimes.count - 1) / seconds
            }
        }
    }

    func recordDecision(_ event: DoorEvent) {
        state.withLock { s in
            s.values.occupancy = event.occupancy
            if event.repeated {
                s.values.repeated += 1
                return
            }
            s.values.decisions += 1
            if event.outcome == .allow { s.values.allowed += 1 } else { s.values.denied += 1 }
            s.values.reasons[event.message.code, default: 0] += 1
            let ms = Double(event.latencyMicros) / 1000
            let bucket = Self.latencyBucketsMs.firstIndex { ms <= $0 } ?? Self.latencyBucketsMs.count
            s.values.latencyBuckets[bucket] += 1
            s.values.latencyMicrosTotal += event.latencyMicros
        }
    }

    func recordAudit(agrees: Bool) {
        state.withLock { s in
            s.values.zbarChecks += 1
            if !agrees { s.values.zbarDisagreements += 1 }
        }
    }

    func recordHardwareFault(_ description: String) {
        state.withLock { s in
            s.values.hardwareFaults += 1
            s.values.lastHardwareFault = description
        }
    }

    func recordAppendFailure() { state.withLock { $0.values.logAppendFailures += 1 } }

    func recordLogFault(_ description: String) { state.withLock { $0.values.lastLogFault = description } }

    func recordRetention(_ report: RetentionReport) {
        state.withLock { s in
            s.values.retentionPurged += report.purged
            s.values.expiredUnsynced = report.keptUnsynced
        }
    }

    func recordCameraError(_ description: String) {
        state.withLock { s in
            s.values.cameraErrors += 1
            s.values.lastCameraError = description
        }
    }

    func setOccupancy(_ value: Int) { state.withLock { $0.values.occupancy = value } }
}
