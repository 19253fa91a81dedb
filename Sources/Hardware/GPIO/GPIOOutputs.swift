/// A set of output lines requested from one GPIO chip, driven by logical value (`true` = active,
/// whatever the wiring's polarity — active-low is handled by the kernel request).
public protocol GPIOOutputs: AnyObject {
    /// The chip offsets held by this request.
    var offsets: [UInt32] { get }
    /// Drives the given lines; lines not mentioned keep their value.
    func set(_ values: [UInt32: Bool]) throws(HardwareError)
    /// Gives the lines back to the kernel.
    func release()
}

extension GPIOOutputs {
    public func set(_ offset: UInt32, _ value: Bool) throws(HardwareError) { try set([offset: value]) }
}

/// How one request's lines behave electrically.
public struct GPIOLineSettings: Sendable, Equatable {
    public var offsets: [UInt32]
    /// Shown by `gpioinfo` as the owner, so a technician sees which program holds the relay.
    public var consumer: String
    public var activeLow: Bool
    /// Logical value each line takes the moment it is requested (the safe state).
    public var initial: Bool

    public init(offsets: [UInt32], consumer: String, activeLow: Bool = false, initial: Bool = false) {
        self.offsets = offsets; self.consumer = consumer; self.activeLow = activeLow; self.initial = initial
    }
}
