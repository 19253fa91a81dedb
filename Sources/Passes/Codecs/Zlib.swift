import CZlib

/// zlib / raw DEFLATE through the system zlib, with an output cap.
///
/// Why a cap: a pass is a few hundred bytes, but a hostile QR code can hold a DEFLATE stream
/// that expands a thousandfold (a zip bomb). Inflation stops as soon as the output would pass
/// `maxOutput` and reports `.oversized`; any stream error is `.malformed`.
public enum Zlib {
    public enum Format: Sendable {
        /// RFC 1950 zlib wrapper (EU DCC, our pass).
        case zlib
        /// RFC 1951 raw DEFLATE (SMART Health Cards, JWS `zip: DEF`).
        case raw
        /// zlib or gzip, detected from the header.
        case auto

        var windowBits: Int32 {
            switch self {
            case .zlib: 15
            case .raw: -15
            case .auto: 15 + 32
            }
        }
    }

    public static func inflate(
        _ data: [UInt8], format: Format, maxOutput: Int = 64 * 1024
    ) throws(PassError) -> [UInt8] {
        if data.isEmpty { throw .malformed("compressed data is empty") }
        // zlib counts in 32-bit; no pass comes anywhere near this.
        if data.count > 16 * 1024 * 1024 { throw .oversized("compressed input is larger than 16 MB") }
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, format.windowBits) == Z_OK else {
            throw PassError(.malformed, "zlib could not start an inflate stream")
        }
        defer { inflateEnd(&stream) }

        // One call with Z_FINISH into a buffer that usually holds the whole output: zlib then
        // keeps no 32 KB sliding window (no allocation, no copy into it). When the output does not
        // fit, the buffer doubles (never past the cap) and inflation simply continues.
        let limit = min(max(0, maxOutput), Int(Int32.max)) + 1
        var capacity = min(limit, max(1024, data.count * 4))
        var output = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
        var produced = 0
        try data.withUnsafeBufferPointer { (input) throws(PassError) in
            // zlib's `next_in` is not const-qualified but zlib never writes through it.
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status: Int32 = output.withUnsafeMutableBufferPointer { out in
                    let room = capacity - produced
                    stream.next_out = out.baseAddress.map { $0 + produced }
                    stream.avail_out = UInt32(room)
                    let status = CZlib.inflate(&stream, Z_FINISH)
                    produced += room - Int(stream.avail_out)
                    return status
                }
                if produced >= limit { throw .oversized("decompressed data exceeds the \(limit - 1)-byte cap") }
                switch status {
                case Z_STREAM_END:
                    if stream.avail_in != 0 {
                        throw .malformed("\(stream.avail_in) bytes follow the end of the compressed stream")
                    }
                    return
                case Z_OK, Z_BUF_ERROR:
                    // Room left and no end of stream: the input ran out first.
                    guard stream.avail_out == 0 else { throw .malformed("compressed data ends before the end of the stream") }
                    // Out of room, still under the cap: grow and go on.
                    capacity = min(limit, capacity * 2)
                    output.append(contentsOf: repeatElement(0, count: capacity - output.count))
                default:
                    throw .malformed("compressed data is corrupt (zlib status \(status))")
                }
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// Compresses `data` (for issuing our own passes and for tests).
    public static func deflate(_ data: [UInt8], format: Format, level: Int = 9) -> [UInt8] {
        var stream = z_stream()
        let bits: Int32 = format == .raw ? -15 : 15
        guard czlib_deflate_init2(&stream, Int32(max(0, min(9, level))), bits) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = data
        let bound = Int(deflateBound(&stream, UInt(data.count))) + 16
        var output = [UInt8](repeating: 0, count: bound)
        let inputCount = input.count
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputCount)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(bound)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return bound - Int(stream.avail_out)
            }
        }
        return Array(output[0..<written])
    }
}
