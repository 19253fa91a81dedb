/// Why a PNM file could not be decoded. Each case carries a sentence for the user.
public enum PNMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not start with `P2`, `P3`, `P5` or `P6`.
    case unsupportedMagic(String)
    /// A header field (width, height, maxval) is missing, not a number or out of range.
    case badHeader(String)
    /// The pixel data ends before `width × height` samples were read.
    case truncated(expected: Int, got: Int)
    /// A plain (ASCII) sample is not a number or exceeds maxval.
    case badSample(index: Int)

    public var description: String {
        switch self {
        case .unsupportedMagic(let m): "not a PGM/PPM file (magic \(m.debugDescription); expected P2, P3, P5 or P6)"
        case .badHeader(let why): "malformed PNM header: \(why)"
        case .truncated(let e, let g): "PNM pixel data truncated: expected \(e) samples, found \(g)"
        case .badSample(let i): "PNM sample #\(i) is not a number within maxval"
        }
    }
}

/// Netpbm grey and colour images (PGM P2/P5, PPM P3/P6) as luminance.
///
/// Why we carry our own: the test corpora and the benchmarks are stored as PGM, and the pure core
/// must read them without any system library. Colour is reduced to luma with the ITU-R BT.601
/// weights, which is what a camera's Y plane carries, so a PPM decodes like a camera frame would.
public enum PNM {
    /// Largest width or height accepted: guards against a header asking for terabytes.
    public static let maxDimension = 1 << 15

    /// Decodes a P2, P3, P5 or P6 file into an 8-bit luminance buffer.
    public static func decode(_ bytes: [UInt8]) throws(PNMError) -> GrayBuffer {
        var reader = HeaderReader(bytes: bytes)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P") else {
            throw .unsupportedMagic(String(decoding: bytes.prefix(2), as: UTF8.self))
        }
        let kind = bytes[1]
        let channels: Int
        let binary: Bool
        switch kind {
        case UInt8(ascii: "2"): channels = 1; binary = false
        case UInt8(ascii: "5"): channels = 1; binary = true
        case UInt8(ascii: "3"): channels = 3; binary = false
        case UInt8(ascii: "6"): channels = 3; binary = true
        default: throw .unsupportedMagic(String(decoding: bytes.prefix(2), as: UTF8.self))
        }
        reader.position = 2
        guard let width = reader.number(), width > 0, width <= maxDimension else { throw .badHeader("width") }
        guard let height = reader.number(), height > 0, height <= maxDimension else { throw .badHeader("height") }
        guard let maxval = reader.number(), maxval > 0, maxval < 65536 else { throw .badHeader("maxval") }
        let samples = width * height * channels
        // Check that the data can hold the raster before allocating for it: a 19-byte file whose
        // header promises 32768×32768 must be refused, not sized in memory. A plain sample needs
        // at least a digit and a separator; a binary one one or two bytes.
        let bytesPerSample = binary ? (maxval > 255 ? 2 : 1) : 2
        let remaining = bytes.count - reader.position
        guard remaining >= samples * bytesPerSample - (binary ? 0 : 1) else {
            throw .truncated(expected: samples, got: remaining / bytesPerSample)
        }
        var values = [Int](repeating: 0, count: samples)
        if binary {
            // Exactly one whitespace byte separates the header from the raster.
            guard reader.position < bytes.count, isSpace(bytes[reader.position]) else {
                throw .truncated(expected: samples, got: 0)
            }
            var p = reader.position + 1
            let wide = maxval > 255
            let needed = samples * (wide ? 2 : 1)
            let available = bytes.count - p
            guard available >= needed else { throw .truncated(expected: samples, got: available / (wide ? 2 : 1)) }
            if !wide && maxval == 255 && channels == 1 {
                return GrayBuffer(width: width, height: height, pixels: Array(bytes[p..<(p + samples)]))
            }
            for i in 0..<samples {
                if wide { values[i] = Int(bytes[p]) << 8 | Int(bytes[p + 1]); p += 2 } else { values[i] = Int(bytes[p]); p += 1 }
                if values[i] > maxval { throw .badSample(index: i) }
            }
        } else {
            for i in 0..<samples {
                guard let v = reader.number() else {
                    if reader.atEnd { throw .truncated(expected: samples, got: i) }
                    throw .badSample(index: i)
                }
                guard v <= maxval else { throw .badSample(index: i) }
                values[i] = v
            }
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        let half = maxval / 2
        if channels == 1 {
            for i in 0..<pixels.count { pixels[i] = UInt8((values[i] * 255 + half) / maxval) }
        } else {
            for i in 0..<pixels.count {
                // BT.601 luma in fixed point (weights ×1000), then scaled from maxval to 255.
                let y1000 = 299 * values[3 * i] + 587 * values[3 * i + 1] + 114 * values[3 * i + 2]
                pixels[i] = UInt8(min(255, (y1000 * 255 + 500 * maxval) / (1000 * maxval)))
            }
        }
        return GrayBuffer(width: width, height: height, pixels: pixels)
    }

    /// Encodes a buffer as a binary PGM (P5, maxval 255).
    public static func encodePGM(_ image: GrayBuffer) -> [UInt8] {
        var out = Array("P5\n\(image.width) \(image.height)\n255\n".utf8)
        out.append(contentsOf: image.pixels)
        return out
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C
    }

    /// Reads whitespace-separated decimal numbers, skipping `#` comments to end of line.
    struct HeaderReader {
        let bytes: [UInt8]
        var position = 0
        var atEnd: Bool { position >= bytes.count }

        mutating func number() -> Int? {
            while position < bytes.count {
                let c = bytes[position]
                if isSpace(c) { position += 1 } else if c == UInt8(ascii: "#") {
                    while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                } else { break }
            }
            var value = 0, digits = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                digits += 1
                position += 1
                if value > 1 << 30 { return nil }
            }
            return digits > 0 ? value : nil
        }
    }
}
