import XCTest
@testable import Passes

final class ZlibTests: XCTestCase {
    let text = Array(String(repeating: "Threshold kiosk pass. ", count: 40).utf8)

    func testRoundTripBothFormats() throws {
        for format in [Zlib.Format.zlib, .raw] {
            let packed = Zlib.deflate(text, format: format)
            XCTAssertLessThan(packed.count, text.count)
            XCTAssertEqual(try Zlib.inflate(packed, format: format), text)
        }
        XCTAssertEqual(try Zlib.inflate(Zlib.deflate(text, format: .zlib), format: .auto), text)
        XCTAssertEqual(try Zlib.inflate(Zlib.deflate([], format: .zlib), format: .zlib), [])
    }

    func testLargeOutputAcrossChunks() throws {
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) }
        XCTAssertEqual(try Zlib.inflate(Zlib.deflate(big, format: .zlib), format: .zlib, maxOutput: 200_000), big)
    }

    func testZipBombHitsTheCap() {
        let bomb = Zlib.deflate([UInt8](repeating: 0, count: 10_000_000), format: .zlib)
        XCTAssertLessThan(bomb.count, 20_000)
        XCTAssertThrowsError(try Zlib.inflate(bomb, format: .zlib)) { error in
            XCTAssertEqual((error as? PassError)?.reason, .oversized)
        }
        XCTAssertThrowsError(try Zlib.inflate(Zlib.deflate(text, format: .raw), format: .raw, maxOutput: text.count - 1)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .oversized)
        }
        XCTAssertNoThrow(try Zlib.inflate(Zlib.deflate(text, format: .raw), format: .raw, maxOutput: text.count))
    }

    func testCorruptTruncatedAndTrailing() {
        let packed = Zlib.deflate(text, format: .zlib)
        var corrupt = packed
        corrupt[0] ^= 0xFF // header check fails
        let cases: [(String, [UInt8], Zlib.Format)] = [
            ("empty", [], .zlib),
            ("bad header", corrupt, .zlib),
            ("truncated", Array(packed.dropLast(6)), .zlib),
            ("trailing", packed + [0x00], .zlib),
            ("zlib read as raw", packed, .raw),
            ("not compressed", Array("HC1 plain text".utf8), .zlib),
        ]
        for (name, data, format) in cases {
            XCTAssertThrowsError(try Zlib.inflate(data, format: format), name) { error in
                XCTAssertEqual((error as? PassError)?.reason, .malformed, name)
            }
        }
    }

    /// Streams are reused between calls (`InflateStreams`): whatever the last call left behind —
    /// another format, a corrupt stream, an oversized one, a grown window — the next call must
    /// start clean, and no more than `keep` streams stay idle.
    func testReusedStreamsStartCleanWhateverTheLastCallDid() throws {
        let zlib = Zlib.deflate(text, format: .zlib), raw = Zlib.deflate(text, format: .raw)
        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) }
        let bigPacked = Zlib.deflate(big, format: .zlib)
        for round in 0..<50 {
            XCTAssertEqual(try Zlib.inflate(zlib, format: .zlib), text, "round \(round)")
            XCTAssertEqual(try Zlib.inflate(raw, format: .raw), text)
            XCTAssertEqual(try Zlib.inflate(zlib, format: .auto), text)
            XCTAssertThrowsError(try Zlib.inflate(Array(zlib.dropLast(3)), format: .zlib))
            XCTAssertThrowsError(try Zlib.inflate(zlib, format: .raw))
            XCTAssertThrowsError(try Zlib.inflate(bigPacked, format: .zlib, maxOutput: 1000))
            if round % 10 == 0 { XCTAssertEqual(try Zlib.inflate(bigPacked, format: .zlib, maxOutput: big.count), big) }
            XCTAssertLessThanOrEqual(InflateStreams.idleCount, InflateStreams.keep)
        }
        // From many threads at once: each call has a stream to itself.
        let text = text
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let format: Zlib.Format = i % 2 == 0 ? .zlib : .raw
            XCTAssertEqual(try? Zlib.inflate(format == .zlib ? zlib : raw, format: format), text)
        }
        XCTAssertLessThanOrEqual(InflateStreams.idleCount, InflateStreams.keep)
    }
}

