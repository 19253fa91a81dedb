#if canImport(Glibc)
import Glibc
#endif
import CV4L2
import Imaging

/// A V4L2 camera streaming through memory-mapped driver buffers, handed to the decoder in place.
///
/// The path of a frame: the driver fills buffer k → `VIDIOC_DQBUF` gives us k → ``Frame/image``
/// is a ``GrayImage`` whose base *is* mapping k's address (GREY, NV12, YUV420: no copy) → the next
/// ``nextFrame()`` re-queues k. Under load the newest ready buffer wins: older ready buffers are
/// re-queued unread and counted in ``Frame/dropped``, so a slow decoder never falls behind.
public final class V4L2Camera: FrameSource {
    public struct Configuration: Sendable {
        public var size: FrameSize?
        /// Force one pixel format (installers, tests); `nil` negotiates (see ``PixelFormat``).
        public var pixelFormat: PixelFormat?
        /// Driver buffers; at least 3 so one can be decoded while the driver fills the others.
        public var bufferCount: Int
        public var frameTimeout: Duration
        public var controls: CameraControls

        public init(size: FrameSize? = nil, pixelFormat: PixelFormat? = nil, bufferCount: Int = 4,
                    frameTimeout: Duration = .seconds(2), controls: CameraControls = CameraControls()) {
            self.size = size; self.pixelFormat = pixelFormat; self.bufferCount = max(3, bufferCount)
            self.frameTimeout = frameTimeout; self.controls = controls
        }
    }

    public let path: String
    public let size: FrameSize
    public let pixelFormat: PixelFormat
    /// Bytes per row of the Y plane as the driver lays it out.
    public let bytesPerLine: Int
    /// Controls the camera does not offer (left at driver defaults).
    public let skippedControls: [String]
    private let device: V4L2Device
    private let configuration: Configuration
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    private var held: UInt32?
    private var lastSequence: UInt32?
    private var dropped = 0
    private var streaming = false
    private var packed: UnsafeMutableBufferPointer<UInt8>?

    /// Opens `path`, negotiates a format, maps the buffers and starts streaming.
    public init(path: String, configuration: Configuration = Configuration()) throws(CaptureError) {
        let device = try V4L2Device(path: path)
        do throws(CaptureError) {
            let cap = try device.capabilities()
            guard cap.caps & UInt32(V4L2_CAP_VIDEO_CAPTURE) != 0, cap.caps & UInt32(V4L2_CAP_STREAMING) != 0 else {
                throw CaptureError.notACamera(device: path)
            }
            let negotiated = try Self.negotiate(device, configuration)
            self.path = path
            self.device = device
            self.configuration = configuration
            self.size = negotiated.size
            self.pixelFormat = negotiated.format
            self.bytesPerLine = negotiated.bytesPerLine
            self.skippedControls = try device.apply(configuration.controls)
        } catch {
            device.close()
            throw error
        }
        do throws(CaptureError) {
            try mapBuffers()
            try startStreaming()
        } catch {
            shutdown()
            throw error
        }
    }

    deinit { shutdown() }

    private static func negotiate(_ device: V4L2Device, _ configuration: Configuration) throws(CaptureError)
        -> (format: PixelFormat, size: FrameSize, bytesPerLine: Int)
    {
        let offered = try DeviceCatalog.captureFormats(device)
        let wanted: PixelFormat
        if let forced = configuration.pixelFormat {
            wanted = forced  // asked of the driver first: its answer is the more useful error
        } else {
            // Native formats first (zero copy); then what libv4lconvert emulates (MJPEG → YUV420).
            let native = offered.filter { !$0.emulated }.map(\.pixelFormat)
            let all = offered.map(\.pixelFormat)
            guard let pick = PixelFormat.preference.first(where: native.contains) ?? PixelFormat.preference.first(where: all.contains) else {
                throw .unsupportedFormat(device: device.path, detail: "offered \(all.map(\.code).joined(separator: ", ")), need GREY, NV12, YUV420 or YUYV")
            }
            wanted = pick
        }
        var format = v4l2_format()
        format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        try device.ioctl(THRESHOLD_VIDIOC_G_FMT, "VIDIOC_G_FMT", &format, formatCall: true)
        if let size = configuration.size {
            format.fmt.pix.width = UInt32(size.width)
            format.fmt.pix.height = UInt32(size.height)
        }
        format.fmt.pix.pixelformat = wanted.fourcc
        format.fmt.pix.field = V4L2_FIELD_NONE.rawValue
        format.fmt.pix.bytesperline = 0
        try device.ioctl(THRESHOLD_VIDIOC_S_FMT, "VIDIOC_S_FMT(\(wanted))", &format, formatCall: true)
        let got = PixelFormat(fourcc: format.fmt.pix.pixelformat)
        guard got == wanted else {
            throw .unsupportedFormat(device: device.path, detail: "asked for \(wanted), the driver chose \(got)")
        }
        guard got.lumaLayout != nil else {
            throw .unsupportedFormat(device: device.path, detail: "\(got) cannot be viewed as luminance; leave the format to negotiation")
        }
        let size = FrameSize(width: Int(format.fmt.pix.width), height: Int(format.fmt.pix.height))
        guard size.width > 0, size.height > 0 else { throw .unsupportedFormat(device: device.path, detail: "empty frame size") }
        let minLine = got.lumaLayout == .interleavedEveryOther ? size.width * 2 : size.width
        let bpl = max(Int(format.fmt.pix.bytesperline), minLine)
        return (got, size, bpl)
    }

    private func mapBuffers() throws(CaptureError) {
        var request = v4l2_requestbuffers()
        request.count = UInt32(configuration.bufferCount)
        request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        request.memory = V4L2_MEMORY_MMAP.rawValue
        try device.ioctl(THRESHOLD_VIDIOC_REQBUFS, "VIDIOC_REQBUFS", &request)
        guard request.count >= 3 else {
            throw .unsupportedFormat(device: path, detail: "the driver granted \(request.count) buffers, need at least 3")
        }
        let needed = bytesPerLine * (size.height - 1) + (pixelFormat.lumaLayout == .interleavedEveryOther ? size.width * 2 : size.width)
        for index in 0..<request.count {
            var buffer = Self.buffer(index)
            try device.ioctl(THRESHOLD_VIDIOC_QUERYBUF, "VIDIOC_QUERYBUF", &buffer)
            guard Int(buffer.length) >= needed else {
                throw .unsupportedFormat(device: path, detail: "buffer of \(buffer.length) bytes for a \(size) frame")
            }
            let address = v4l2_mmap(nil, Int(buffer.length), PROT_READ | PROT_WRITE, MAP_SHARED, device.fd, Int64(buffer.m.offset))
            guard let address, address != MAP_FAILED else {
                throw CaptureError.from(errno: errno, operation: "mmap", device: path)
            }
            buffers.append(UnsafeMutableRawBufferPointer(start: address, count: Int(buffer.length)))
        }
        if pixelFormat.lumaLayout == .interleavedEveryOther {
            packed = .allocate(capacity: size.width * size.height)
        }
    }

    private func startStreaming() throws(CaptureError) {
        for index in buffers.indices {
            var buffer = Self.buffer(UInt32(index))
            try device.ioctl(THRESHOLD_VIDIOC_QBUF, "VIDIOC_QBUF", &buffer)
        }
        var type = Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue)
        try device.ioctl(THRESHOLD_VIDIOC_STREAMON, "VIDIOC_STREAMON", &type)
        streaming = true
    }

    private static func buffer(_ index: UInt32) -> v4l2_buffer {
        var buffer = v4l2_buffer()
        buffer.index = index
        buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        buffer.memory = V4L2_MEMORY_MMAP.rawValue
        return buffer
    }

    private func requeue(_ index: UInt32) throws(CaptureError) {
        var buffer = Self.buffer(index)
        try device.ioctl(THRESHOLD_VIDIOC_QBUF, "VIDIOC_QBUF", &buffer)
    }

    private func dequeue() throws(CaptureError) -> v4l2_buffer? {
        var buffer = Self.buffer(0)
        guard try device.ioctlIfAvailable(THRESHOLD_VIDIOC_DQBUF, "VIDIOC_DQBUF", &buffer, endOn: EAGAIN) else { return nil }
        if let last = lastSequence, buffer.sequence > last &+ 1 { dropped += Int(buffer.sequence - last - 1) }
        lastSequence = buffer.sequence
        return buffer
    }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard streaming else { throw .closed(source: path) }
        if let index = held {
            held = nil
            try requeue(index)
        }
        let timeout = configuration.frameTimeout
        let ms = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        while true {
            if Task.isCancelled { throw .cancelled }
            guard try device.waitReadable(timeoutMilliseconds: ms) else { throw .timeout(device: path, milliseconds: Int(ms)) }
            guard var newest = try dequeue() else { continue }
            // Latest frame wins: re-queue every older buffer that is already waiting. Poll first
            // rather than letting DQBUF fail with EAGAIN, which libv4l2 would print to stderr.
            while try device.waitReadable(timeoutMilliseconds: 0), let newer = try dequeue() {
                try requeue(newest.index)
                dropped += 1
                newest = newer
            }
            if newest.flags & UInt32(V4L2_BUF_FLAG_ERROR) != 0 || Int(newest.index) >= buffers.count {
                try requeue(newest.index)
                dropped += 1
                continue
            }
            held = newest.index
            return Frame(image: image(of: newest), sequence: UInt64(newest.sequence),
                         timestamp: .seconds(Int64(newest.timestamp.tv_sec)) + .microseconds(Int64(newest.timestamp.tv_usec)),
                         dropped: dropped)
        }
    }

    private func image(of buffer: v4l2_buffer) -> GrayImage {
        let memory = buffers[Int(buffer.index)]
        let base = memory.baseAddress!.assumingMemoryBound(to: UInt8.self)
        guard pixelFormat.lumaLayout == .interleavedEveryOther, let packed, let out = packed.baseAddress else {
            return GrayImage(base: UnsafePointer(base), width: size.width, height: size.height, stride: bytesPerLine)
        }
        for y in 0..<size.height {
            let src = base + y * bytesPerLine
            let dst = out + y * size.width
            for x in 0..<size.width { dst[x] = src[2 * x] }
        }
        return GrayImage(base: UnsafePointer(out), width: size.width, height: size.height, stride: size.width)
    }

    /// Which mapped driver buffer `pointer` lies in, if any: the zero-copy proof — a frame whose
    /// view starts inside a driver buffer was handed over without a copy.
    public func driverBuffer(containing pointer: UnsafePointer<UInt8>) -> Int? {
        let address = UnsafeRawPointer(pointer)
        return buffers.firstIndex { buffer in
            guard let base = buffer.baseAddress else { return false }
            return address >= UnsafeRawPointer(base) && address < UnsafeRawPointer(base) + buffer.count
        }
    }

    /// Number of mapped driver buffers.
    public var bufferCount: Int { buffers.count }

    nonisolated(nonsending) public func close() async { shutdown() }

    /// STREAMOFF, munmap, REQBUFS 0, close — the order that hands every buffer back to the driver.
    private func shutdown() {
        guard device.fd >= 0 else { return }
        if streaming {
            var type = Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue)
            try? device.ioctl(THRESHOLD_VIDIOC_STREAMOFF, "VIDIOC_STREAMOFF", &type)
            streaming = false
        }
        held = nil
        for buffer in buffers { _ = v4l2_munmap(buffer.baseAddress, buffer.count) }
        if !buffers.isEmpty {
            var request = v4l2_requestbuffers()
            request.count = 0
            request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            request.memory = V4L2_MEMORY_MMAP.rawValue
            try? device.ioctl(THRESHOLD_VIDIOC_REQBUFS, "VIDIOC_REQBUFS(0)", &request)
        }
        buffers = []
        packed?.deallocate()
        packed = nil
        device.close()
    }
}
