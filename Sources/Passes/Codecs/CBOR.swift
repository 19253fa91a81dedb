/// A decoded CBOR (RFC 8949) data item.
///
/// Maps keep their pairs in encoded order: COSE and CWT only look keys up, and keeping order
/// lets a test re-encode exactly what it read. `negative(n)` is the value `-1 - n`, so the full
/// CBOR integer range round-trips without overflow.
///
/// Only `tagged` is `indirect`: arrays and maps already keep their elements in heap storage,
/// and boxing every scalar would cost one allocation per decoded item on the verify path.
public enum CBOR: Sendable, Hashable {
    case unsigned(UInt64)
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    case map([CBORPair])
    indirect case tagged(UInt64, CBOR)
    case bool(Bool)
    case null
    case undefined
    case simple(UInt8)
    case float(Double)
}

/// One key/value entry of a CBOR map.
public struct CBORPair: Sendable, Hashable {
    public var key: CBOR
    public var value: CBOR
    public init(key: CBOR, value: CBOR) { self.key = key; self.value = value }
}

extension CBOR {
    /// A CBOR integer from a Swift `Int` (the convenient way to write COSE/CWT labels).
    public init(_ value: Int) {
        self = value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value))
    }

    /// The integer value if this is an integer that fits an `Int`.
    public var int: Int? {
        switch self {
        case .unsigned(let n): return n <= UInt64(Int.max) ? Int(n) : nil
        case .negative(let n): return n <= UInt64(Int.max) ? -1 - Int(n) : nil
        default: return nil
        }
    }

    /// The numeric value of an integer or a float (CWT times may be either).
    public var doubleValue: Double? {
        switch self {
        case .unsigned(let n): return Double(n)
        case .negative(let n): return -1 - Double(n)
        case .float(let d): return d
        default: return nil
        }
    }

    public var bytesValue: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    public var textValue: String? {
        if case .text(let t) = self { return t }
        return nil
    }

    public var arrayValue: [CBOR]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var mapValue: [CBORPair]? {
        if case .map(let m) = self { return m }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The item inside any number of tags.
    public var untagged: CBOR {
        var item = self
        while case .tagged(_, let inner) = item { item = inner }
        return item
    }

    /// Map lookup; nil if this is not a map or the key is absent.
    public subscript(key: CBOR) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public subscript(int key: Int) -> CBOR? { self[CBOR(key)] }

    public subscript(text key: String) -> CBOR? { self[.text(key)] }
}

extension CBOR: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}
