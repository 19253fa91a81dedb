/// Typed reads from one TOML table that record every problem with its line and key path, and
/// remember which keys were read so that `finish()` can refuse the rest as unknown.
final class ConfigReader {
    final class Sink { var errors: [VenueConfigError] = [] }

    let table: TOMLTable
    let path: String
    let line: Int
    let sink: Sink
    private var used: Set<String> = []

    init(_ table: TOMLTable, path: String, line: Int, sink: Sink) {
        self.table = table; self.path = path; self.line = line; self.sink = sink
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func report(_ line: Int, _ key: String, _ kind: VenueConfigError.Kind) {
        sink.errors.append(VenueConfigError(line: line, key: keyPath(key), kind))
    }

    /// The node for `key`, marking it used; reports `missing` when required and absent.
    func node(_ key: String, required: Bool = false) -> TOMLNode? {
        used.insert(key)
        guard let node = table[key] else {
            if required { report(line, key, .missing) }
            return nil
        }
        return node
    }

    func string(_ key: String, required: Bool = false) -> (String, Int)? {
        guard let node = node(key, required: required) else { return nil }
        guard case .string(let s) = node.value else {
            report(node.line, key, .wrongType(expected: "a string", found: node.value.kindName)); return nil
        }
        return (s, node.line)
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .integer(let v) = node.value else {
            report(node.line, key, .wrongType(expected: "an integer", found: node.value.kindName)); return nil
        }
        guard let value = Int(exactly: v), range.contains(value) else {
            report(node.line, key, .outOfRange("between \(range.lowerBound) and \(range.upperBound)")); return nil
        }
        return value
    }

    /// Integers are accepted where a float is expected (`threshold_c = 38`).
    func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let node = node(key) else { return nil }
        let value: Double
        switch node.value {
        case .float(let v): value = v
        case .integer(let v): value = Double(v)
        default: report(node.line, key, .wrongType(expected: "a number", found: node.value.kindName)); return nil
        }
        guard range.contains(value) else {
            report(node.line, key, .outOfRange("between \(range.lowerBound) and \(range.upperBound)")); return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .boolean(let v) = node.value else {
            report(node.line, key, .wrongType(expected: "true or false", found: node.value.kindName)); return nil
        }
        return v
    }

    /// One of a fixed set of words.
    func word<Word: RawRepresentable & CaseIterable>(_ key: String, as: Word.Type) -> Word? where Word.RawValue == String {
        guard let (text, line) = string(key) else { return nil }
        guard let value = Word(rawValue: text) else {
            report(line, key, .notOneOf(Word.allCases.map(\.rawValue))); return nil
        }
        return value
    }

    /// An array, each element with its own line.
    func array(_ key: String) -> [TOMLNode]? {
        guard let node = node(key) else { return nil }
        guard case .array(let items) = node.value else {
            report(node.line, key, .wrongType(expected: "an array", found: node.value.kindName)); return nil
        }
        return items
    }

    /// An array of words, each checked.
    func words<Word: RawRepresentable & CaseIterable & Hashable>(_ key: String, as: Word.Type) -> Set<Word>? where Word.RawValue == String {
        guard let items = array(key) else { return nil }
        var out = Set<Word>()
        for item in items {
            guard case .string(let text) = item.value, let value = Word(rawValue: text) else {
                report(item.line, key, .notOneOf(Word.allCases.map(\.rawValue))); continue
            }
            out.insert(value)
        }
        return out
    }

    func strings(_ key: String) -> [String]? {
        guard let items = array(key) else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let text) = item.value else {
                report(item.line, key, .wrongType(expected: "a string", found: item.value.kindName)); continue
            }
            out.append(text)
        }
        return out
    }

    func table(_ key: String) -> ConfigReader? {
        guard let node = node(key) else { return nil }
        guard case .table(let t) = node.value else {
            report(node.line, key, .wrongType(expected: "a table", found: node.value.kindName)); return nil
        }
        return ConfigReader(t, path: keyPath(key), line: node.line, sink: sink)
    }

    /// `[[key]]` tables (or an inline array of inline tables).
    func tables(_ key: String) -> [ConfigReader]? {
        guard let items = array(key) else { return nil }
        var out: [ConfigReader] = []
        for (i, item) in items.enumerated() {
            guard case .table(let t) = item.value else {
                report(item.line, key, .wrongType(expected: "a table", found: item.value.kindName)); continue
            }
            out.append(ConfigReader(t, path: "\(keyPath(key))[\(i)]", line: item.line, sink: sink))
        }
        return out
    }

    /// Reports every key that no read asked for.
    func finish() {
        for key in table.order where !used.contains(key) {
            report(table[key]?.line ?? line, key, .unknownKey)
        }
    }
}
