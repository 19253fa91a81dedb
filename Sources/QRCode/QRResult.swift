public import Imaging

/// Error-correction level of a QR symbol (ISO/IEC 18004 §5.3.8): the share of codewords that may
/// be damaged and still be recovered.
public enum ErrorCorrectionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// ~7 % recovery.
    case L
    /// ~15 % recovery.
    case M
    /// ~25 % recovery.
    case Q
    /// ~30 % recovery.
    case H
}

/// Structured-append header (ISO/IEC 18004 §7.4.10): this symbol is `index` of `count` carrying
/// one message whose parity byte is `parity`.
public struct StructuredAppend: Sendable, Hashable, Codable {
    public var index: Int
    public var count: Int
    public var parity: UInt8
    public init(index: Int, count: Int, parity: UInt8) {
        self.index = index; self.count = count; self.parity = parity
    }
}

/// One code read out of one image: what every reader (ours, zbar) reports, so results can be
/// compared field by field.
public struct QRResult: Sendable, Hashable, Codable {
    /// Best-effort text of the payload (ECI / charset applied).
    public var text: String
    /// The raw payload bytes, concatenated over segments, before any charset conversion.
    public var bytes: [UInt8]
    /// 1…40; 0 where the reader cannot tell (zbar).
    public var version: Int
    /// Nil where the reader cannot tell (zbar).
    public var ecLevel: ErrorCorrectionLevel?
    /// 0…7; nil where the reader cannot tell.
    public var mask: Int?
    /// Corners of the symbol in image coordinates: top-left, top-right, bottom-right, bottom-left
    /// of the symbol as it reads (not as it lies in the image).
    public var corners: [Point]
    /// Codewords repaired by Reed–Solomon; nil where the reader cannot tell.
    public var correctedErrors: Int?
    /// Whether the symbol was read mirrored.
    public var mirrored: Bool
    /// Structured append header, when present.
    public var structuredAppend: StructuredAppend?

    public init(
        text: String, bytes: [UInt8], version: Int, ecLevel: ErrorCorrectionLevel?, mask: Int?,
        corners: [Point], correctedErrors: Int?, mirrored: Bool = false,
        structuredAppend: StructuredAppend? = nil
    ) {
        self.text = text; self.bytes = bytes; self.version = version; self.ecLevel = ecLevel
        self.mask = mask; self.corners = corners; self.correctedErrors = correctedErrors
        self.mirrored = mirrored; self.structuredAppend = structuredAppend
    }
}

/// Anything that reads QR codes out of a luminance view: our decoder and the zbar cross-check
/// implement it, so the kiosk, the CLI and the cross-check treat them alike.
public protocol QRReader: Sendable {
    /// A short name for reports ("threshold", "zbar").
    var name: String { get }
    /// Every code found in `image`; empty when there is none. Never throws: a frame without a
    /// readable code is the normal case at a door.
    func read(_ image: GrayImage) -> [QRResult]
}
