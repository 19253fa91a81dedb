/// Why a symbol's modules could not be turned into a message.
public enum QRDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither copy of the format information is within 3 bits of a valid word.
    case formatInfoUnreadable
    /// Version ≥ 7: a version block reads as a version of another size (the grid size is wrong).
    case versionInfoUnreadable
    /// The matrix is not a square of 21…177 modules with side ≡ 1 (mod 4).
    case invalidDimension(width: Int, height: Int)
    /// Reed–Solomon block `block` (0-based) holds more damage than its EC codewords can repair.
    case tooManyErrors(block: Int)
    /// The corrected data does not form a valid bitstream.
    case malformedBitstream(BitstreamProblem)
    /// A mode indicator (or Hanzi subset) this reader does not implement.
    case unsupportedMode(Int)
    /// An ECI assignment number we have no charset for.
    case unsupportedECI(Int)
    /// Bytes that are invalid in the charset their ECI declares.
    case charsetConversion(QRCharset)

    public var description: String {
        switch self {
        case .formatInfoUnreadable: "the format information (EC level and mask) is unreadable in both copies"
        case .versionInfoUnreadable: "the version information names a different symbol size than the sampled grid"
        case let .invalidDimension(w, h): "a \(w)×\(h) module grid is not a QR symbol size"
        case let .tooManyErrors(block): "error-correction block \(block) is too damaged to repair"
        case let .malformedBitstream(problem): "the decoded data is not a valid QR bitstream: \(problem)"
        case let .unsupportedMode(mode): "the symbol uses mode \(mode), which this reader does not support"
        case let .unsupportedECI(eci): "the symbol declares ECI \(eci), a character set this reader does not know"
        case let .charsetConversion(charset): "the data is not valid \(charset.rawValue) text although its ECI says so"
        }
    }
}

/// What is wrong with a bitstream that failed to parse.
public enum BitstreamProblem: Sendable, Hashable, CustomStringConvertible {
    /// A segment's header or data runs past the end of the data codewords.
    case truncated(Mode)
    /// A numeric group encodes a value out of range (e.g. 10 bits ≥ 1000).
    case invalidNumeric
    /// An alphanumeric pair or single value ≥ 45 (or ≥ 2025).
    case invalidAlphanumeric
    /// A Kanji or Hanzi 13-bit value outside its character range.
    case invalidDoubleByte
    /// An ECI designator with an invalid first byte.
    case invalidECI
    /// Structured-append header with count < index.
    case invalidStructuredAppend

    public var description: String {
        switch self {
        case let .truncated(mode): "a \(mode) segment runs past the end of the data"
        case .invalidNumeric: "a numeric group is out of range"
        case .invalidAlphanumeric: "an alphanumeric value is out of range"
        case .invalidDoubleByte: "a Kanji/Hanzi value is out of range"
        case .invalidECI: "an ECI designator is malformed"
        case .invalidStructuredAppend: "a structured-append header is inconsistent"
        }
    }
}
