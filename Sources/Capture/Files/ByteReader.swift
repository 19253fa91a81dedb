#if canImport(Glibc)
import Glibc
#endif

/// Buffered reads from a file descriptor (file or pipe) with the two operations stream formats
/// need: a bounded line, and "exactly n bytes into this memory".
///
/// Why not FileHandle: frames are read straight into the source's reusable buffer (no Data), and
/// a pipe from a child process needs read(2)'s short-read semantics handled in one place.
final class ByteReader {
    let fd: Int32
    let name: String
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private(set) var atEOF = false

    init(fd: Int32, name: String, bufferSize: Int = 64 * 1024) {
        self.fd = fd
        self.name = name
        self.buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    private func refill() throws(CaptureError) {
        start = 0
        end = 0
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { end = n; return }
            if n == 0 { atEOF = true; return }
            if errno == EINTR { continue }
            throw CaptureError.from(errno: errno, operation: "read", device: name)
        }
    }

    /// Whether no byte remains (reads ahead if needed).
    func isAtEnd() throws(CaptureError) -> Bool {
        if start < end { return false }
        if atEOF { return true }
        try refill()
        return start >= end
    }

    /// Bytes up to (not including) the next `\n`; `nil` at a clean end of stream. A line longer
    /// than `limit` or cut by the end of the stream is malformed.
    func readLine(limit: Int) throws(CaptureError) -> [UInt8]? {
        var line = [UInt8]()
        while true {
            if start >= end {
                if atEOF { break }
                try refill()
                if start >= end { break }
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
            if let nl = chunk.firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: chunk[..<nl])
                start += nl + 1
                guard line.count <= limit else { break }
                return line
            }
            line.append(contentsOf: chunk)
            start = end
            if line.count > limit { break }
        }
        if line.isEmpty && start >= end && atEOF { return nil }
        throw CaptureError.malformedStream(source: name, detail: line.count > limit
            ? "a header line is longer than \(limit) bytes" : "the stream ends inside a header line")
    }

    /// Fills `count` bytes at `destination`; returns how many arrived before the end of stream.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(CaptureError) -> Int {
        var done = 0
        // Serve buffered bytes first, then read large remainders directly (no double copy).
        let buffered = min(end - start, count)
        if buffered > 0 {
            destination.copyMemory(from: buffer.baseAddress! + start, byteCount: buffered)
            start += buffered
            done = buffered
        }
        while done < count && !atEOF {
            let n = Glibc.read(fd, destination + done, count - done)
            if n > 0 { done += n; continue }
            if n == 0 { atEOF = true; break }
            if errno == EINTR { continue }
            throw CaptureError.from(errno: errno, operation: "read", device: name)
        }
        return done
    }
}
