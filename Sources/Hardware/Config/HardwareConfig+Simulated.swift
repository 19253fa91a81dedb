extension HardwareConfig {
    /// Record-only outputs on the pin map of `hardware/simulated.json` (relay 17, lights 22/27/23,
    /// buzzer 24), optionally with an MLX90614 on a simulated bus: what `threshold run` uses when no
    /// hardware file is given, what the simulator drives, and what tests open.
    public static func simulated(
        consumer: String, relayPulseMilliseconds: Int = 3000, buzzer: Bool = false, thermometer: Bool = false
    ) -> HardwareConfig {
        HardwareConfig(
            backend: .simulated, gpioChip: "/dev/gpiochip-sim", consumer: consumer,
            relay: Relay(line: 17, activeLow: false, pulseMilliseconds: relayPulseMilliseconds),
            lights: GPIOStatusLights.Lines(green: 22, red: 27, amber: 23), lightsActiveLow: false,
            buzzer: buzzer ? Buzzer(line: 24) : nil,
            thermometer: thermometer ? Thermometer(bus: "simulated-i2c", settings: MLX90614Settings()) : nil)
    }
}
