import ArgumentParser
import Foundation
import Hardware

/// `threshold hardware test --config FILE [--pulse-ms N] [--read-temperature] [--hold-ms N]`
struct HardwareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hardware", abstract: "The door's outputs and sensors.", subcommands: [HardwareTestCommand.self])
}

/// For installers (and the HIL rig): opens the door hardware a config describes — every line in
/// its safe state — pulses the relay and/or reads the thermometer, and prints one JSON line:
/// `{"backend", "relay": {"line", "pulse_ms", "elapsed_ms"} | {"error"}, "temperature":
/// {"celsius"} | {"error"}}`. While pulsing it tells stderr `relay: line N high` / `low`, so
/// whoever meters the relay knows when to look. Exit status 1 when a step failed.
struct HardwareTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Pulse the door relay and/or read the thermometer of a hardware config.")

    @Option(name: .long, help: "Hardware config (JSON, see hardware/kiosk.json).") var config: String
    @Option(name: .customLong("pulse-ms"), help: "Open the door for this many milliseconds (1…60000).") var pulseMilliseconds: Int?
    @Flag(name: .customLong("read-temperature"), help: "Read the thermometer once.") var readTemperature = false
    @Option(name: .customLong("hold-ms"), help: "Keep the lines requested (locked) this long before exiting, for inspection.")
    var holdMilliseconds = 0

    func validate() throws {
        if let ms = pulseMilliseconds, !(1...60_000).contains(ms) { throw ValidationError("--pulse-ms must be 1…60000") }
        guard (0...600_000).contains(holdMilliseconds) else { throw ValidationError("--hold-ms must be 0…600000") }
        guard pulseMilliseconds != nil || readTemperature else { throw ValidationError("nothing to test: give --pulse-ms and/or --read-temperature") }
    }

    func run() async throws {
        let settings: HardwareConfig
        let door: DoorHardware
        do { settings = try HardwareConfig.load(path: config) } catch {
            throw CommandFailure(FileManager.default.fileExists(atPath: config) ? .config : .noInput,
                                 FileManager.default.fileExists(atPath: config) ? error.description : "\(config): no such file")
        }
        do { door = try DoorHardware.open(settings, clock: ContinuousClock()) } catch {
            throw CommandFailure(.unavailable, error.description)
        }
        defer { door.shutdown() }
        var fields: [(String, JSON)] = [("backend", .string(settings.backend.rawValue))]
        var failed = false
        if let ms = pulseMilliseconds {
            let line = settings.relay.line
            note("relay: line \(line) high for \(ms) ms")
            let start = ContinuousClock.now
            do {
                try await door.relay.pulse(for: .milliseconds(ms))
                let elapsed = start.duration(to: .now)
                note("relay: line \(line) low")
                fields.append(("relay", .object([("line", .int(Int(line))), ("pulse_ms", .int(ms)),
                                                 ("elapsed_ms", .int(Int(elapsed / .milliseconds(1))))])))
            } catch {
                failed = true
                fields.append(("relay", .object([("error", .string(error.description))])))
            }
        }
        if readTemperature {
            if let thermometer = door.thermometer {
                do {
                    let reading = try thermometer.measure()
                    fields.append(("temperature", .object([("celsius", .number((reading.celsius * 100).rounded() / 100))])))
                } catch {
                    failed = true
                    fields.append(("temperature", .object([("error", .string(error.description))])))
                }
            } else {
                failed = true
                fields.append(("temperature", .object([("error", .string("the config has no thermometer"))])))
            }
        }
        if holdMilliseconds > 0 {
            note("holding the lines for \(holdMilliseconds) ms")
            try? await Task.sleep(for: .milliseconds(holdMilliseconds))
        }
        print(JSON.object(fields).text)
        if failed { throw ExitCode(1) }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
