public import Imaging

/// FNC1 (GS1 / AIM application) flags of a symbol (ISO/IEC 18004 §7.4.8).
public enum FNC1: Sendable, Hashable {
    /// GS1: data follows GS1 General Specifications; `%` in alphanumeric segments stands for GS.
    case firstPosition
    /// An AIM-assigned application, identified by `applicationIndicator` (a letter + 100, or 0–99).
    case secondPosition(applicationIndicator: Int)
}

/// Everything one symbol's modules told us.
public struct DecodedSymbol: Sendable, Hashable {
    public var version: Int
    public var ecLevel: ErrorCorrectionLevel
    public var mask: Int
    /// Raw payload bytes over all segments (digits and alphanumerics as ASCII, Kanji as Shift_JIS,
    /// Hanzi as GB 2312), before any charset conversion.
    public var bytes: [UInt8]
    /// The message as text, each segment decoded in its ECI charset or, without ECI, a guessed one.
    public var text: String
    /// Codewords repaired by Reed–Solomon over all blocks.
    public var correctedErrors: Int
    /// Whether the modules had to be read transposed (a mirrored symbol).
    public var mirrored: Bool
    public var structuredAppend: StructuredAppend?
    public var fnc1: FNC1?
    /// Whether an ECI designator appeared.
    public var hasECI: Bool

    /// The AIM symbology identifier (ISO/IEC 18004 Annex F): `]Q1` plain, `]Q2` with ECI, `]Q3`/`]Q4`
    /// GS1 (FNC1 first) without/with ECI, `]Q5`/`]Q6` AIM application (FNC1 second).
    public var symbologyIdentifier: String {
        let base: Int
        switch fnc1 {
        case nil: base = 1
        case .firstPosition: base = 3
        case .secondPosition: base = 5
        }
        return "]Q\(base + (hasECI ? 1 : 0))"
    }

    /// The same code as the reader-neutral ``QRResult``, with corners supplied by the detector.
    public func result(corners: [Point]) -> QRResult {
        QRResult(
            text: text, bytes: bytes, version: version, ecLevel: ecLevel, mask: mask, corners: corners,
            correctedErrors: correctedErrors, mirrored: mirrored, structuredAppend: structuredAppend)
    }
}
