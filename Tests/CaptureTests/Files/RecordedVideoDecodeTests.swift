import XCTest
import Imaging
import QRCode
@testable import Capture

/// Recorded video end to end: frames rendered by our encoder → Y4M file → Y4MReader → QRDecoder,
/// with the decoder reading the reader's buffer in place.
final class RecordedVideoDecodeTests: XCTestCase {
    func testCodesInAY4MClipAreReadFrameByFrame() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("codes-\(UUID().uuidString).y4m").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let texts = ["THR1:alpha", "", "THR1:gamma-✓"]  // "" = a frame without a code
        let writer = try Y4MWriter(path: path, width: 320, height: 240)
        for text in texts {
            var frame = GrayBuffer(width: 320, height: 240, fill: 230)
            if !text.isEmpty {
                let card = try QREncoder.encode(text).render(moduleSize: 5, quietZone: 4)
                for y in 0..<card.height { for x in 0..<card.width { frame[x + 40, y + 20] = card[x, y] } }
            }
            try frame.withImage { try writer.write($0) }
        }
        try writer.close()

        let reader = try Y4MReader(path: path)
        var perFrame = [[String]]()
        for try await frame in reader.frames { perFrame.append(QRDecoder().read(frame.image).map(\.text)) }
        XCTAssertEqual(perFrame, [["THR1:alpha"], [], ["THR1:gamma-✓"]])
    }
}
