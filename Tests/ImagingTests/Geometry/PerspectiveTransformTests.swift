import XCTest
@testable import Imaging

final class PerspectiveTransformTests: XCTestCase {
    func assertClose(_ a: Point, _ b: Point, _ tolerance: Double = 1e-6, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.x, b.x, accuracy: tolerance, file: file, line: line)
        XCTAssertEqual(a.y, b.y, accuracy: tolerance, file: file, line: line)
    }

    func testQuadToQuadMapsCornersAndIsInvertible() {
        let from = Quad(x: 0, y: 0, width: 21, height: 21)
        let to = Quad(topLeft: Point(100, 50), topRight: Point(300, 80),
                      bottomRight: Point(280, 260), bottomLeft: Point(90, 240))
        let t = PerspectiveTransform.quadToQuad(from: from, to: to)
        for (a, b) in zip(from.corners, to.corners) { assertClose(t.apply(a), b) }
        let back = PerspectiveTransform.quadToQuad(from: to, to: from)
        let p = Point(7.5, 13.25)
        assertClose(back.apply(t.apply(p)), p)
        // Straight lines stay straight: the midpoint of an edge lies on the image edge.
        let mid = t.apply(Point(10.5, 0))
        let cross = (to.topRight.x - to.topLeft.x) * (mid.y - to.topLeft.y) - (to.topRight.y - to.topLeft.y) * (mid.x - to.topLeft.x)
        XCTAssertEqual(cross, 0, accuracy: 1e-6)
    }

    func testAffineCaseAndRowApplication() {
        let to = Quad(topLeft: Point(10, 10), topRight: Point(30, 20), bottomRight: Point(20, 40), bottomLeft: Point(0, 30))
        let t = PerspectiveTransform.quadToQuad(from: Quad(x: 0, y: 0, width: 1, height: 1), to: to)
        assertClose(t.apply(Point(0.5, 0.5)), Point(15, 25))
        var row = [Point](repeating: Point(0, 0), count: 5)
        row.withUnsafeMutableBufferPointer { t.applyRow(y: 0.25, x0: 0, dx: 0.25, count: 5, into: $0.baseAddress!) }
        for i in 0..<5 { assertClose(row[i], t.apply(Point(Double(i) * 0.25, 0.25))) }
    }

    func testQuadContains() {
        let q = Quad(topLeft: Point(0, 0), topRight: Point(10, 0), bottomRight: Point(10, 10), bottomLeft: Point(0, 10))
        XCTAssertTrue(q.contains(Point(5, 5)))
        XCTAssertFalse(q.contains(Point(11, 5)))
        assertClose(q.center, Point(5, 5))
    }
}
