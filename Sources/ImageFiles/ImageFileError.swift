/// Why an image file could not be read or written. Each case says, in one sentence, what is wrong
/// with the file, so the CLI can print it next to the file name and go on with the next one.
public enum ImageFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// The file is empty.
    case empty
    /// The first bytes match no format we read (PNG, JPEG, PGM/PPM).
    case unknownFormat(magic: [UInt8])
    /// The file ends before the image does.
    case truncated(ImageFormat, detail: String)
    /// The data is damaged or not valid for its format (bad CRC, bad header, bad Huffman code).
    case corrupt(ImageFormat, detail: String)
    /// Valid, but a kind of image we do not read (e.g. a CMYK JPEG).
    case unsupported(ImageFormat, detail: String)
    /// The header asks for more pixels than ``ImageFile/maxPixels``: refused before allocating.
    case tooLarge(ImageFormat, width: Int, height: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .empty: "the file is empty"
        case .unknownFormat(let magic):
            "not a PNG, JPEG, PGM or PPM image (starts with \(magic.map { String($0, radix: 16) }.joined(separator: " ")))"
        case .truncated(let format, let detail): "\(format) data is truncated: \(detail)"
        case .corrupt(let format, let detail): "\(format) data is corrupt: \(detail)"
        case .unsupported(let format, let detail): "unsupported \(format) image: \(detail)"
        case .tooLarge(let format, let width, let height):
            "\(format) image of \(width)×\(height) pixels exceeds the limit of \(ImageFile.maxPixels) pixels"
        }
    }
}
