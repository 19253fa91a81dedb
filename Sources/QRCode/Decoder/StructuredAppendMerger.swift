/// Why structured-append parts could not be joined.
public enum StructuredAppendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No parts, or a part without a structured-append header.
    case notStructuredAppend
    /// Parts disagree on the symbol count or parity byte: they belong to different messages.
    case inconsistentHeaders
    /// Part `index` (0-based) has not been read.
    case missingPart(index: Int)
    /// Part `index` was read twice with different content.
    case conflictingPart(index: Int)

    public var description: String {
        switch self {
        case .notStructuredAppend: "the codes are not parts of a structured-append message"
        case .inconsistentHeaders: "the parts belong to different structured-append messages"
        case let .missingPart(index): "part \(index + 1) of the structured-append message is missing"
        case let .conflictingPart(index): "part \(index + 1) was read twice with different content"
        }
    }
}

/// A message joined from its structured-append parts (ISO/IEC 18004 §8).
public struct StructuredAppendMessage: Sendable, Hashable {
    public var text: String
    public var bytes: [UInt8]
    public var count: Int
    public var parity: UInt8
    /// Whether the XOR of the joined bytes equals the parity byte. Encoders differ on which bytes
    /// they XOR (e.g. Shift_JIS vs UTF-8), so a mismatch is reported rather than rejected.
    public var parityMatches: Bool
}

public enum StructuredAppendMerger {
    /// Joins parts given in any order (duplicates of the same part allowed, e.g. from video frames).
    public static func merge(_ parts: [QRResult]) throws(StructuredAppendError) -> StructuredAppendMessage {
        try merge(parts.map { ($0.structuredAppend, $0.text, $0.bytes) })
    }

    public static func merge(_ parts: [DecodedSymbol]) throws(StructuredAppendError) -> StructuredAppendMessage {
        try merge(parts.map { ($0.structuredAppend, $0.text, $0.bytes) })
    }

    private static func merge(_ parts: [(StructuredAppend?, String, [UInt8])]) throws(StructuredAppendError) -> StructuredAppendMessage {
        guard let first = parts.first?.0 else { throw .notStructuredAppend }
        var slots = [(String, [UInt8])?](repeating: nil, count: first.count)
        for (header, text, bytes) in parts {
            guard let header else { throw .notStructuredAppend }
            guard header.count == first.count, header.parity == first.parity, header.index < first.count else {
                throw .inconsistentHeaders
            }
            if let existing = slots[header.index] {
                guard existing.1 == bytes else { throw .conflictingPart(index: header.index) }
            }
            slots[header.index] = (text, bytes)
        }
        var text = "", bytes = [UInt8]()
        for (i, slot) in slots.enumerated() {
            guard let slot else { throw .missingPart(index: i) }
            text += slot.0
            bytes += slot.1
        }
        return StructuredAppendMessage(
            text: text, bytes: bytes, count: first.count, parity: first.parity,
            parityMatches: bytes.reduce(UInt8(0), ^) == first.parity)
    }
}
