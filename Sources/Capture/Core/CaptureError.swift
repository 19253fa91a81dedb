#if canImport(Glibc)
import Glibc
#endif

/// Everything that can go wrong while getting frames, each with a sentence an installer can act on.
public enum CaptureError: Error, Equatable, CustomStringConvertible {
    /// EBUSY: another process (or another stream in this one) holds the camera.
    case busy(device: String)
    /// ENODEV / ENXIO: the device went away — typically a USB camera was unplugged.
    case noDevice(device: String)
    /// ENOENT: no such file or device node.
    case notFound(path: String)
    /// EIO: the driver or the bus reported a hardware error.
    case io(device: String, operation: String)
    /// EINVAL on a format request, or no format this reader can use.
    case unsupportedFormat(device: String, detail: String)
    /// EACCES / EPERM: the kiosk user may not open the device (see hardware/99-threshold-camera.rules).
    case permission(path: String)
    /// No frame arrived within the allowed time.
    case timeout(device: String, milliseconds: Int)
    /// The node exists but is not a V4L2 video-capture device (ENOTTY or missing capability).
    case notACamera(device: String)
    /// A Y4M stream whose header or frame marker does not follow the format.
    case malformedStream(source: String, detail: String)
    /// A frame ended before all of its bytes arrived.
    case truncatedFrame(source: String, expected: Int, got: Int)
    /// A helper program (ffmpeg) is not installed.
    case programMissing(name: String)
    /// A helper program exited abnormally or died while streaming.
    case childFailed(program: String, status: Int32, detail: String)
    /// An image file in a sequence could not be read or decoded.
    case badImage(path: String, detail: String)
    /// The source was already closed.
    case closed(source: String)
    /// The task waiting for a frame was cancelled.
    case cancelled
    /// Any other system error, with the call that failed and its errno.
    case system(operation: String, errno: Int32, device: String)

    public var description: String {
        switch self {
        case .busy(let d): return "\(d) is busy: another program or stream is already using the camera."
        case .noDevice(let d): return "\(d) disappeared: the camera was unplugged or its driver was unloaded."
        case .notFound(let p): return "\(p) does not exist."
        case .io(let d, let op): return "\(d): the driver reported an I/O error during \(op); check the cable and power."
        case .unsupportedFormat(let d, let detail): return "\(d) offers no usable picture format: \(detail)."
        case .permission(let p): return "No permission to open \(p): add the kiosk user to the video group (udev rule)."
        case .timeout(let d, let ms): return "\(d) delivered no frame within \(ms) ms."
        case .notACamera(let d): return "\(d) is not a video capture device."
        case .malformedStream(let s, let detail): return "\(s) is not a valid Y4M stream: \(detail)."
        case .truncatedFrame(let s, let expected, let got):
            return "\(s) ended in the middle of a frame (\(got) of \(expected) bytes)."
        case .programMissing(let name): return "\(name) is not installed (apt-get install \(name))."
        case .childFailed(let program, let status, let detail):
            return "\(program) stopped with status \(status)\(detail.isEmpty ? "" : ": \(detail)")."
        case .badImage(let p, let detail): return "Cannot read image \(p): \(detail)."
        case .closed(let s): return "\(s) is already closed."
        case .cancelled: return "Capture was cancelled."
        case .system(let op, let e, let d): return "\(d): \(op) failed: \(String(cString: strerror(e))) (errno \(e))."
        }
    }

    /// The one place an errno becomes a typed error, so every system call site agrees on meaning.
    ///
    /// `EINVAL` is only a format problem when the call was a format negotiation; elsewhere it is
    /// reported as a plain system error so that a programming mistake is not dressed up as
    /// "unsupported format".
    public static func from(errno code: Int32, operation: String, device: String, formatCall: Bool = false) -> CaptureError {
        switch code {
        case EBUSY: return .busy(device: device)
        case ENODEV, ENXIO: return .noDevice(device: device)
        case ENOENT: return .notFound(path: device)
        case EIO: return .io(device: device, operation: operation)
        case EACCES, EPERM: return .permission(path: device)
        case ETIMEDOUT: return .timeout(device: device, milliseconds: 0)
        case ENOTTY: return .notACamera(device: device)
        case EINVAL where formatCall: return .unsupportedFormat(device: device, detail: "the driver rejected \(operation)")
        default: return .system(operation: operation, errno: code, device: device)
        }
    }

    /// Whether reopening the device later may help (unplug, transient I/O).
    public var isRecoverable: Bool {
        switch self {
        case .noDevice, .io, .timeout, .notFound: return true
        default: return false
        }
    }
}
