import Foundation
import Passes
import Policy
import ScanLog

/// The decision stage: same-code de-duplication → verify → venue rules → door and lights →
/// screens → durable append. One call per sighting, in order; the camera side never waits for it
/// (see ``Kiosk``).
///
/// Invariant: every decision is recorded, and the relay pulses exactly for the decisions that
/// admit — so relay pulses = admitted records. A code still in view from earlier frames is no
/// decision at all (nothing shown, logged or pulsed); a re-showing of an admitted credential is a
/// decision (anti-passback: "already admitted", a `repeat` record, no pulse).
///
/// Order matters for the visitor and for audit alike: the door is commanded and the screens are
/// told first (that is the "blink"), then the record is made durable. An append that fails
/// (full disk) keeps the record in the store's memory and raises the alarm — the door keeps
/// deciding, and nothing is lost while the process lives.
public final class DoorPipeline {
    public let judge: DoorJudge
    let actuator: DoorActuator?
    let log: ScanLogStore?
    let hub: EventHub
    let metrics: KioskMetrics
    let clock: any ScanClock
    let deviceID: String
    let ids = RecordIDGenerator()
    var debouncer: CodeDebouncer
    private var nextEventID = 1

    public init(
        judge: DoorJudge, actuator: DoorActuator?, log: ScanLogStore?, hub: EventHub, metrics: KioskMetrics,
        clock: any ScanClock, deviceID: String, debounce: Duration? = nil
    ) {
        self.judge = judge; self.actuator = actuator; self.log = log; self.hub = hub; self.metrics = metrics
        self.clock = clock; self.deviceID = deviceID
        self.debouncer = CodeDebouncer(window: debounce ?? .seconds(judge.venue.rules.debounceSeconds))
        metrics.setOccupancy(judge.occupancy)
    }

    /// Decides every new code in `sighting`; codes still in view from earlier frames are skipped.
    @discardableResult
    public func handle(_ sighting: Sighting) async -> [DoorOutcome] {
        let texts = debouncer.admit(sighting.texts, at: sighting.frameTime)
        var outcomes: [DoorOutcome] = []
        for text in texts {
            outcomes.append(await decide(text, sighting: sighting))
        }
        return outcomes
    }

    func decide(_ text: String, sighting: Sighting) async -> DoorOutcome {
        let now = clock.date
        let temperature = await actuator?.temperature(now: now)
        let judgement = judge.judge(text, temperature: temperature, now: now)
        await actuator?.act(on: judgement.decision)
        let latency = Stopwatch.micros(since: sighting.arrivedNanos)
        let event = DoorEvent(
            id: nextEventID, at: now, judgement: judgement, venueName: judge.venue.name, occupancy: judge.occupancy,
            temperature: temperature?.celsius, latencyMicros: latency, decodeMicros: sighting.decodeMicros)
        nextEventID += 1
        hub.publish(event)
        metrics.recordDecision(event)

        let record = ScanRecord(
            verdict: judgement.verdict, deviceID: deviceID, venueID: judge.venue.id, clock: clock, ids: ids,
            temperature: temperature?.celsius, decodeMicros: sighting.decodeMicros,
            verifyMicros: judgement.verifyMicros, rule: judgement.rule)
        if let log {
            do { try log.append(record) } catch { metrics.recordAppendFailure() }
        }
        return DoorOutcome(judgement: judgement, event: event, record: record, frameSequence: sighting.sequence)
    }

    /// An exit (sensor or staff button): occupancy down by one.
    public func exit() {
        judge.exit(now: clock.date)
        metrics.setOccupancy(judge.occupancy)
    }
}

/// Everything one decision produced, for the simulator's report and for tests.
public struct DoorOutcome: Sendable, Hashable {
    public var judgement: Judgement
    public var event: DoorEvent
    /// The record made of it (every decision has one; its `admitted` is the relay's pulse).
    public var record: ScanRecord
    public var frameSequence: UInt64
}
