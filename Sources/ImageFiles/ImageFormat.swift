/// The file formats we read, told apart by their first bytes (never by the file name: a user's
/// `photo.png` may well be a JPEG).
public enum ImageFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case png = "PNG"
    case jpeg = "JPEG"
    /// Netpbm PGM/PPM, plain or binary (P2, P3, P5, P6).
    case pnm = "PGM/PPM"

    public var description: String { rawValue }

    /// The format whose magic number starts `bytes`, or nil.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.count >= 2, head[0] == UInt8(ascii: "P"),
           [UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "6")].contains(head[1]) {
            return .pnm
        }
        return nil
    }

    /// The format a file name asks for when writing (`.png`, `.jpg`/`.jpeg`, `.pgm`), or nil.
    public static func forWriting(path: String) -> ImageFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return .png }
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return .jpeg }
        if lower.hasSuffix(".pgm") { return .pnm }
        return nil
    }
}
