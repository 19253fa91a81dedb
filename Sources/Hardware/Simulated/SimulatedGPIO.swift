/// Output lines that only remember what they were told, stamped with an injected clock: what tests
/// and the simulation assert on ("the relay was active for exactly 3 s").
public final class SimulatedGPIOOutputs<C: Clock>: GPIOOutputs where C.Duration == Duration {
    public struct Event: Sendable, Equatable {
        public var at: Duration
        public var offset: UInt32
        public var value: Bool
    }

    public let offsets: [UInt32]
    public private(set) var events: [Event] = []
    public private(set) var values: [UInt32: Bool]
    public private(set) var isReleased = false
    let clock: C
    let origin: C.Instant

    public init(settings: GPIOLineSettings, clock: C) {
        self.offsets = settings.offsets
        self.clock = clock
        self.origin = clock.now
        self.values = Dictionary(uniqueKeysWithValues: settings.offsets.map { ($0, settings.initial) })
        for offset in settings.offsets { events.append(Event(at: .zero, offset: offset, value: settings.initial)) }
    }

    public func set(_ values: [UInt32: Bool]) throws(HardwareError) {
        guard !isReleased else { throw .released(device: "simulated GPIO") }
        let at = origin.duration(to: clock.now)
        for (offset, value) in values.sorted(by: { $0.key < $1.key }) {
            guard self.values[offset] != nil else { throw .badLine(device: "simulated GPIO", offset: offset, detail: "not requested") }
            self.values[offset] = value
            events.append(Event(at: at, offset: offset, value: value))
        }
    }

    public func release() { isReleased = true }
}
