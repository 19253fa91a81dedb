#if canImport(Glibc)
import Glibc
#endif
import CV4L2

/// An open V4L2 node: the single wrapper through which every ioctl passes, so errno is mapped
/// to ``CaptureError`` in one place.
///
/// Opened through libv4l2 (`v4l2_open`) so that cameras that only offer MJPEG or odd vendor
/// formats get libv4lconvert's emulated formats (flagged `V4L2_FMT_FLAG_EMULATED`) with no code of
/// ours; native formats pass straight through to the driver with zero copies.
final class V4L2Device {
    let path: String
    private(set) var fd: Int32

    init(path: String) throws(CaptureError) {
        let fd = threshold_v4l2_open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw CaptureError.from(errno: errno, operation: "open", device: path) }
        self.fd = fd
        self.path = path
    }

    deinit { close() }

    func close() {
        guard fd >= 0 else { return }
        _ = v4l2_close(fd)
        fd = -1
    }

    /// Runs one ioctl on `value`, retrying EINTR. `formatCall` makes EINVAL mean "unsupported format".
    func ioctl<T>(_ request: UInt, _ name: String, _ value: inout T, formatCall: Bool = false) throws(CaptureError) {
        guard fd >= 0 else { throw .closed(source: path) }
        while true {
            let r = withUnsafeMutablePointer(to: &value) { threshold_v4l2_ioctl(fd, request, $0) }
            if r >= 0 { return }
            let code = errno
            if code == EINTR { continue }
            throw CaptureError.from(errno: code, operation: name, device: path, formatCall: formatCall)
        }
    }

    /// Like ``ioctl(_:_:_:formatCall:)`` but returns `false` on EAGAIN (nothing ready) and on
    /// EINVAL (end of an enumeration), which are answers, not failures.
    func ioctlIfAvailable<T>(_ request: UInt, _ name: String, _ value: inout T, endOn: Int32) throws(CaptureError) -> Bool {
        guard fd >= 0 else { throw .closed(source: path) }
        while true {
            let r = withUnsafeMutablePointer(to: &value) { threshold_v4l2_ioctl(fd, request, $0) }
            if r >= 0 { return true }
            let code = errno
            if code == EINTR { continue }
            if code == endOn { return false }
            throw CaptureError.from(errno: code, operation: name, device: path)
        }
    }

    /// Waits until a buffer can be dequeued; `false` on timeout.
    func waitReadable(timeoutMilliseconds: Int32) throws(CaptureError) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let r = poll(&pfd, 1, timeoutMilliseconds)
            if r > 0 {
                if pfd.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 && pfd.revents & Int16(POLLIN) == 0 {
                    // vivid and uvcvideo report POLLERR when the device is gone or streaming stopped.
                    var cap = v4l2_capability()
                    try ioctl(THRESHOLD_VIDIOC_QUERYCAP, "VIDIOC_QUERYCAP", &cap)
                    throw .io(device: path, operation: "poll")
                }
                return true
            }
            if r == 0 { return false }
            if errno == EINTR { continue }
            throw CaptureError.from(errno: errno, operation: "poll", device: path)
        }
    }

    /// Driver name, card name and capability bits.
    func capabilities() throws(CaptureError) -> (driver: String, card: String, bus: String, caps: UInt32) {
        var cap = v4l2_capability()
        try ioctl(THRESHOLD_VIDIOC_QUERYCAP, "VIDIOC_QUERYCAP", &cap)
        let caps = cap.capabilities & UInt32(V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities
        return (cString(cap.driver), cString(cap.card), cString(cap.bus_info), caps)
    }
}

/// A fixed C char array (imported as a tuple) as a Swift string.
func cString<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
