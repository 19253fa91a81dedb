/// The door strike (its pulse runs on the caller's executor, so an actor can own a relay). Safe state is *locked* (relay released): a crash, a cancelled pulse or a
/// shutdown must never leave the door open.
public protocol DoorRelay: AnyObject {
    /// Opens the door for `duration`, then locks it again — also when the wait is cancelled.
    nonisolated(nonsending) func pulse(for duration: Duration) async throws(HardwareError)
    /// Locks the door now and releases the line (call on exit).
    func shutdown()
}

/// A relay on one GPIO line; the time comes from an injected clock.
public final class GPIODoorRelay<C: Clock>: DoorRelay where C.Duration == Duration {
    let outputs: any GPIOOutputs
    let line: UInt32
    let clock: C

    /// `outputs` must hold `line`, requested with `initial: false` (locked).
    public init(outputs: any GPIOOutputs, line: UInt32, clock: C) {
        self.outputs = outputs; self.line = line; self.clock = clock
    }

    nonisolated(nonsending) public func pulse(for duration: Duration) async throws(HardwareError) {
        try outputs.set(line, true)
        // Locking again must happen whatever the sleep does; a cancelled sleep still locks.
        try? await clock.sleep(for: duration)
        try outputs.set(line, false)
    }

    public func shutdown() {
        try? outputs.set(line, false)
        outputs.release()
    }
}
