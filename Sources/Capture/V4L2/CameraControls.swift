#if canImport(Glibc)
import Glibc
#endif
import CV4L2

/// Picture controls worth setting at a door: fixed exposure against a bright street behind the
/// visitor, fixed focus at arm's length, and mains frequency against fluorescent flicker.
/// `nil` leaves the driver's setting alone; a control the camera does not offer is skipped.
public struct CameraControls: Sendable, Equatable {
    public enum PowerLine: Int32, Sendable { case disabled = 0, hz50 = 1, hz60 = 2 }

    /// Manual exposure in the driver's units (100 µs for UVC); turns auto-exposure off.
    public var exposure: Int32?
    /// Manual focus in the driver's units; turns autofocus off.
    public var focus: Int32?
    public var autoFocus: Bool?
    public var powerLine: PowerLine?

    public init(exposure: Int32? = nil, focus: Int32? = nil, autoFocus: Bool? = nil, powerLine: PowerLine? = nil) {
        self.exposure = exposure; self.focus = focus; self.autoFocus = autoFocus; self.powerLine = powerLine
    }

    /// The (control id, value) writes in order; auto modes before manual values.
    var writes: [(id: UInt32, value: Int32, name: String)] {
        var out = [(id: UInt32, value: Int32, name: String)]()
        if let exposure {
            out.append((THRESHOLD_CID_EXPOSURE_AUTO, Int32(V4L2_EXPOSURE_MANUAL.rawValue), "exposure_auto"))
            out.append((THRESHOLD_CID_EXPOSURE_ABSOLUTE, exposure, "exposure_absolute"))
        }
        if let autoFocus { out.append((THRESHOLD_CID_FOCUS_AUTO, autoFocus ? 1 : 0, "focus_auto")) }
        if let focus {
            out.append((THRESHOLD_CID_FOCUS_AUTO, 0, "focus_auto"))
            out.append((THRESHOLD_CID_FOCUS_ABSOLUTE, focus, "focus_absolute"))
        }
        if let powerLine { out.append((THRESHOLD_CID_POWER_LINE_FREQUENCY, powerLine.rawValue, "power_line_frequency")) }
        return out
    }
}

extension V4L2Device {
    /// Applies the controls the device offers; returns the names of those it did not offer.
    func apply(_ controls: CameraControls) throws(CaptureError) -> [String] {
        var skipped = [String]()
        for write in controls.writes {
            var query = v4l2_queryctrl()
            query.id = write.id
            let offered = try ioctlIfAvailable(THRESHOLD_VIDIOC_QUERYCTRL, "VIDIOC_QUERYCTRL", &query, endOn: EINVAL)
            guard offered, query.flags & UInt32(V4L2_CTRL_FLAG_DISABLED) == 0 else {
                skipped.append(write.name)
                continue
            }
            var control = v4l2_control(id: write.id, value: min(max(write.value, query.minimum), query.maximum))
            try ioctl(THRESHOLD_VIDIOC_S_CTRL, "VIDIOC_S_CTRL(\(write.name))", &control)
        }
        return skipped
    }
}
