#if canImport(Glibc)
import Glibc
#endif
import CGPIO

/// Output lines held through the GPIO character device (`/dev/gpiochipN`, uAPI v2).
///
/// Why the character device and not sysfs: sysfs GPIO is deprecated, leaves lines exported when a
/// process dies, and has no owner name. A line request is tied to a file descriptor — if the kiosk
/// crashes the kernel releases the lines — and `gpioinfo` shows our consumer name.
public final class LinuxGPIOOutputs: GPIOOutputs {
    public let offsets: [UInt32]
    let device: String
    private var lineFD: Int32

    /// Requests `settings.offsets` as outputs on `chip`, driven to `settings.initial` at once.
    public init(chip: String, settings: GPIOLineSettings) throws(HardwareError) {
        var request = try GPIORequestEncoding.lineRequest(settings, device: chip)
        let chipFD = open(chip, O_RDWR | O_CLOEXEC)
        guard chipFD >= 0 else { throw .errno(chip, "open") }
        defer { Glibc.close(chipFD) }
        guard ioctl(chipFD, THRESHOLD_GPIO_V2_GET_LINE_IOCTL, &request) >= 0 else {
            throw .errno(chip, "GPIO_V2_GET_LINE_IOCTL(\(settings.offsets))")
        }
        self.offsets = settings.offsets
        self.device = chip
        self.lineFD = request.fd
    }

    deinit { release() }

    public func set(_ values: [UInt32: Bool]) throws(HardwareError) {
        guard lineFD >= 0 else { throw .released(device: device) }
        var encoded = try GPIORequestEncoding.values(values, offsets: offsets, device: device)
        guard ioctl(lineFD, THRESHOLD_GPIO_V2_LINE_SET_VALUES_IOCTL, &encoded) >= 0 else {
            throw .errno(device, "GPIO_V2_LINE_SET_VALUES_IOCTL")
        }
    }

    public func release() {
        guard lineFD >= 0 else { return }
        Glibc.close(lineFD)
        lineFD = -1
    }
}
