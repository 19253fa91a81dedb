import CV4L2

/// A V4L2 pixel format (fourcc) and what this reader makes of it.
public struct PixelFormat: Sendable, Hashable, CustomStringConvertible {
    public let fourcc: UInt32

    public init(fourcc: UInt32) { self.fourcc = fourcc }

    /// Parses a four-character code such as `"GREY"`; `nil` unless exactly four ASCII characters.
    public init?(code: String) {
        let bytes = Array(code.utf8)
        guard bytes.count == 4 else { return nil }
        fourcc = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    public static let grey = PixelFormat(fourcc: THRESHOLD_PIX_FMT_GREY)
    public static let yuyv = PixelFormat(fourcc: THRESHOLD_PIX_FMT_YUYV)
    public static let nv12 = PixelFormat(fourcc: THRESHOLD_PIX_FMT_NV12)
    public static let yuv420 = PixelFormat(fourcc: THRESHOLD_PIX_FMT_YUV420)
    public static let mjpeg = PixelFormat(fourcc: THRESHOLD_PIX_FMT_MJPEG)

    /// The four characters, e.g. `YUYV`.
    public var code: String {
        let bytes = (0..<4).map { UInt8(truncatingIfNeeded: fourcc >> (8 * $0)) }
        return String(decoding: bytes.map { (32...126).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    public var description: String { code }

    /// How the luminance of a frame in this format is reached.
    enum LumaLayout {
        /// Y is a full plane at the start of the buffer (GREY, NV12, YUV420): viewed in place.
        case plane
        /// Y is interleaved with chroma every other byte (YUYV): one de-interleave per frame,
        /// because a ``Imaging/GrayImage`` steps one byte per pixel.
        case interleavedEveryOther
    }

    var lumaLayout: LumaLayout? {
        switch self {
        case .grey, .nv12, .yuv420: return .plane
        case .yuyv: return .interleavedEveryOther
        default: return nil
        }
    }

    /// Negotiation order: formats viewed in place first, GREY (no chroma to skip) best.
    static let preference: [PixelFormat] = [.grey, .nv12, .yuv420, .yuyv]
}
