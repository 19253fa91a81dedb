import TestSupport
import XCTest
@testable import QRCode

final class SymbolDecoderRoundTripTests: XCTestCase {
    func testHelloWorld() throws {
        let symbol = try QREncoder.encode("HELLO WORLD", ecLevel: .Q)
        let decoded = try SymbolDecoder.decode(symbol.modules)
        XCTAssertEqual(decoded.text, "HELLO WORLD")
        XCTAssertEqual(decoded.bytes, Array("HELLO WORLD".utf8))
        XCTAssertEqual(decoded.version, 1)
        XCTAssertEqual(decoded.ecLevel, .Q)
        XCTAssertEqual(decoded.mask, symbol.mask)
        XCTAssertEqual(decoded.correctedErrors, 0)
        XCTAssertFalse(decoded.mirrored)
        XCTAssertEqual(decoded.symbologyIdentifier, "]Q1")
    }

    /// Versions 1–40 × EC levels × payload kinds (sampled so that every version, level and kind
    /// appears), with as many damaged codewords per block as the block can repair.
    func testRoundTripsAcrossVersionsLevelsAndModesWithDamage() throws {
        var rng = SeededRNG(seed: 2024)
        let levels = ErrorCorrectionLevel.allCases
        let kinds = ["numeric", "alphanumeric", "byte", "kanji", "mixed"]
        for v in 1...40 {
            for (li, level) in levels.enumerated() where (v + li) % 2 == 0 || v <= 10 {
                let kind = kinds[(v * 4 + li) % kinds.count]
                let version = Version.all[v - 1]
                let text = Self.payload(kind, fillingBits: version.dataCodewords(level) * 8, version: v, rng: &rng)
                let symbol = try QREncoder.encode(text, ecLevel: level, minVersion: v, maxVersion: v)
                XCTAssertEqual(symbol.version, v)
                var damaged = symbol.modules
                let flipped = Self.damage(&damaged, version: version, level: level, rng: &rng)
                let decoded = try SymbolDecoder.decode(damaged)
                XCTAssertEqual(decoded.text, text, "v\(v)-\(level) \(kind)")
                XCTAssertEqual(decoded.version, v)
                XCTAssertEqual(decoded.ecLevel, level)
                XCTAssertEqual(decoded.correctedErrors, flipped, "v\(v)-\(level)")
            }
        }
    }

    func testEveryMaskRoundTrips() throws {
        for mask in 0..<8 {
            let symbol = try QREncoder.encode("MASK \(mask) https://example.org/p?q=12345", ecLevel: .M, minVersion: 3, mask: mask)
            XCTAssertEqual(symbol.mask, mask)
            let decoded = try SymbolDecoder.decode(symbol.modules)
            XCTAssertEqual(decoded.mask, mask)
            XCTAssertEqual(decoded.text, "MASK \(mask) https://example.org/p?q=12345")
            // Masks really differ: unmasking with the wrong pattern must not yield the same codewords.
            let right = CodewordReader.read(symbol.modules, version: Version.all[symbol.version - 1], mask: mask)
            let wrong = CodewordReader.read(symbol.modules, version: Version.all[symbol.version - 1], mask: (mask + 1) % 8)
            XCTAssertNotEqual(right, wrong)
        }
    }

    func testMirroredSymbolIsReadAndFlagged() throws {
        for (text, v) in [("MIRROR", 1), ("A mirrored pass from a selfie camera 0123456789", 8)] {
            let symbol = try QREncoder.encode(text, ecLevel: .H, minVersion: v)
            let decoded = try SymbolDecoder.decode(symbol.modules.transposed())
            XCTAssertEqual(decoded.text, text)
            XCTAssertTrue(decoded.mirrored)
            XCTAssertThrowsError(try SymbolDecoder.decodeOriented(symbol.modules.transposed()))
        }
    }

    func testDamageBeyondCapacityIsATypedError() throws {
        let symbol = try QREncoder.encode("TOO MUCH DAMAGE", ecLevel: .L, minVersion: 2, mask: 3)
        let version = Version.all[1]
        var m = symbol.modules
        let order = FunctionPattern.layout(for: version).dataOrder
        for k in 0..<12 { m.bits[Int(order[k * 8 * 3])].toggle() }  // 12 codewords in one 44-codeword block, EC 10
        XCTAssertThrowsError(try SymbolDecoder.decode(m)) { error in
            XCTAssertEqual(error as? QRDecodeError, .tooManyErrors(block: 0))
        }
    }

    func testFormatAndVersionDamageIsRepaired() throws {
        let symbol = try QREncoder.encode("VERSION INFO", ecLevel: .M, minVersion: 12)
        var m = symbol.modules
        let n = m.width
        for (x, y) in [(0, 8), (8, 0), (8, n - 1), (n - 11, 0), (n - 10, 1), (0, n - 11), (2, n - 9)] { m.flip(x: x, y: y) }
        let decoded = try SymbolDecoder.decode(m)
        XCTAssertEqual(decoded.version, 12)
        XCTAssertEqual(decoded.text, "VERSION INFO")
        // Both version blocks wiped: the size alone decides, and RS confirms.
        m.setRegion(x: n - 11, y: 0, width: 3, height: 6, to: false)
        m.setRegion(x: 0, y: n - 11, width: 6, height: 3, to: false)
        XCTAssertEqual(try SymbolDecoder.decodeOriented(m).text, "VERSION INFO")
        // A block that clearly names another version: the grid size is wrong — a typed error.
        let other = Version.versionBits(14)
        for i in 0..<18 { m[n - 11 + i % 3, i / 3] = (other >> i) & 1 == 1 }
        XCTAssertThrowsError(try SymbolDecoder.decodeOriented(m)) { XCTAssertEqual($0 as? QRDecodeError, .versionInfoUnreadable) }
        var f = symbol.modules
        f.setRegion(x: 0, y: 8, width: 9, height: 1, to: true)
        f.setRegion(x: 8, y: 0, width: 1, height: 9, to: true)
        f.setRegion(x: n - 8, y: 8, width: 8, height: 1, to: true)
        f.setRegion(x: 8, y: n - 7, width: 1, height: 7, to: true)
        XCTAssertThrowsError(try SymbolDecoder.decodeOriented(f)) { XCTAssertEqual($0 as? QRDecodeError, .formatInfoUnreadable) }
    }

    // MARK: - Helpers

    /// Flips one module in each of ⌊ec/2⌋ random codewords per block; returns how many codewords.
    static func damage(_ m: inout BitMatrix, version: Version, level: ErrorCorrectionLevel, rng: inout SeededRNG) -> Int {
        let layout = version.ecBlocks(level)
        let order = FunctionPattern.layout(for: version).dataOrder
        // Position of each block's codewords in the interleaved stream.
        var positions = [[Int]](repeating: [], count: layout.blockCount)
        var k = 0
        let longest = layout.shortDataCodewords + (layout.shortBlocks < layout.blockCount ? 1 : 0)
        for j in 0..<longest {
            for b in 0..<layout.blockCount where j < layout.dataCodewords(ofBlock: b) { positions[b].append(k); k += 1 }
        }
        for _ in 0..<layout.ecCodewordsPerBlock { for b in 0..<layout.blockCount { positions[b].append(k); k += 1 } }
        var total = 0
        for b in 0..<layout.blockCount {
            var chosen = Set<Int>()
            while chosen.count < layout.ecCodewordsPerBlock / 2 { chosen.insert(positions[b][Int(rng.next() % UInt64(positions[b].count))]) }
            for c in chosen {
                let bit = Int(rng.next() % 8)
                m.bits[Int(order[c * 8 + bit])].toggle()
            }
            total += chosen.count
        }
        return total
    }

    /// Text of one kind long enough to need most of the capacity (but surely fit).
    static func payload(_ kind: String, fillingBits bits: Int, version: Int, rng: inout SeededRNG) -> String {
        let budget = bits - 40
        func pick(_ alphabet: [String], count: Int) -> String {
            (0..<max(1, count)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
        }
        switch kind {
        case "numeric": return pick((0...9).map(String.init), count: budget * 3 / 10 - 2)
        case "alphanumeric": return pick("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".map(String.init), count: budget * 2 / 11 - 2)
        case "byte": return pick(["a", "b", "z", "~", "é", "ß", "€", "😀", "\n"], count: budget / 8 / 3)
        case "kanji": return pick(["漢", "字", "テ", "ス", "ト", "日", "本"], count: budget / 13 - 2)
        default: return pick(["12345678", "ABC-", "https://x.org/", "日本", "ü"], count: budget / 8 / 9)
        }
    }
}

final class SymbolDecoderErasureTests: XCTestCase {
    /// A wiped area the detector marks unreliable: beyond errors-only capacity, within erasure capacity.
    func testUnreliableModulesBecomeErasures() throws {
        let text = "ERASURES 0123456789"
        let symbol = try QREncoder.encode(text, ecLevel: .H, minVersion: 2, maxVersion: 2, mask: 1)
        let version = Version.all[1]  // 44 codewords, one block, EC 28: 14 errors or 28 erasures
        var damaged = symbol.modules
        var unreliable = BitMatrix(dimension: version.dimension)
        let order = FunctionPattern.layout(for: version).dataOrder
        for c in 0..<20 {  // 20 codewords destroyed: too many as errors, fine as erasures
            for k in 0..<8 {
                let index = Int(order[c * 8 + k])
                damaged.bits[index] = k % 3 == 0
                unreliable.bits[index] = true
            }
        }
        XCTAssertThrowsError(try SymbolDecoder.decode(damaged))
        let decoded = try SymbolDecoder.decode(damaged, unreliable: unreliable)
        XCTAssertEqual(decoded.text, text)
        XCTAssertGreaterThan(decoded.correctedErrors, 14)
    }

    /// Erasures that use up (almost) all EC codewords leave nothing to check the repair with:
    /// refused, never turned into a "decoded" symbol.
    func testErasuresMustLeaveSpareSyndromes() throws {
        let symbol = try QREncoder.encode("SPARE 0123456789", ecLevel: .H, minVersion: 2, maxVersion: 2, mask: 1)
        let version = Version.all[1]  // EC 28 per block: at most 28 − max(4, 7) = 21 erasures
        let order = FunctionPattern.layout(for: version).dataOrder
        var damaged = symbol.modules
        var unreliable = BitMatrix(dimension: version.dimension)
        for c in 0..<28 {
            for k in 0..<8 {
                let index = Int(order[c * 8 + k])
                damaged.bits[index] = (c + k) % 2 == 0
                unreliable.bits[index] = true
            }
        }
        XCTAssertThrowsError(try SymbolDecoder.decode(damaged, unreliable: unreliable))
    }
}
