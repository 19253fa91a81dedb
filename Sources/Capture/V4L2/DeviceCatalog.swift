#if canImport(Glibc)
import Glibc
#endif
import CV4L2

/// What `threshold devices` shows an installer: each video node, whether it can capture, and the
/// formats and frame sizes it offers.
public struct VideoDeviceInfo: Sendable, Equatable {
    public struct Format: Sendable, Equatable {
        public var pixelFormat: PixelFormat
        public var description: String
        /// Produced by libv4lconvert (e.g. YUV420 decoded from MJPEG), not by the camera.
        public var emulated: Bool
        /// Discrete sizes; for stepwise/continuous drivers the minimum and maximum.
        public var sizes: [FrameSize]
    }

    public var path: String
    public var driver: String
    public var card: String
    public var busInfo: String
    public var canCapture: Bool
    public var canStream: Bool
    public var formats: [Format]
}

/// Lists and inspects V4L2 devices.
public enum DeviceCatalog {
    /// `/dev/video*` nodes in numeric order.
    public static func videoNodes(in directory: String = "/dev") -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names = [String]()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix("video"), Int(name.dropFirst(5)) != nil { names.append(name) }
        }
        return names.sorted { (Int($0.dropFirst(5)) ?? 0) < (Int($1.dropFirst(5)) ?? 0) }.map { "\(directory)/\($0)" }
    }

    /// Capabilities and capture formats of one node.
    public static func inspect(_ path: String) throws(CaptureError) -> VideoDeviceInfo {
        let device = try V4L2Device(path: path)
        defer { device.close() }
        let cap = try device.capabilities()
        let canCapture = cap.caps & UInt32(V4L2_CAP_VIDEO_CAPTURE) != 0
        let formats = canCapture ? try captureFormats(device) : []
        return VideoDeviceInfo(path: path, driver: cap.driver, card: cap.card, busInfo: cap.bus,
                               canCapture: canCapture, canStream: cap.caps & UInt32(V4L2_CAP_STREAMING) != 0,
                               formats: formats)
    }

    static func captureFormats(_ device: V4L2Device) throws(CaptureError) -> [VideoDeviceInfo.Format] {
        var formats = [VideoDeviceInfo.Format]()
        for index in 0..<64 {
            var desc = v4l2_fmtdesc()
            desc.index = UInt32(index)
            desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            guard try device.ioctlIfAvailable(THRESHOLD_VIDIOC_ENUM_FMT, "VIDIOC_ENUM_FMT", &desc, endOn: EINVAL) else { break }
            let format = PixelFormat(fourcc: desc.pixelformat)
            formats.append(.init(pixelFormat: format, description: cString(desc.description),
                                 emulated: desc.flags & UInt32(V4L2_FMT_FLAG_EMULATED) != 0,
                                 sizes: try frameSizes(device, format)))
        }
        return formats
    }

    static func frameSizes(_ device: V4L2Device, _ format: PixelFormat) throws(CaptureError) -> [FrameSize] {
        var sizes = [FrameSize]()
        for index in 0..<64 {
            var size = v4l2_frmsizeenum()
            size.index = UInt32(index)
            size.pixel_format = format.fourcc
            guard try device.ioctlIfAvailable(THRESHOLD_VIDIOC_ENUM_FRAMESIZES, "VIDIOC_ENUM_FRAMESIZES", &size, endOn: EINVAL) else { break }
            if size.type == V4L2_FRMSIZE_TYPE_DISCRETE.rawValue {
                sizes.append(FrameSize(width: Int(size.discrete.width), height: Int(size.discrete.height)))
            } else {
                sizes.append(FrameSize(width: Int(size.stepwise.min_width), height: Int(size.stepwise.min_height)))
                sizes.append(FrameSize(width: Int(size.stepwise.max_width), height: Int(size.stepwise.max_height)))
                break
            }
        }
        return sizes
    }
}
