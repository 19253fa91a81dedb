import CPNG
import Imaging

/// PNG through libpng's simplified API (`png_image_*`).
///
/// Why the simplified API: it reports errors in `png_image.message` instead of longjmp, so no C
/// glue is needed, and it expands every colour type and bit depth (1/2/4/8/16-bit grey, palette
/// with tRNS, RGB, RGBA) to one layout. We ask for 8-bit RGBA and do the grey conversion ourselves
/// (``Luma``): libpng's own RGB→grey uses BT.709 weights in linear light, which would not match
/// the corpus PGMs nor a camera's Y plane.
enum PNGCodec {
    static func decode(_ bytes: [UInt8]) throws(ImageFileError) -> GrayBuffer {
        let result: Result<GrayBuffer, ImageFileError> = bytes.withUnsafeBytes { raw in
            var image = png_image()
            image.version = cpng_image_version
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                defer { png_image_free(&image) }
                return .failure(error(message(of: image)))
            }
            let width = Int(image.width), height = Int(image.height)
            guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).partialValue <= ImageFile.maxPixels,
                  width <= ImageFile.maxPixels, height <= ImageFile.maxPixels else {
                png_image_free(&image)
                return .failure(.tooLarge(.png, width: width, height: height))
            }
            image.format = cpng_format_rgba
            // A 16-bit file without gAMA/sRGB is, in practice, sRGB-encoded like every 8-bit one;
            // libpng would otherwise assume linear light and brighten the mid-tones.
            image.flags |= cpng_flag_16bit_srgb
            var rgba = [UInt8](repeating: 0, count: width * height * 4)
            let finished = rgba.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * 4), nil)
            }
            guard finished != 0 else {
                defer { png_image_free(&image) }
                return .failure(error(message(of: image)))
            }
            var grey = GrayBuffer(width: width, height: height, fill: 0)
            rgba.withUnsafeBufferPointer { src in
                grey.withMutablePixels { pixels in
                    pixels.withUnsafeMutableBufferPointer { Luma.fromRGBA(src, into: $0) }
                }
            }
            return .success(grey)
        }
        return try result.get()
    }

    /// An 8-bit greyscale PNG of `buffer`.
    static func encode(_ buffer: GrayBuffer) throws(ImageFileError) -> [UInt8] {
        guard buffer.width > 0, buffer.height > 0 else {
            throw .unsupported(.png, detail: "an image needs at least one pixel (got \(buffer.width)×\(buffer.height))")
        }
        var image = png_image()
        image.version = cpng_image_version
        image.width = UInt32(buffer.width)
        image.height = UInt32(buffer.height)
        image.format = cpng_format_gray
        let stride = Int32(buffer.width)
        var size = 0
        // First call with no memory: libpng reports the size it needs.
        let sized = buffer.pixels.withUnsafeBytes { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, stride, nil) }
        guard sized != 0, size > 0 else {
            defer { png_image_free(&image) }
            throw .corrupt(.png, detail: "encoder failed: \(message(of: image))")
        }
        var out = [UInt8](repeating: 0, count: size)
        let written = out.withUnsafeMutableBytes { dst in
            buffer.pixels.withUnsafeBytes { png_image_write_to_memory(&image, dst.baseAddress, &size, 0, $0.baseAddress, stride, nil) }
        }
        guard written != 0 else {
            defer { png_image_free(&image) }
            throw .corrupt(.png, detail: "encoder failed: \(message(of: image))")
        }
        out.removeLast(out.count - min(size, out.count))
        return out
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Sorts libpng's wording into our cases: running out of bytes is truncation, anything else
    /// (bad signature, CRC, bad IHDR, zlib errors) is corruption.
    private static func error(_ message: String) -> ImageFileError {
        let lower = message.lowercased()
        let truncation = ["end of data", "not enough", "out of data", "truncated", "unexpected end", "too short", "premature"]
        if truncation.contains(where: lower.contains) { return .truncated(.png, detail: message) }
        return .corrupt(.png, detail: message.isEmpty ? "libpng gave no reason" : message)
    }
}
