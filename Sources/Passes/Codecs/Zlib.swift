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
        try data.withUnsafeBufferPointer { (input) throws(PassError) in try inflate(input, format: format, maxOutput: maxOutput) }
    }

    /// The same over bytes the caller holds (the verifier's stack buffer of base45-decoded bytes).
    static func inflate(
        _ data: UnsafeBufferPointer<UInt8>, format: Format, maxOutput: Int = 64 * 1024
    ) throws(PassError) -> [UInt8] {
        if data.isEmpty { throw .malformed("compressed data is empty") }
        // zlib counts in 32-bit; no pass comes anywhere near this.
        if data.count > 16 * 1024 * 1024 { throw .oversized("compressed input is larger than 16 MB") }
        guard let stream = InflateStreams.take(windowBits: format.windowBits) else {
            throw PassError(.malformed, "zlib could not start an inflate stream")
        }
        defer { InflateStreams.give(stream) }

        // One call with Z_FINISH into a buffer that usually holds the whole output: zlib then
        // keeps no 32 KB sliding window (no allocation, no copy into it). When the output does not
        // fit, the buffer doubles (never past the cap) and inflation simply continues. The first
        // guess stays under 1 KB when it can, the most glibc's per-thread cache serves.
        let limit = min(max(0, maxOutput), Int(Int32.max)) + 1
        var capacity = min(limit, max(960, data.count * 3))
        var output = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
        var produced = 0
        // zlib's `next_in` is not const-qualified but zlib never writes through it.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: data.baseAddress)
        stream.pointee.avail_in = UInt32(data.count)
        inflating: while true {
            let status: Int32 = output.withUnsafeMutableBufferPointer { out in
                let room = capacity - produced
                stream.pointee.next_out = out.baseAddress.map { $0 + produced }
                stream.pointee.avail_out = UInt32(room)
                let status = CZlib.inflate(stream, Z_FINISH)
                produced += room - Int(stream.pointee.avail_out)
                return status
            }
            if produced >= limit { throw .oversized("decompressed data exceeds the \(limit - 1)-byte cap") }
            switch status {
            case Z_STREAM_END:
                if stream.pointee.avail_in != 0 {
                    throw .malformed("\(stream.pointee.avail_in) bytes follow the end of the compressed stream")
                }
                break inflating
            case Z_OK, Z_BUF_ERROR:
                // Room left and no end of stream: the input ran out first.
                guard stream.pointee.avail_out == 0 else { throw .malformed("compressed data ends before the end of the stream") }
                // Out of room, still under the cap: grow and go on.
                capacity = min(limit, capacity * 2)
                output.append(contentsOf: repeatElement(0, count: capacity - output.count))
            default:
                throw .malformed("compressed data is corrupt (zlib status \(status))")
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
