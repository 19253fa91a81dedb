/// The mutable tree a document is built into, with TOML's rules on what may be defined where:
/// a `[header]` once, keys once, inline tables and values never extended, `[[array]]` appends.
final class TableBuilder {
    enum Kind {
        /// Declared by a `[header]` (or the root).
        case header
        /// Created on the way to a deeper header (`[a.b]` creates `a`); may be declared later once.
        case implicit
        /// Created by a dotted key (`a.b = 1`); may get more dotted keys, never a header.
        case dotted
        /// `{ … }`: closed once written.
        case inline
    }

    enum Entry {
        case value(TOMLNode)
        case table(TableBuilder)
        case tables([TableBuilder])
    }

    var kind: Kind
    var line: Int
    var entries: [String: Entry] = [:]
    var order: [String] = []

    init(kind: Kind, line: Int = 1) { self.kind = kind; self.line = line }

    private func set(_ key: String, _ entry: Entry) {
        if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
    }

    /// `a.b.c = value` inside this table.
    func assign(_ key: [String], _ value: TOMLNode, line: Int, insideInline: Bool) throws(TOMLError) {
        guard let last = key.last else { return }
        var table = self
        for part in key.dropLast() {
            switch table.entries[part] {
            case nil:
                let child = TableBuilder(kind: insideInline ? .inline : .dotted, line: line)
                table.set(part, .table(child))
                table = child
            case .table(let child)? where child.kind == .dotted || (insideInline && child.kind == .inline):
                table = child
            case .table?, .tables?:
                throw TOMLError(line: line, .tableRedefined(key.joined(separator: ".")))
            case .value?:
                throw TOMLError(line: line, .immutableValue(key.joined(separator: ".")))
            }
        }
        guard table.entries[last] == nil else { throw TOMLError(line: line, .duplicateKey(key.joined(separator: "."))) }
        table.set(last, .value(value))
    }

    /// Walks to the parent of a header's last part, creating implicit tables.
    private func parent(of key: [String], line: Int) throws(TOMLError) -> TableBuilder {
        var table = self
        for part in key.dropLast() {
            switch table.entries[part] {
            case nil:
                let child = TableBuilder(kind: .implicit, line: line)
                table.set(part, .table(child))
                table = child
            case .table(let child)? where child.kind != .inline:
                table = child
            case .tables(let list)?:
                guard let lastTable = list.last else { throw TOMLError(line: line, .tableRedefined(key.joined(separator: "."))) }
                table = lastTable
            default:
                throw TOMLError(line: line, .immutableValue(key.joined(separator: ".")))
            }
        }
        return table
    }

    /// `[a.b]`.
    func defineTable(_ key: [String], line: Int) throws(TOMLError) -> TableBuilder {
        let parent = try parent(of: key, line: line)
        guard let last = key.last else { return self }
        switch parent.entries[last] {
        case nil:
            let table = TableBuilder(kind: .header, line: line)
            parent.set(last, .table(table))
            return table
        case .table(let table)? where table.kind == .implicit:
            table.kind = .header
            table.line = line
            return table
        default:
            throw TOMLError(line: line, .tableRedefined(key.joined(separator: ".")))
        }
    }

    /// `[[a.b]]`.
    func appendArrayTable(_ key: [String], line: Int) throws(TOMLError) -> TableBuilder {
        let parent = try parent(of: key, line: line)
        guard let last = key.last else { return self }
        let table = TableBuilder(kind: .header, line: line)
        switch parent.entries[last] {
        case nil: parent.set(last, .tables([table]))
        case .tables(let list)?: parent.entries[last] = .tables(list + [table])
        default: throw TOMLError(line: line, .tableRedefined(key.joined(separator: ".")))
        }
        return table
    }

    func freeze() -> TOMLTable {
        var out = TOMLTable()
        for key in order {
            switch entries[key] {
            case .value(let node)?: out.set(key, node)
            case .table(let table)?: out.set(key, TOMLNode(.table(table.freeze()), line: table.line))
            case .tables(let list)?:
                out.set(key, TOMLNode(.array(list.map { TOMLNode(.table($0.freeze()), line: $0.line) }), line: list.first?.line ?? line))
            case nil: break
            }
        }
        return out
    }
}
