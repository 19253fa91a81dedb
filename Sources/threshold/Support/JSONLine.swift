import JSONText

/// A minimal JSON writer for one-object-per-line output whose field order is part of the
/// interface (`{"file": …, "ms": …, "codes": …}`): other tools read these lines, and an encoder
/// that sorts or reorders keys would make diffs and greps harder.
enum JSON {
    case string(String)
    case number(Double)
    case int(Int)
    case null
    case array([JSON])
    case object([(String, JSON)])

    var text: String {
        switch self {
        case .string(let s): return JSON.quote(s)
        case .number(let d):
            guard d.isFinite else { return "null" }
            return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .int(let i): return String(i)
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { "\(JSON.quote($0.0)): \($0.1.text)" }.joined(separator: ", ") + "}"
        }
    }

    /// RFC 8259 string, escaped by the same writer as the scan log's and the upload's JSON.
    static func quote(_ s: String) -> String {
        var json = JSONBytes(capacity: s.utf8.count + 2)
        json.string(s)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
