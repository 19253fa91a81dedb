import Capture
import Imaging

/// Renders a scenario frame by frame, straight into the pipeline — the same frames
/// `ClipGenerator.write` puts in a Y4M file, without the file (a 720p minute is ~1.3 GB of Y4M).
/// Timestamps are the clip's presentation times, as a `Y4MReader` would give them.
public final class ScenarioSource: FrameSource {
    let generator: ClipGenerator
    let pixels: UnsafeMutablePointer<UInt8>
    private var next = 0
    private var screens: [String: PhoneScreen] = [:]
    private var closed = false

    public init(generator: ClipGenerator) {
        self.generator = generator
        pixels = .allocate(capacity: generator.renderer.width * generator.renderer.height)
    }

    deinit { pixels.deallocate() }

    public var size: FrameSize { FrameSize(width: generator.renderer.width, height: generator.renderer.height) }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard !closed, next < generator.frameCount else { return nil }
        let index = next
        next += 1
        let seconds = generator.seconds(ofFrame: index)
        let rendered: GrayBuffer
        do { (rendered, _) = try generator.renderer.frame(at: seconds, index: index, screens: &screens) } catch {
            throw CaptureError.malformedStream(source: "scenario \(generator.scenario.name)", detail: "frame \(index): \(error)")
        }
        rendered.pixels.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            pixels.update(from: base, count: min(source.count, generator.renderer.width * generator.renderer.height))
        }
        let image = GrayImage(base: UnsafePointer(pixels), width: size.width, height: size.height, stride: size.width)
        return Frame(image: image, sequence: UInt64(index), timestamp: .nanoseconds(Int64(seconds * 1e9)), dropped: 0)
    }

    nonisolated(nonsending) public func close() async { closed = true }
}

extension ClipGenerator {
    /// The expected decisions and each visitor's frames, computed from the scenario's timing
    /// without rendering (token digests are left empty: the runner attributes codes by frame).
    public func plan() throws -> ExpectedManifest {
        var frames: [Int: (Int, Int)] = [:]
        for index in 0..<frameCount {
            guard let v = renderer.visitorIndex(at: seconds(ofFrame: index)) else { continue }
            frames[v] = (frames[v]?.0 ?? index, index)
        }
        let digests = Dictionary(uniqueKeysWithValues: frames.keys.map { ($0, [""]) })
        return try manifest(frames: frames, digests: digests)
    }
}
