import CJPEG
import Imaging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// JPEG through libjpeg(-turbo), straight to its grey output (the Y channel: BT.601 luma).
///
/// libjpeg's fatal errors longjmp, which Swift cannot survive, so the decode and encode loops live
/// in two C helpers in the CJPEG shim; here we only turn their status into ``ImageFileError``.
/// Warnings (libjpeg papering over damaged data with grey) count as errors: a frame with invented
/// pixels is not a frame we want to report codes from.
enum JPEGCodec {
    static func decode(_ bytes: [UInt8]) throws(ImageFileError) -> GrayBuffer {
        var status = cjpeg_status()
        var width: Int32 = 0, height: Int32 = 0
        let pixels = bytes.withUnsafeBufferPointer { buf in
            cjpeg_decode_gray(buf.baseAddress, UInt(buf.count), UInt(ImageFile.maxPixels), &width, &height, &status)
        }
        guard let pixels else {
            if status.too_large != 0 { throw .tooLarge(.jpeg, width: Int(width), height: Int(height)) }
            throw error(status)
        }
        defer { free(pixels) }
        let count = Int(width) * Int(height)
        if status.warnings > 0 { throw error(status) }
        let copy = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        return GrayBuffer(width: Int(width), height: Int(height), pixels: copy)
    }

    /// A baseline greyscale JPEG of `buffer` at `quality` (1…100).
    static func encode(_ buffer: GrayBuffer, quality: Int) throws(ImageFileError) -> [UInt8] {
        guard buffer.width > 0, buffer.height > 0 else {
            throw .unsupported(.jpeg, detail: "an image needs at least one pixel (got \(buffer.width)×\(buffer.height))")
        }
        var status = cjpeg_status()
        var size: UInt = 0
        let q = Int32(max(1, min(100, quality)))
        let out = buffer.pixels.withUnsafeBufferPointer { buf in
            cjpeg_encode_gray(buf.baseAddress, Int32(buffer.width), Int32(buffer.height), Int32(buffer.width), q, &size, &status)
        }
        guard let out else { throw error(status) }
        defer { free(out) }
        return [UInt8](UnsafeBufferPointer(start: out, count: Int(size)))
    }

    private static func error(_ status: cjpeg_status) -> ImageFileError {
        let message = withUnsafeBytes(of: status.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if status.truncated != 0 { return .truncated(.jpeg, detail: message) }
        if status.unsupported != 0 { return .unsupported(.jpeg, detail: message) }
        return .corrupt(.jpeg, detail: message.isEmpty ? "libjpeg gave no reason" : message)
    }
}
