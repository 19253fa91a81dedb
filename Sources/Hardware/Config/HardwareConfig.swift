import Foundation

/// Pin map and device paths for one kiosk, read from JSON (examples in `hardware/`).
///
/// Why a file and not constants: the same binary drives boards wired differently, and an
/// installer changes a pin without a rebuild.
public struct HardwareConfig: Sendable, Equatable, Codable {
    public enum Backend: String, Sendable, Codable {
        /// /dev/gpiochipN and /dev/i2c-N.
        case linux
        /// Record-only outputs, for simulation and development machines.
        case simulated
    }

    public struct Relay: Sendable, Equatable, Codable {
        public var line: UInt32
        public var activeLow: Bool
        public var pulseMilliseconds: Int
    }

    public struct Buzzer: Sendable, Equatable, Codable {
        public var line: UInt32
    }

    public struct Thermometer: Sendable, Equatable, Codable {
        public var bus: String
        public var settings: MLX90614Settings
    }

    public typealias MLX90614Settings = MLX90614<ContinuousClock>.Settings

    public var backend: Backend
    public var gpioChip: String
    public var consumer: String
    public var relay: Relay
    public var lights: GPIOStatusLights.Lines
    public var lightsActiveLow: Bool
    public var buzzer: Buzzer?
    public var thermometer: Thermometer?

    /// Reads and checks a config file.
    public static func load(path: String) throws(HardwareError) -> HardwareConfig {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .badConfig(path: path, detail: "cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws(HardwareError) -> HardwareConfig {
        let config: HardwareConfig
        do { config = try JSONDecoder().decode(HardwareConfig.self, from: data) } catch let DecodingError.keyNotFound(key, _) {
            throw .badConfig(path: path, detail: "missing key \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .badConfig(path: path, detail: "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw .badConfig(path: path, detail: "not valid JSON")
        }
        try config.validate(path: path)
        return config
    }

    func validate(path: String) throws(HardwareError) {
        var used = [relay.line, lights.green, lights.red, lights.amber]
        if let buzzer { used.append(buzzer.line) }
        guard Set(used).count == used.count else { throw .badConfig(path: path, detail: "two outputs share a GPIO line (\(used))") }
        guard (100...60_000).contains(relay.pulseMilliseconds) else {
            throw .badConfig(path: path, detail: "relay.pulseMilliseconds must be 100…60000, not \(relay.pulseMilliseconds)")
        }
        if let t = thermometer, t.settings.minimumCelsius >= t.settings.maximumCelsius {
            throw .badConfig(path: path, detail: "thermometer minimum must be below maximum")
        }
    }
}
