/// Appends JSON text to a byte buffer, value by value.
///
/// Why not `JSONEncoder`: encoding a sync batch through it cost more than the upload itself (about
/// 20 µs per record on the kiosk's CPU), and on the upstream one encoder per record was the largest
/// cost of ingesting a batch. The output is the same JSON (RFC 8259) that `JSONEncoder` writes:
/// strings escaped the same way, numbers in the same shortest form — so the kiosk's upload and the
/// upstream's stored (canonical) form are written by this one type. Its own module because the
/// upstream must not link kiosk code.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`;
    /// everything else (including `/` and non-ASCII) as its UTF-8 bytes.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(c)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ c: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(c)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            let digits: StaticString = "0123456789abcdef"
            bytes.append(digits.utf8Start[Int(c >> 4)])
            bytes.append(digits.utf8Start[Int(c & 0x0F)])
        }
    }

    public mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite number in Swift's shortest round-trip form, without a trailing `.0` — what
    /// `JSONEncoder` writes. The caller guarantees finiteness (JSON has no NaN or infinity).
    public mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `"key":` — keys are static, plain ASCII, so they need no escaping.
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }
}
