/// Why a message could not be encoded.
public enum QREncodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data needs more bits than a version-40 symbol (or `maxVersion`) holds at this EC level.
    case dataTooLong(bits: Int, capacity: Int)
    /// A version outside 1…40, or a minimum above the maximum.
    case invalidVersion(Int)
    /// A mask outside 0…7.
    case invalidMask(Int)
    /// The content is not valid for the segment mode it was given to.
    case invalidContent(mode: Mode)
    /// The text has characters the requested ECI charset cannot represent.
    case unrepresentable(QRCharset)
    /// Data codewords handed to the block builder do not match the version and level.
    case invalidCodewordCount(expected: Int, actual: Int)
    /// A structured-append request for a count outside 1…16 or more parts than characters.
    case invalidStructuredAppend(count: Int)

    public var description: String {
        switch self {
        case let .dataTooLong(bits, capacity): "the data needs \(bits) bits but the largest allowed symbol holds \(capacity)"
        case let .invalidVersion(v): "\(v) is not a QR version (1…40)"
        case let .invalidMask(m): "\(m) is not a QR mask pattern (0…7)"
        case let .invalidContent(mode): "the content is not valid for \(mode) mode"
        case let .unrepresentable(cs): "the text has characters that \(cs.rawValue) cannot represent"
        case let .invalidCodewordCount(expected, actual): "\(actual) data codewords given where the symbol holds \(expected)"
        case let .invalidStructuredAppend(count): "cannot split a message into \(count) structured-append symbols"
        }
    }
}
