/// Reads `{"records":[…]}` straight from the request bytes into `IncomingRecord`s.
///
/// Why: `JSONDecoder` was the largest server-side cost of draining a kiosk's backlog. This parser
/// is deliberately partial: it accepts a body only when it is sure `JSONDecoder` would decode the
/// same values, and returns nil for everything else (malformed JSON, wrong types, duplicate keys,
/// unusual escapes, numbers out of range) — then `JSONDecoder` decides and names the problem, so
/// error messages and edge cases stay exactly as they were.
struct BatchParser {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    static func parse(_ bytes: [UInt8]) -> IncomingBatch? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = BatchParser(b: buffer)
            return parser.batch()
        }
    }

    private init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

    private mutating func batch() -> IncomingBatch? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var records: [IncomingRecord]?
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let key = key() else { return nil }
                if key.elementsEqual("records".utf8) {
                    guard records == nil, let list = recordList() else { return nil }
                    records = list
                } else {
                    guard skipValue(depth: 0) else { return nil }
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        guard i == b.count, let records else { return nil }
        return IncomingBatch(records: records)
    }

    private mutating func recordList() -> [IncomingRecord]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var out = [IncomingRecord]()
        if take(UInt8(ascii: "]")) { return out }
        repeat {
            guard let record = record() else { return nil }
            out.append(record)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    private mutating func record() -> IncomingRecord? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var r = IncomingRecord(
            id: "", deviceID: "", venueID: "", wallMillis: 0, monotonicNanos: 0, outcome: "", tokenDigest: "",
            decodeMicros: 0, verifyMicros: 0)
        var seen: UInt32 = 0  // one bit per known key, in `Self.keys` order
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let rawKey = key() else { return nil }
                let name = String(decoding: rawKey, as: UTF8.self)
                if let bit = Self.keys.firstIndex(of: name) {
                    guard seen & (1 << bit) == 0 else { return nil }  // a repeated key: JSONDecoder's call
                    seen |= 1 << bit
                }
                guard field(name, of: &r) else { return nil }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        return seen & Self.required == Self.required ? r : nil
    }

    /// The record's keys; the first nine are required.
    private static let keys = [
        "id", "device_id", "venue_id", "wall_ms", "mono_ns", "outcome", "token_digest", "decode_us", "verify_us",
        "reason", "format", "issuer", "kid", "status", "temperature", "display", "rule",
    ]
    private static let required: UInt32 = (1 << 9) - 1

    /// Reads the value of key `name` into `r`; false when it is not what `JSONDecoder` would take.
    private mutating func field(_ name: String, of r: inout IncomingRecord) -> Bool {
        switch name {
        case "id": return string(&r.id)
        case "device_id": return string(&r.deviceID)
        case "venue_id": return string(&r.venueID)
        case "outcome": return string(&r.outcome)
        case "token_digest": return string(&r.tokenDigest)
        case "wall_ms":
            guard let v = integer(), let w = Int64(exactly: v.magnitude, negative: v.negative) else { return false }
            r.wallMillis = w
        case "mono_ns":
            guard let v = integer(), !v.negative || v.magnitude == 0 else { return false }
            r.monotonicNanos = v.magnitude
        case "decode_us":
            guard let v = integer(), let w = Int64(exactly: v.magnitude, negative: v.negative) else { return false }
            r.decodeMicros = Int(w)
        case "verify_us":
            guard let v = integer(), let w = Int64(exactly: v.magnitude, negative: v.negative) else { return false }
            r.verifyMicros = Int(w)
        case "reason": return optionalString(&r.reason)
        case "format": return optionalString(&r.format)
        case "issuer": return optionalString(&r.issuer)
        case "kid": return optionalString(&r.kid)
        case "status": return optionalString(&r.status)
        case "rule": return optionalString(&r.rule)
        case "temperature":
            if !null() {
                guard let v = double() else { return false }
                r.temperature = v
            }
        case "display":
            if !null() {
                guard let v = displayObject() else { return false }
                r.display = v
            }
        default: return skipValue(depth: 0)
        }
        return true
    }

    private mutating func displayObject() -> IncomingRecord.Display? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var name: String?, tail: String?
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let key = key() else { return nil }
                if key.elementsEqual("name".utf8) {
                    guard name == nil, let v = string() else { return nil }
                    name = v
                } else if key.elementsEqual("idTail".utf8) {
                    guard tail == nil, let v = string() else { return nil }
                    tail = v
                } else {
                    guard skipValue(depth: 0) else { return nil }
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        guard let name, let tail else { return nil }
        return IncomingRecord.Display(name: name, idTail: tail)
    }

    // MARK: tokens

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Consumes `c` (after white space) when it is next.
    private mutating func take(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    /// An object key without escapes, and its colon; nil otherwise.
    private mutating func key() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < b.count, b[i] != UInt8(ascii: "\"") {
            guard b[i] >= 0x20, b[i] != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        guard i < b.count else { return nil }
        let key = UnsafeBufferPointer(rebasing: b[start..<i])
        i += 1
        return take(UInt8(ascii: ":")) ? key : nil
    }

    private mutating func null() -> Bool {
        skipSpace()
        guard b.count - i >= 4, b[i] == UInt8(ascii: "n"), b[i + 1] == UInt8(ascii: "u"), b[i + 2] == UInt8(ascii: "l"),
              b[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    private mutating func optionalString(_ into: inout String?) -> Bool {
        if null() { return true }
        guard let v = string() else { return false }
        into = v
        return true
    }

    private mutating func string(_ into: inout String) -> Bool {
        guard let v = string() else { return false }
        into = v
        return true
    }

    /// A string; escapes decoded, valid UTF-8 required.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        var escaped = false
        while i < b.count, b[i] != UInt8(ascii: "\"") {
            guard b[i] >= 0x20 else { return nil }
            if b[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
            i += 1
        }
        guard i < b.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: b[start..<i])
        i += 1
        guard escaped else { return String(validating: raw, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var j = 0
        while j < raw.count {
            guard raw[j] == UInt8(ascii: "\\") else { out.append(raw[j]); j += 1; continue }
            switch raw[j + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(raw[j + 1])
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                // A BMP scalar, or a surrogate pair; a lone surrogate is left to JSONDecoder.
                guard let high = hex4(raw, j + 2) else { return nil }
                var scalar = UInt32(high)
                j += 6
                if (0xD800..<0xDC00).contains(high) {
                    guard j + 1 < raw.count, raw[j] == UInt8(ascii: "\\"), raw[j + 1] == UInt8(ascii: "u"),
                          let low = hex4(raw, j + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    j += 6
                } else if (0xDC00..<0xE000).contains(high) {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(unicode)).utf8)
                continue
            default: return nil  // an invalid escape: JSONDecoder names it
            }
            j += 2
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Four hexadecimal digits at `at`.
    private func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16? {
        guard at + 4 <= raw.count else { return nil }
        var value: UInt16 = 0
        for k in at..<at + 4 {
            let c = raw[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// `-?(0|[1-9][0-9]*)` with nothing fractional after it; nil past 64 bits.
    private mutating func integer() -> (negative: Bool, magnitude: UInt64)? {
        skipSpace()
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let start = i
        var value: UInt64 = 0
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(b[i] - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = plus
            i += 1
        }
        guard i > start, !(b[start] == UInt8(ascii: "0") && i - start > 1) else { return nil }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") { return nil }
        return (negative, value)
    }

    /// A JSON number token as a finite Double.
    private mutating func double() -> Double? {
        skipSpace()
        let start = i
        guard skipNumber() else { return nil }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)),
              value.isFinite else { return nil }
        return value
    }

    private mutating func skipNumber() -> Bool {
        func digits(_ p: inout BatchParser) -> Int {
            let s = p.i
            while p.i < p.b.count, p.b[p.i] >= UInt8(ascii: "0"), p.b[p.i] <= UInt8(ascii: "9") { p.i += 1 }
            return p.i - s
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits(&self)
        guard n > 0, !(b[intStart] == UInt8(ascii: "0") && n > 1) else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") { i += 1; guard digits(&self) > 0 else { return false } }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { return false }
        }
        return true
    }

    /// Skips any valid JSON value (an unknown key's), refusing deep nesting.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < 32 else { return false }
        skipSpace()
        guard i < b.count else { return false }
        switch b[i] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"):
            i += 1
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                guard key() != nil, skipValue(depth: depth + 1) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            i += 1
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard skipValue(depth: depth + 1) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return null()
        default: return skipNumber()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard b.count - i >= n else { return false }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }
}

extension Int64 {
    /// The signed value of a magnitude and sign, when it fits.
    fileprivate init?(exactly magnitude: UInt64, negative: Bool) {
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            self = magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        } else {
            guard magnitude <= UInt64(Int64.max) else { return nil }
            self = Int64(magnitude)
        }
    }
}
