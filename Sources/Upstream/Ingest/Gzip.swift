import CZlib
import Foundation

/// gzip for request bodies, through the system zlib.
public enum Gzip {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Inflating would exceed the cap (a zip bomb, or simply too much).
        case tooLarge(limit: Int)
        /// Not gzip, or damaged.
        case corrupt(String)

        public var description: String {
            switch self {
            case .tooLarge(let limit): "The body inflates past \(limit) bytes."
            case .corrupt(let why): "The body is not valid gzip (\(why))."
            }
        }
    }

    /// Inflates a gzip stream, refusing to produce more than `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, 31) == Z_OK else { throw .corrupt("zlib init failed") }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            var status: Int32 = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { return -100 }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_OK && stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
            return status
        }
        switch status {
        case Z_STREAM_END: return output
        case -100: throw .tooLarge(limit: limit)
        case Z_BUF_ERROR: throw .corrupt("truncated")
        default: throw .corrupt("zlib status \(status)")
        }
    }

    /// Deflates into a gzip stream (tests and tools; kiosks compress in `Sync`).
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init2(&stream, level, 31) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? out.count - Int(stream.avail_out) : -1
            }
        }
        return written < 0 ? [] : Array(output[0..<written])
    }
}
