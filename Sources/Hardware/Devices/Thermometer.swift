/// One valid temperature reading.
public struct TemperatureReading: Sendable, Equatable {
    public var celsius: Double
    /// When it was read, on the thermometer's clock, from its creation.
    public var at: Duration
}

/// A contact-free thermometer aimed at the visitor.
public protocol Thermometer: AnyObject {
    /// Reads the sensor now; a reading outside the plausible range is an error, not a value.
    func measure() throws(HardwareError) -> TemperatureReading
    /// The last valid reading if it is fresh enough; otherwise ``HardwareError/staleReading(ageMilliseconds:)``.
    func latest() throws(HardwareError) -> TemperatureReading
}

/// Melexis MLX90614 over SMBus: object temperature in RAM register 0x07, 0.02 K per bit,
/// little-endian, bit 15 set = error flag, followed by a PEC byte.
public final class MLX90614<C: Clock>: Thermometer where C.Duration == Duration {
    public struct Settings: Sendable, Equatable, Codable {
        public var address: UInt8
        public var checkPEC: Bool
        public var minimumCelsius: Double
        public var maximumCelsius: Double
        public var staleAfterMilliseconds: Int

        public init(address: UInt8 = 0x5A, checkPEC: Bool = true, minimumCelsius: Double = 20, maximumCelsius: Double = 45,
                    staleAfterMilliseconds: Int = 2000) {
            self.address = address; self.checkPEC = checkPEC; self.minimumCelsius = minimumCelsius
            self.maximumCelsius = maximumCelsius; self.staleAfterMilliseconds = staleAfterMilliseconds
        }
    }

    public static var objectTemperatureRegister: UInt8 { 0x07 }

    let bus: any I2CBus
    let settings: Settings
    let clock: C
    let origin: C.Instant
    private var last: TemperatureReading?

    public init(bus: any I2CBus, settings: Settings = Settings(), clock: C) {
        self.bus = bus; self.settings = settings; self.clock = clock; self.origin = clock.now
    }

    public func measure() throws(HardwareError) -> TemperatureReading {
        let raw = try readRaw()
        guard raw & 0x8000 == 0 else { throw .sensorFault(device: bus.name, raw: raw) }
        let celsius = Double(raw) * 0.02 - 273.15
        let range = settings.minimumCelsius...settings.maximumCelsius
        guard range.contains(celsius) else { throw .implausibleTemperature(celsius: (celsius * 100).rounded() / 100, range: range) }
        let reading = TemperatureReading(celsius: celsius, at: origin.duration(to: clock.now))
        last = reading
        return reading
    }

    /// The register word: one combined transfer whose PEC we check ourselves where the adapter
    /// speaks plain I2C; the SMBus read-word command otherwise, PEC checked by the adapter — or
    /// refused when it cannot, rather than silently reading without the check the config asks for.
    private func readRaw() throws(HardwareError) -> UInt16 {
        let register = Self.objectTemperatureRegister
        guard bus.supportsCombinedTransfers else {
            if settings.checkPEC && !bus.supportsPEC {
                throw .unsupported(device: bus.name, detail: "this SMBus adapter cannot check PEC; set checkPEC to false to read without it")
            }
            return try bus.readWord(address: settings.address, command: register, pec: settings.checkPEC)
        }
        let reply = try bus.transfer(address: settings.address, write: [register], readCount: 3)
        guard reply.count == 3 else { throw .system(device: bus.name, operation: "short read", errno: 5) }
        if settings.checkPEC {
            let expected = smbusPEC([settings.address << 1, register, settings.address << 1 | 1, reply[0], reply[1]])
            guard expected == reply[2] else { throw .checksumMismatch(device: bus.name, expected: expected, got: reply[2]) }
        }
        return UInt16(reply[0]) | UInt16(reply[1]) << 8
    }

    public func latest() throws(HardwareError) -> TemperatureReading {
        guard let last else { throw .staleReading(ageMilliseconds: nil) }
        let age = origin.duration(to: clock.now) - last.at
        guard age <= .milliseconds(settings.staleAfterMilliseconds) else {
            throw .staleReading(ageMilliseconds: Int(age.components.seconds * 1000 + age.components.attoseconds / 1_000_000_000_000_000))
        }
        return last
    }

    /// The raw register value a sensor would report for `celsius` (tests, simulation).
    public static func raw(celsius: Double) -> UInt16 { UInt16(((celsius + 273.15) / 0.02).rounded()) }
}
