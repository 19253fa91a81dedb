/// The outputs of one door, built from a ``HardwareConfig``: real lines or simulated ones.
public struct DoorHardware {
    public let relay: any DoorRelay
    public let lights: any StatusLights
    public let buzzer: (any Buzzer)?
    public let thermometer: (any Thermometer)?
    public let pulse: Duration

    public init(relay: any DoorRelay, lights: any StatusLights, buzzer: (any Buzzer)?, thermometer: (any Thermometer)?, pulse: Duration) {
        self.relay = relay; self.lights = lights; self.buzzer = buzzer; self.thermometer = thermometer; self.pulse = pulse
    }

    /// Opens the configured devices. Every line is requested in its safe state (relay locked,
    /// lights and buzzer off). `simulatedI2C` backs the thermometer when the backend is simulated.
    public static func open<C: Clock>(_ config: HardwareConfig, clock: C, simulatedI2C: SimulatedI2CBus? = nil) throws(HardwareError) -> DoorHardware
    where C.Duration == Duration {
        func outputs(_ offsets: [UInt32], activeLow: Bool) throws(HardwareError) -> any GPIOOutputs {
            let settings = GPIOLineSettings(offsets: offsets, consumer: config.consumer, activeLow: activeLow, initial: false)
            switch config.backend {
            case .linux: return try LinuxGPIOOutputs(chip: config.gpioChip, settings: settings)
            case .simulated: return SimulatedGPIOOutputs(settings: settings, clock: clock)
            }
        }
        let relay = GPIODoorRelay(outputs: try outputs([config.relay.line], activeLow: config.relay.activeLow),
                                  line: config.relay.line, clock: clock)
        let l = config.lights
        let lights = GPIOStatusLights(outputs: try outputs([l.green, l.red, l.amber], activeLow: config.lightsActiveLow), lines: l)
        var buzzer: (any Buzzer)?
        if let b = config.buzzer { buzzer = GPIOBuzzer(outputs: try outputs([b.line], activeLow: false), line: b.line, clock: clock) }
        var thermometer: (any Thermometer)?
        if let t = config.thermometer {
            let bus: any I2CBus
            switch config.backend {
            case .linux: bus = try LinuxI2CBus(path: t.bus)
            case .simulated: bus = simulatedI2C ?? SimulatedI2CBus(name: t.bus)
            }
            let settings = MLX90614<C>.Settings(address: t.settings.address, checkPEC: t.settings.checkPEC,
                                                minimumCelsius: t.settings.minimumCelsius, maximumCelsius: t.settings.maximumCelsius,
                                                staleAfterMilliseconds: t.settings.staleAfterMilliseconds)
            thermometer = MLX90614(bus: bus, settings: settings, clock: clock)
        }
        return DoorHardware(relay: relay, lights: lights, buzzer: buzzer, thermometer: thermometer,
                            pulse: .milliseconds(config.relay.pulseMilliseconds))
    }

    /// Safe state on exit: door locked, lights and buzzer off, lines released.
    public func shutdown() {
        relay.shutdown()
        lights.shutdown()
        buzzer?.shutdown()
    }
}
