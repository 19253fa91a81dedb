import XCTest
import Imaging
@testable import QRCode

final class ImagePyramidTests: XCTestCase {
    /// Every halved pixel is the rounded mean of its 2×2 block, for widths that exercise both the
    /// 16-pixel vector path and the scalar tail, with row padding in the source.
    func testHalvingIsTheRoundedBoxMean() {
        for (w, h) in [(37, 23), (64, 64), (130, 71)] {
            let stride = w + 5
            var pixels = [UInt8](repeating: 0, count: stride * h)
            var state: UInt32 = 12345
            for i in pixels.indices {
                state = state &* 1_103_515_245 &+ 12345
                pixels[i] = UInt8(truncatingIfNeeded: state >> 16)
            }
            pixels.withUnsafeBufferPointer { buf in
                let image = GrayImage(base: buf.baseAddress!, width: w, height: h, stride: stride)
                let pyramid = ImagePyramid(image, maxLevels: 1, minSide: 1)
                XCTAssertEqual(pyramid.levels.count, 2)
                let half = pyramid.levels[1]
                XCTAssertEqual(half.width, w / 2)
                XCTAssertEqual(half.height, h / 2)
                for y in 0..<half.height {
                    for x in 0..<half.width {
                        let s = Int(image[2 * x, 2 * y]) + Int(image[2 * x + 1, 2 * y]) + Int(image[2 * x, 2 * y + 1]) + Int(image[2 * x + 1, 2 * y + 1])
                        XCTAssertEqual(Int(half[x, y]), (s + 2) / 4, "(\(x),\(y)) at \(w)×\(h)")
                    }
                }
            }
        }
    }

    /// Levels stop at `maxLevels` or when the smaller side would drop below `minSide`.
    func testLevelCount() {
        let buffer = GrayBuffer(width: 1280, height: 720)
        buffer.withImage { image in
            XCTAssertEqual(ImagePyramid(image, maxLevels: 4, minSide: 64).levels.map(\.width), [1280, 640, 320, 160])
            XCTAssertEqual(ImagePyramid(image, maxLevels: 2, minSide: 64).levels.count, 3)
            XCTAssertEqual(ImagePyramid(image, maxLevels: 0, minSide: 64).levels.count, 1)
        }
    }
}
