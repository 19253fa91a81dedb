/// The stream header of a YUV4MPEG2 (Y4M) file: `YUV4MPEG2 W640 H480 F30:1 Ip A1:1 Cmono`.
///
/// Only what a luminance reader needs is kept. Every supported layout stores the full-resolution
/// Y plane first in each frame, so the reader views it in place and skips the chroma bytes.
public struct Y4MHeader: Sendable, Equatable {
    /// Chroma layouts this reader accepts; each decides how many bytes follow the Y plane.
    public enum Colorspace: String, Sendable, CaseIterable {
        case mono
        case c420jpeg = "420jpeg", c420paldv = "420paldv", c420mpeg2 = "420mpeg2", c420 = "420"
        case c422 = "422"
        case c444 = "444"

        func chromaBytes(width: Int, height: Int) -> Int {
            let halfW = (width + 1) / 2, halfH = (height + 1) / 2
            switch self {
            case .mono: return 0
            case .c420jpeg, .c420paldv, .c420mpeg2, .c420: return 2 * halfW * halfH
            case .c422: return 2 * halfW * height
            case .c444: return 2 * width * height
            }
        }
    }

    public static let magic = "YUV4MPEG2"
    /// Larger frames are treated as a corrupt header rather than an allocation request.
    public static let maxDimension = 16384

    public var width: Int
    public var height: Int
    /// Frames per second as a fraction (`F30000:1001`).
    public var frameRateNumerator: Int
    public var frameRateDenominator: Int
    public var colorspace: Colorspace

    public init(width: Int, height: Int, frameRateNumerator: Int = 30, frameRateDenominator: Int = 1, colorspace: Colorspace = .mono) {
        self.width = width
        self.height = height
        self.frameRateNumerator = frameRateNumerator
        self.frameRateDenominator = frameRateDenominator
        self.colorspace = colorspace
    }

    /// Bytes of pixel data in one frame (after its `FRAME` line).
    public var frameBytes: Int { width * height + colorspace.chromaBytes(width: width, height: height) }

    /// Time between two frames.
    public var frameDuration: Duration {
        .nanoseconds(Int64(frameRateDenominator) * 1_000_000_000 / Int64(frameRateNumerator))
    }

    /// The header line, without its trailing newline.
    public var line: String {
        "\(Self.magic) W\(width) H\(height) F\(frameRateNumerator):\(frameRateDenominator) Ip A1:1 C\(colorspace.rawValue)"
    }

    /// Parses a header line (without the newline). `source` names the stream in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(CaptureError) -> Y4MHeader {
        func bad(_ detail: String) -> CaptureError { .malformedStream(source: source, detail: detail) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw bad("the header is not text") }
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.first == Substring(magic) else { throw bad("it does not start with \(magic)") }
        var width: Int?, height: Int?
        var rate = (30, 1)
        var colorspace = Colorspace.c420jpeg  // the format's documented default
        for field in fields.dropFirst() {
            let value = field.dropFirst()
            switch field.first {
            case "W": width = Int(value)
                guard width != nil else { throw bad("width \"\(value)\" is not a number") }
            case "H": height = Int(value)
                guard height != nil else { throw bad("height \"\(value)\" is not a number") }
            case "F":
                let parts = value.split(separator: ":")
                guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n > 0, d > 0, n <= 1_000_000, d <= 1_000_000 else {
                    throw bad("frame rate \"\(value)\" is not a positive fraction")
                }
                rate = (n, d)
            case "C":
                guard let c = Colorspace(rawValue: String(value)) else {
                    throw .unsupportedFormat(device: source, detail: "Y4M colorspace \(value) (supported: mono, 420*, 422, 444)")
                }
                colorspace = c
            case "I":
                guard value == "p" || value == "?" else { throw .unsupportedFormat(device: source, detail: "interlaced Y4M (I\(value))") }
            default: continue  // A (aspect), X (extensions): irrelevant to luminance
            }
        }
        guard let w = width, let h = height else { throw bad("the header lacks W or H") }
        guard (1...maxDimension).contains(w), (1...maxDimension).contains(h) else {
            throw bad("frame size \(w)x\(h) is outside 1…\(maxDimension)")
        }
        return Y4MHeader(width: w, height: h, frameRateNumerator: rate.0, frameRateDenominator: rate.1, colorspace: colorspace)
    }
}
