/// What the LEDs beside the camera say to the visitor.
public enum LightSignal: String, Sendable, CaseIterable, Codable {
    case off, ready, granted, denied, fault
}

/// Status LEDs.
public protocol StatusLights: AnyObject {
    func show(_ signal: LightSignal) throws(HardwareError)
    /// Switches everything off and releases the lines.
    func shutdown()
}

/// Green / red / amber LEDs on GPIO lines. Amber marks "ready" and "fault" blinks are the
/// kiosk's business; this only sets steady states.
public final class GPIOStatusLights: StatusLights {
    public struct Lines: Sendable, Equatable, Codable {
        public var green: UInt32
        public var red: UInt32
        public var amber: UInt32
        public init(green: UInt32, red: UInt32, amber: UInt32) { self.green = green; self.red = red; self.amber = amber }
    }

    let outputs: any GPIOOutputs
    let lines: Lines

    public init(outputs: any GPIOOutputs, lines: Lines) { self.outputs = outputs; self.lines = lines }

    /// The logical value of each line for a signal.
    public func pattern(_ signal: LightSignal) -> [UInt32: Bool] {
        let (g, r, a): (Bool, Bool, Bool)
        switch signal {
        case .off: (g, r, a) = (false, false, false)
        case .ready: (g, r, a) = (false, false, true)
        case .granted: (g, r, a) = (true, false, false)
        case .denied: (g, r, a) = (false, true, false)
        case .fault: (g, r, a) = (false, true, true)
        }
        return [lines.green: g, lines.red: r, lines.amber: a]
    }

    public func show(_ signal: LightSignal) throws(HardwareError) { try outputs.set(pattern(signal)) }

    public func shutdown() {
        try? show(.off)
        outputs.release()
    }
}
