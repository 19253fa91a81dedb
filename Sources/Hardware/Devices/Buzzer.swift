/// A tone sequence: alternating on and off durations, starting with on.
public struct BuzzerPattern: Sendable, Equatable {
    public var steps: [Duration]
    public init(_ steps: [Duration]) { self.steps = steps }

    public static let accepted = BuzzerPattern([.milliseconds(120)])
    public static let rejected = BuzzerPattern([.milliseconds(150), .milliseconds(100), .milliseconds(150), .milliseconds(100), .milliseconds(150)])
}

/// The buzzer.
public protocol Buzzer: AnyObject {
    nonisolated(nonsending) func sound(_ pattern: BuzzerPattern) async throws(HardwareError)
    func shutdown()
}

/// An active buzzer on one GPIO line; silent whenever a pattern ends or is cancelled.
public final class GPIOBuzzer<C: Clock>: Buzzer where C.Duration == Duration {
    let outputs: any GPIOOutputs
    let line: UInt32
    let clock: C

    public init(outputs: any GPIOOutputs, line: UInt32, clock: C) {
        self.outputs = outputs; self.line = line; self.clock = clock
    }

    nonisolated(nonsending) public func sound(_ pattern: BuzzerPattern) async throws(HardwareError) {
        for (i, step) in pattern.steps.enumerated() {
            try outputs.set(line, i % 2 == 0)
            do { try await clock.sleep(for: step) } catch { break }
        }
        try outputs.set(line, false)
    }

    public func shutdown() {
        try? outputs.set(line, false)
        outputs.release()
    }
}
