import Foundation

/// A scan record's identity: a UUIDv7 (RFC 9562), 48 bits of Unix milliseconds then random bits.
///
/// Why v7: ids sort by creation time, so the outbox drains oldest-first by primary key, the
/// B-tree grows at its right edge, and the upstream can dedupe on the id alone.
public struct RecordID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Big-endian halves; comparing them compares the UUID bytes.
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    /// Builds from 16 bytes; nil when the count is not 16.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var h: UInt64 = 0, l: UInt64 = 0
        for (i, b) in bytes.enumerated() {
            if i < 8 { h = h << 8 | UInt64(b) } else { l = l << 8 | UInt64(b) }
        }
        self.init(high: h, low: l)
    }

    /// Parses the canonical `8-4-4-4-12` hexadecimal form (either case).
    public init?(_ text: String) {
        let hex = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard text.utf8.count == 36, hex.count == 32 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(16)
        var iterator = hex.makeIterator()
        while let a = iterator.next(), let b = iterator.next() {
            guard let hi = Self.nibble(a), let lo = Self.nibble(b) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        self.init(bytes: bytes)
    }

    /// The 16 bytes, for storage as a BLOB.
    public var bytes: [UInt8] {
        (0..<16).map { i in UInt8(truncatingIfNeeded: (i < 8 ? high >> (56 - 8 * i) : low >> (56 - 8 * (i - 8)))) }
    }

    public var data: Data { Data(bytes) }

    /// The Unix-millisecond timestamp embedded in a v7 id.
    public var millis: Int64 { Int64(high >> 16) }

    /// Lower-case canonical text form.
    /// Written digit by digit: the sync path formats every id it uploads, and `String(format:)` made
    /// this the most expensive step of an upload.
    public var description: String {
        String(unsafeUninitializedCapacity: 36) { out in
            var at = 0
            for i in 0..<16 {
                if i == 4 || i == 6 || i == 8 || i == 10 { out[at] = UInt8(ascii: "-"); at += 1 }
                let byte = UInt8(truncatingIfNeeded: i < 8 ? high >> (56 - 8 * i) : low >> (56 - 8 * (i - 8)))
                out[at] = Self.digits[Int(byte >> 4)]
                out[at + 1] = Self.digits[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }

    /// The smallest v7 id at or after `millis`, for time-range bounds.
    public static func lowerBound(millis: Int64) -> RecordID {
        RecordID(high: UInt64(max(0, millis)) << 16, low: 0)
    }

    public static func < (a: RecordID, b: RecordID) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a UUID: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
