import XCTest
@testable import Imaging

final class GrayImageTests: XCTestCase {
    func testViewReadsPaddedRowsWithoutCopy() {
        // 3×2 image in rows of stride 5: padding bytes must never be seen.
        let memory: [UInt8] = [1, 2, 3, 99, 99, 4, 5, 6, 99, 99]
        memory.withUnsafeBufferPointer { buf in
            let image = GrayImage(base: buf.baseAddress!, width: 3, height: 2, stride: 5)
            XCTAssertEqual(image[0, 0], 1)
            XCTAssertEqual(image[2, 1], 6)
            XCTAssertEqual(Array(image.row(1)), [4, 5, 6])
            XCTAssertEqual(image.row(0).baseAddress, buf.baseAddress, "row view must alias the memory")
            let crop = image.crop(x: 1, y: 1, width: 2, height: 1)
            XCTAssertEqual(Array(crop.row(0)), [5, 6])
        }
    }

    func testBufferRoundTripsThroughView() {
        var buffer = GrayBuffer(width: 4, height: 3, fill: 10)
        buffer[3, 2] = 200
        let copy = buffer.withImage { GrayBuffer(copying: $0) }
        XCTAssertEqual(copy, buffer)
        XCTAssertEqual(copy[3, 2], 200)
        let empty = GrayBuffer(width: 0, height: 0)
        XCTAssertEqual(empty.withImage { $0.width }, 0)
    }
}
