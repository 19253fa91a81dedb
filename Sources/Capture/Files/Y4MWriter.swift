#if canImport(Glibc)
import Glibc
#endif
public import Imaging

/// Writes luminance frames as a mono Y4M stream (`Cmono`): what `threshold capture` records and
/// what ``Y4MReader`` and ffmpeg read back.
public final class Y4MWriter {
    public let header: Y4MHeader
    let path: String
    private let fd: Int32
    private var row: [UInt8]
    private var isClosed = false

    /// Creates (or truncates) `path` and writes the stream header.
    public init(path: String, width: Int, height: Int, frameRateNumerator: Int = 30, frameRateDenominator: Int = 1) throws(CaptureError) {
        let header = Y4MHeader(width: width, height: height, frameRateNumerator: frameRateNumerator,
                               frameRateDenominator: frameRateDenominator, colorspace: .mono)
        guard (1...Y4MHeader.maxDimension).contains(width), (1...Y4MHeader.maxDimension).contains(height) else {
            throw .unsupportedFormat(device: path, detail: "frame size \(width)x\(height)")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CaptureError.from(errno: errno, operation: "open", device: path) }
        self.fd = fd
        self.path = path
        self.header = header
        self.row = []
        do { try writeAll(Array((header.line + "\n").utf8)) } catch { Glibc.close(fd); throw error }
    }

    deinit { if !isClosed { Glibc.close(fd) } }

    /// Appends one frame; its size must match the header.
    public func write(_ image: GrayImage) throws(CaptureError) {
        guard !isClosed else { throw .closed(source: path) }
        guard image.width == header.width, image.height == header.height else {
            throw .unsupportedFormat(device: path, detail: "frame \(image.width)x\(image.height) in a \(header.width)x\(header.height) stream")
        }
        try writeAll(Array("FRAME\n".utf8))
        if image.stride == image.width {
            try writeRaw(UnsafeRawPointer(image.base), count: image.width * image.height)
        } else {
            for y in 0..<image.height {
                let r = image.row(y)
                try writeRaw(UnsafeRawPointer(image.base + y * image.stride), count: r.count)
            }
        }
    }

    /// Flushes to disk and closes the file.
    public func close() throws(CaptureError) {
        guard !isClosed else { return }
        isClosed = true
        let r = Glibc.close(fd)
        if r != 0 { throw CaptureError.from(errno: errno, operation: "close", device: path) }
    }

    private func writeAll(_ bytes: [UInt8]) throws(CaptureError) {
        var failure: CaptureError?
        bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return }
            do throws(CaptureError) { try writeRaw(base, count: b.count) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeRaw(_ pointer: UnsafeRawPointer, count: Int) throws(CaptureError) {
        var done = 0
        while done < count {
            let n = Glibc.write(fd, pointer + done, count - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            throw CaptureError.from(errno: errno, operation: "write", device: path)
        }
    }
}
