import Foundation
import TestSupport
@testable import Passes

/// One JSON case of the dgc-testdata corpus, read in place.
struct DCCTestCase {
    let path: String
    let country: String
    let raw: [String: Any]
    let context: [String: Any]
    let expected: [String: Bool]
    /// Keys under EXPECTEDRESULTS that are not booleans or not known flags.
    let oddKeys: [String]

    static let knownFlags: Set<String> = [
        "EXPECTEDVALIDOBJECT", "EXPECTEDSCHEMAVALIDATION", "EXPECTEDENCODE", "EXPECTEDDECODE", "EXPECTEDVERIFY",
        "EXPECTEDCOMPRESSION", "EXPECTEDKEYUSAGE", "EXPECTEDUNPREFIX", "EXPECTEDVALIDJSON", "EXPECTEDB45DECODE",
        "EXPECTEDPICTUREDECODE", "EXPECTEDEXPIRATIONCHECK",
    ]

    static func all() throws -> [DCCTestCase] {
        let root = try Corpora.url("dcc")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var cases: [DCCTestCase] = []
        for case let url as URL in walker where url.pathExtension == "json" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let data = try Data(contentsOf: url)
            guard let raw = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            cases.append(DCCTestCase(path: relative, raw: raw))
        }
        return cases.sorted { $0.path < $1.path }
    }

    init(path: String, raw: [String: Any]) {
        self.path = path
        self.country = String(path.split(separator: "/").first ?? "?")
        self.raw = raw
        self.context = raw["TESTCTX"] as? [String: Any] ?? [:]
        var expected: [String: Bool] = [:]
        var odd: [String] = []
        for (key, value) in raw["EXPECTEDRESULTS"] as? [String: Any] ?? [:] {
            if Self.knownFlags.contains(key), let flag = value as? Bool {
                expected[String(key.dropFirst("EXPECTED".count))] = flag
            } else {
                odd.append(key)
            }
        }
        self.expected = expected
        self.oddKeys = odd
    }

    func string(_ key: String) -> String? { raw[key] as? String }

    func hexField(_ key: String) -> [UInt8]? {
        guard let text = string(key) else { return nil }
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let byte = UInt8(String(decoding: chars[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
            index += 2
        }
        return out
    }

    var certificateDER: [UInt8]? {
        (context["CERTIFICATE"] as? String).flatMap { Data(base64Encoded: $0) }.map { Array($0) }
    }

    var validationClock: Date? {
        let text = context["VALIDATIONCLOCK"] as? String ?? context["validationClockInstant"] as? String
        return text.flatMap(ISODate.parse)
    }
}

/// Converts a decoded CBOR value to the Foundation objects JSONSerialization produces, so a
/// decoded certificate can be compared with the case's `JSON` field.
func foundationObject(_ value: CBOR) -> Any {
    switch value {
    case .unsigned(let n): return NSNumber(value: n)
    case .negative(let n): return NSNumber(value: -1 - Int64(clamping: n))
    case .bytes(let b): return Data(b).base64EncodedString()
    case .text(let t): return t
    case .array(let a): return a.map(foundationObject)
    case .map(let pairs):
        var dict: [String: Any] = [:]
        for pair in pairs { dict[pair.key.textValue ?? "\(pair.key)"] = foundationObject(pair.value) }
        return dict
    case .tagged(_, let inner): return foundationObject(inner)
    case .bool(let b): return NSNumber(value: b)
    case .null, .undefined: return NSNull()
    case .simple(let s): return NSNumber(value: s)
    case .float(let d): return NSNumber(value: d)
    }
}
