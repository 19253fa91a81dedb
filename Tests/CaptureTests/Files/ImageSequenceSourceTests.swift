import XCTest
import Imaging
import QRCode
@testable import Capture

final class ImageSequenceSourceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("seq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func put(_ name: String, _ image: GrayBuffer) throws {
        try Data(PNM.encodePGM(image)).write(to: dir.appendingPathComponent(name))
    }

    func testPlaysPGMFilesInNameOrderAndDecodesTheirCodes() async throws {
        let texts = ["first", "second", "third"]
        for (i, text) in texts.enumerated() {
            var frame = GrayBuffer(width: 200, height: 160, fill: 255)
            let card = try QREncoder.encode(text).render(moduleSize: 4, quietZone: 4)
            for y in 0..<card.height { for x in 0..<card.width { frame[x + 20, y + 20] = card[x, y] } }
            try put(String(format: "%03d.pgm", i + 1), frame)
        }
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("notes.txt"))  // ignored

        let source = try ImageSequenceSource(directory: dir.path)
        XCTAssertEqual(source.size, FrameSize(width: 200, height: 160))
        var read = [String]()
        for try await frame in source.frames {
            XCTAssertEqual(frame.timestamp, .nanoseconds(33_333_333) * Int(frame.sequence))
            read += QRDecoder().read(frame.image).map(\.text)
        }
        XCTAssertEqual(read, texts)
    }

    func testBadFilesAndMismatchedSizesAreTyped() async throws {
        try put("1.pgm", GrayBuffer(width: 4, height: 4))
        try put("2.pgm", GrayBuffer(width: 5, height: 4))
        try Data("P5\n4 4\n255\n\u{1}".utf8).write(to: dir.appendingPathComponent("3.pgm"))
        let source = try ImageSequenceSource(directory: dir.path)
        _ = try await source.nextFrame()
        do { _ = try await source.nextFrame(); XCTFail("a 5x4 frame in a 4x4 sequence") } catch {
            guard case .badImage(let path, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("2.pgm") && detail.contains("5x4"), "\(path) \(detail)")
        }
        let truncated = try ImageSequenceSource(directory: dir.path)
        _ = try await truncated.nextFrame()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("2.pgm"))
        do { _ = try await truncated.nextFrame(); XCTFail("a truncated PGM was accepted") } catch {
            guard case .badImage = error else { return XCTFail("\(error)") }
        }
    }

    func testEmptyOrMissingFolders() throws {
        XCTAssertThrowsError(try ImageSequenceSource(directory: dir.path)) {
            guard case .badImage? = $0 as? CaptureError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try ImageSequenceSource(directory: dir.path + "/none")) {
            XCTAssertEqual($0 as? CaptureError, .notFound(path: dir.path + "/none"))
        }
    }

    func testSourceSpecChoosesTheReader() throws {
        XCTAssertEqual(SourceSpec.kind(of: "/dev/video0"), .camera)
        XCTAssertEqual(SourceSpec.kind(of: "clip.Y4M"), .y4m)
        XCTAssertEqual(SourceSpec.kind(of: dir.path), .imageSequence)
        XCTAssertEqual(SourceSpec.kind(of: "door.mp4"), .ffmpeg)
    }
}
