import Foundation
import Hardware
import Policy

/// The kiosk's hands: relay, lights, buzzer and thermometer, owned by one actor because the
/// device handles are not thread-safe and a relay pulse outlives the call that started it.
///
/// Nothing here can hold up a decision: the pulse and the "back to ready" light run in their
/// own tasks; a hardware error is counted and shown as a fault light, never thrown at the door
/// logic (the decision and its record stand whether or not the strike answered).
public actor DoorActuator {
    let hardware: DoorHardware
    let metrics: KioskMetrics
    /// Present when the thermometer is simulated, so a runner can set what it measures.
    let simulatedBus: SimulatedI2CBus?
    let thermometerAddress: UInt8
    let sleep: @Sendable (Duration) async throws -> Void
    /// How long the result stays on the LEDs before they return to "ready".
    let resultHold: Duration
    private var pulseTask: Task<Void, Never>?
    private var lightsTask: Task<Void, Never>?
    public private(set) var pulses = 0

    /// Opens the configured devices in their safe state. With the simulated backend the
    /// thermometer (if configured) reads from an in-memory bus that `simulate(temperature:)` sets.
    public init<C: Clock>(config: HardwareConfig, clock: C, metrics: KioskMetrics, resultHold: Duration = .seconds(3))
    throws(HardwareError) where C.Duration == Duration {
        let bus: SimulatedI2CBus? = config.backend == .simulated && config.thermometer != nil ? SimulatedI2CBus(name: "simulated-i2c") : nil
        hardware = try DoorHardware.open(config, clock: clock, simulatedI2C: bus)
        simulatedBus = bus
        thermometerAddress = config.thermometer?.settings.address ?? 0x5A
        self.metrics = metrics
        self.resultHold = resultHold
        sleep = { duration in try await clock.sleep(for: duration) }
        try hardware.lights.show(.ready)
    }

    /// Shows the decision and, on an allow, pulses the door for `decision.doorPulseMilliseconds`
    /// (or the hardware default). Returns at once.
    public func act(on decision: Decision) {
        let granted = decision.outcome == .allow
        do { try hardware.lights.show(granted ? .granted : .denied) } catch { fault(error) }
        if granted {
            pulses += 1
            let length = decision.doorPulseMilliseconds > 0 ? Duration.milliseconds(decision.doorPulseMilliseconds) : hardware.pulse
            pulseTask?.cancel()  // a pulse in progress locks on cancel; the new one opens again
            pulseTask = Task { await self.pulse(length) }
        }
        if hardware.buzzer != nil, !decision.repeated {
            Task { await self.beep(granted ? .accepted : .rejected) }
        }
        lightsTask?.cancel()
        let hold = resultHold, sleep = self.sleep
        lightsTask = Task {
            guard (try? await sleep(hold)) != nil, !Task.isCancelled else { return }
            self.showReady()
        }
    }

    /// The thermometer's fresh reading, or nil (no sensor, stale, implausible, bus error).
    public func temperature(now: Date) -> Policy.TemperatureReading? {
        guard let thermometer = hardware.thermometer else { return nil }
        do {
            let reading = try thermometer.measure()
            return Policy.TemperatureReading(celsius: reading.celsius, takenAt: now)
        } catch {
            metrics.recordHardwareFault("thermometer: \(error)")
            return nil
        }
    }

    public var hasThermometer: Bool { hardware.thermometer != nil }

    /// Sets what the simulated thermometer measures (nil: nobody in front of it — the bus NACKs).
    public func simulate(temperature celsius: Double?) {
        guard let bus = simulatedBus else { return }
        guard let celsius else {
            bus.registers[thermometerAddress] = nil
            return
        }
        let raw = MLX90614<ContinuousClock>.raw(celsius: celsius)
        let lo = UInt8(raw & 0xFF), hi = UInt8(raw >> 8)
        let register = MLX90614<ContinuousClock>.objectTemperatureRegister
        let pec = smbusPEC([thermometerAddress << 1, register, thermometerAddress << 1 | 1, lo, hi])
        bus.registers[thermometerAddress] = [register: [lo, hi, pec]]
    }

    /// Door locked, lights and buzzer off, lines released.
    public func shutdown() async {
        pulseTask?.cancel()
        lightsTask?.cancel()
        await pulseTask?.value
        hardware.shutdown()
    }

    /// Waits for a pulse in progress (tests, simulation end).
    public func settle() async { await pulseTask?.value }

    private func pulse(_ length: Duration) async {
        do { try await hardware.relay.pulse(for: length) } catch { fault(error) }
    }

    private func beep(_ pattern: BuzzerPattern) async {
        guard let buzzer = hardware.buzzer else { return }
        do { try await buzzer.sound(pattern) } catch { fault(error) }
    }

    private func showReady() {
        do { try hardware.lights.show(.ready) } catch { fault(error) }
    }

    private func fault(_ error: HardwareError) {
        metrics.recordHardwareFault("\(error)")
        try? hardware.lights.show(.fault)
    }
}
