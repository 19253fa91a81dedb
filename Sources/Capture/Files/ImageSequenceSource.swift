import Foundation
import Imaging

/// A folder of still images played as a video, in file-name order (`0001.pgm`, `0002.pgm`, …):
/// the corpora and the simulation's rendered scenes come this way.
///
/// PGM/PPM are decoded here through ``Imaging/PNM``. Other formats (PNG, JPEG) are decoded by
/// the `ImageFiles` module, which Capture may not import, so the caller passes their decoder in
/// (``ImageDecoder``) — the CLI wires ImageFiles' PNG decoder that way.
public final class ImageSequenceSource: FrameSource {
    /// Turns a file's bytes into luminance; throws a human reason on failure.
    public struct ImageDecoder: Sendable {
        public var extensions: Set<String>
        public var decode: @Sendable ([UInt8]) throws -> GrayBuffer
        public init(extensions: Set<String>, decode: @escaping @Sendable ([UInt8]) throws -> GrayBuffer) {
            self.extensions = extensions; self.decode = decode
        }

        /// PGM (P2/P5) and PPM (P3/P6, converted to luminance) through `Imaging.PNM`.
        public static let pnm = ImageDecoder(extensions: ["pgm", "ppm", "pnm"]) { bytes in try PNM.decode(bytes) }
    }

    public let directory: String
    public let files: [String]
    public let size: FrameSize
    private let decoders: [ImageDecoder]
    private let frameDuration: Duration
    private let waiter: any FrameWaiter
    private var index = 0
    /// Pixels of the frame handed out last, overwritten by the next request. One stable buffer
    /// rather than the decoded array, whose address Swift does not promise outside a closure.
    private let frameBuffer: UnsafeMutableBufferPointer<UInt8>
    private var isClosed = false

    /// Lists `directory`; the first image fixes the frame size, and every later image must match it.
    public init(directory: String, decoders: [ImageDecoder] = [.pnm], framesPerSecond: Int = 30,
                pacing: Pacing = .asFastAsPossible) throws(CaptureError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw FileManager.default.fileExists(atPath: directory) ? .badImage(path: directory, detail: "not a readable folder")
                                                                     : .notFound(path: directory)
        }
        let known = decoders.reduce(into: Set<String>()) { $0.formUnion($1.extensions) }
        let files = names.filter { known.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
        guard let first = files.first else {
            throw .badImage(path: directory, detail: "no image files (\(known.sorted().joined(separator: ", ")))")
        }
        self.directory = directory
        self.files = files
        self.decoders = decoders
        self.frameDuration = .nanoseconds(1_000_000_000 / Int64(max(1, framesPerSecond)))
        self.waiter = pacing.makeWaiter()
        let image = try Self.load(first, decoders)
        self.size = FrameSize(width: image.width, height: image.height)
        self.frameBuffer = .allocate(capacity: max(1, image.width * image.height))
    }

    deinit { frameBuffer.deallocate() }

    static func load(_ path: String, _ decoders: [ImageDecoder]) throws(CaptureError) -> GrayBuffer {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let decoder = decoders.first(where: { $0.extensions.contains(ext) }) else {
            throw .badImage(path: path, detail: "no decoder for .\(ext)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .badImage(path: path, detail: "cannot be read") }
        do { return try decoder.decode([UInt8](data)) } catch {
            throw .badImage(path: path, detail: "\(error)")
        }
    }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard !isClosed else { throw .closed(source: directory) }
        guard index < files.count else { return nil }
        let image = try Self.load(files[index], decoders)
        guard image.width == size.width, image.height == size.height else {
            throw .badImage(path: files[index], detail: "\(image.width)x\(image.height) in a \(size) sequence")
        }
        let timestamp = frameDuration * index
        try await waiter.wait(until: timestamp)
        _ = frameBuffer.update(fromContentsOf: image.pixels)
        defer { index += 1 }
        return Frame(image: GrayImage(base: UnsafePointer(frameBuffer.baseAddress!), width: size.width, height: size.height, stride: size.width),
                     sequence: UInt64(index), timestamp: timestamp, dropped: 0)
    }

    nonisolated(nonsending) public func close() async {
        isClosed = true
    }
}
