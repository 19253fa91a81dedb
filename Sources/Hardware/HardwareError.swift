#if canImport(Glibc)
import Glibc
#endif

/// What can go wrong at the door's electrical side, each with a sentence a technician can act on.
public enum HardwareError: Error, Equatable, CustomStringConvertible {
    /// A device node could not be opened or an ioctl on it failed.
    case system(device: String, operation: String, errno: Int32)
    /// A line offset outside the chip, or the same line claimed twice.
    case badLine(device: String, offset: UInt32, detail: String)
    /// An I2C reply whose packet error code (CRC-8) does not match: electrical noise on the bus.
    case checksumMismatch(device: String, expected: UInt8, got: UInt8)
    /// The sensor flagged its own reading as invalid.
    case sensorFault(device: String, raw: UInt16)
    /// A temperature outside the plausible range for a person at a door.
    case implausibleTemperature(celsius: Double, range: ClosedRange<Double>)
    /// The last valid reading is older than the allowed age (or there is none).
    case staleReading(ageMilliseconds: Int?)
    /// A configuration file that cannot be used.
    case badConfig(path: String, detail: String)
    /// The device was released already.
    case released(device: String)
    /// The bus cannot do what the device needs (e.g. PEC on an SMBus adapter without it).
    case unsupported(device: String, detail: String)

    public var description: String {
        switch self {
        case .system(let d, let op, let e):
            return "\(d): \(op) failed: \(String(cString: strerror(e))) (errno \(e))."
        case .badLine(let d, let o, let detail): return "\(d) line \(o): \(detail)."
        case .checksumMismatch(let d, let e, let g):
            return "\(d): the reply checksum is 0x\(String(g, radix: 16)), expected 0x\(String(e, radix: 16)); check the I2C wiring."
        case .sensorFault(let d, let raw): return "\(d): the sensor flagged its reading 0x\(String(raw, radix: 16)) as invalid."
        case .implausibleTemperature(let c, let r):
            return "A reading of \(c) °C is outside \(r.lowerBound)…\(r.upperBound) °C; the sensor is probably not pointed at a person."
        case .staleReading(let age):
            return age.map { "The last valid temperature is \($0) ms old." } ?? "No valid temperature has been read yet."
        case .badConfig(let p, let detail): return "Hardware config \(p): \(detail)."
        case .released(let d): return "\(d) has already been released."
        case .unsupported(let d, let detail): return "\(d): \(detail)."
        }
    }

    static func errno(_ device: String, _ operation: String) -> HardwareError {
        .system(device: device, operation: operation, errno: Glibc.errno)
    }
}
