import TestSupport
import XCTest
@testable import QRCode

/// No BitMatrix, however broken, may crash the symbol decoder: it answers with a typed error.
final class GarbageInputTests: XCTestCase {
    func testRandomMatricesNeverCrash() {
        var rng = SeededRNG(seed: 99)
        var outcomes = [String: Int]()
        for i in 0..<400 {
            let sizes = [(0, 0), (1, 1), (20, 20), (21, 22), (21, 21), (25, 25), (45, 45), (57, 57), (177, 177), (181, 181)]
            let (w, h) = sizes[i % sizes.count]
            var m = BitMatrix(width: w, height: h)
            for y in 0..<h { for x in 0..<w where rng.next() & 1 == 1 { m[x, y] = true } }
            do {
                _ = try SymbolDecoder.decode(m)
                outcomes["decoded", default: 0] += 1
            } catch {
                outcomes["\(error)".prefix(20).description, default: 0] += 1
            }
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 400)
    }

    /// Valid function patterns and format info over random data reach RS and the parser.
    func testRandomDataUnderValidFormatNeverCrashes() throws {
        var rng = SeededRNG(seed: 5)
        var reachedParser = 0
        for i in 0..<200 {
            let v = 1 + i % 12
            let level = ErrorCorrectionLevel.allCases[i % 4]
            let version = Version.all[v - 1]
            // Random codewords that are valid RS blocks: random data codewords, real EC.
            let data = (0..<version.dataCodewords(level)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let all = try QREncoder.codewords(data, version: version, ecLevel: level)
            var m = MatrixBuilder.base(version: version, codewords: all)
            DataMask.apply(i % 8, to: &m, version: version)
            MatrixBuilder.drawFormat(FormatInformation(ecLevel: level, mask: i % 8), into: &m)
            do {
                _ = try SymbolDecoder.decode(m)
                reachedParser += 1
            } catch let error {
                if case .tooManyErrors = error { XCTFail("valid RS blocks reported as damaged") }
                if case .formatInfoUnreadable = error { XCTFail("valid format reported unreadable") }
                reachedParser += 1
            }
        }
        XCTAssertEqual(reachedParser, 200)
    }
}
