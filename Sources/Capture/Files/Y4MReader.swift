#if canImport(Glibc)
import Glibc
#endif
import Imaging

/// Frames from a Y4M file or pipe (mono or 4:2:0/4:2:2/4:4:4), the Y plane viewed in place.
///
/// Each frame is read into one reusable buffer and handed out as a view of its Y plane, so the
/// decoder sees recorded video exactly as it sees a camera buffer. The next ``nextFrame()``
/// overwrites that buffer — see ``FrameSource`` for the ownership rule.
public final class Y4MReader: FrameSource {
    public let header: Y4MHeader
    public var size: FrameSize { FrameSize(width: header.width, height: header.height) }
    let name: String
    private let input: ByteReader
    private let ownsDescriptor: Bool
    private var frameBuffer: UnsafeMutableRawBufferPointer
    private let waiter: any FrameWaiter
    private var index: UInt64 = 0
    private var isClosed = false

    /// Opens a file.
    public convenience init(path: String, pacing: Pacing = .asFastAsPossible) throws(CaptureError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CaptureError.from(errno: errno, operation: "open", device: path) }
        try self.init(fileDescriptor: fd, name: path, pacing: pacing, ownsDescriptor: true)
    }

    /// Reads from an open descriptor (a pipe from ffmpeg, stdin); reads the header immediately.
    public init(fileDescriptor fd: Int32, name: String, pacing: Pacing = .asFastAsPossible, ownsDescriptor: Bool) throws(CaptureError) {
        let input = ByteReader(fd: fd, name: name)
        let headerLine: [UInt8]?
        do {
            headerLine = try input.readLine(limit: 256)
        } catch {
            if ownsDescriptor { Glibc.close(fd) }
            throw error
        }
        guard let headerLine else {
            if ownsDescriptor { Glibc.close(fd) }
            throw CaptureError.malformedStream(source: name, detail: "it is empty")
        }
        let header: Y4MHeader
        do { header = try Y4MHeader.parse(headerLine, source: name) } catch {
            if ownsDescriptor { Glibc.close(fd) }
            throw error
        }
        self.header = header
        self.name = name
        self.input = input
        self.ownsDescriptor = ownsDescriptor
        self.frameBuffer = .allocate(byteCount: header.frameBytes, alignment: 64)
        self.waiter = pacing.makeWaiter()
    }

    deinit {
        if !isClosed && ownsDescriptor { Glibc.close(input.fd) }
        frameBuffer.deallocate()
    }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard !isClosed else { throw .closed(source: name) }
        guard let marker = try input.readLine(limit: 1024) else { return nil }
        guard marker.starts(with: Array("FRAME".utf8)), marker.count == 5 || marker[5] == UInt8(ascii: " ") else {
            throw .malformedStream(source: name, detail: "frame \(index) does not start with FRAME")
        }
        let got = try input.read(into: frameBuffer.baseAddress!, count: header.frameBytes)
        guard got == header.frameBytes else { throw .truncatedFrame(source: name, expected: header.frameBytes, got: got) }
        let timestamp = header.frameDuration * Int(index)
        try await waiter.wait(until: timestamp)
        defer { index += 1 }
        let base = UnsafePointer(frameBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        let image = GrayImage(base: base, width: header.width, height: header.height, stride: header.width)
        return Frame(image: image, sequence: index, timestamp: timestamp, dropped: 0)
    }

    nonisolated(nonsending) public func close() async {
        guard !isClosed else { return }
        isClosed = true
        if ownsDescriptor { Glibc.close(input.fd) }
    }
}
