import Foundation
import Imaging

/// Reading and writing image files as 8-bit luminance: the one door through which pictures on disk
/// (corpus photos, a user's PNGs and JPEGs, sample frames, posters) reach the decoder.
///
/// The format is told by magic bytes, never by the name. Every failure is an ``ImageFileError``
/// saying what is wrong; no input can crash the reader.
public enum ImageFile {
    /// Largest image accepted (64 Mpx): a hostile header cannot make us allocate gigabytes.
    public static let maxPixels = 1 << 26

    /// Reads the file at `path` and decodes it to grey.
    public static func load(path: String) throws(ImageFileError) -> GrayBuffer {
        try decode(readBytes(path: path))
    }

    /// Decodes an in-memory PNG, JPEG or PGM/PPM to grey (colour → BT.601 luma, alpha over white).
    public static func decode(_ bytes: [UInt8]) throws(ImageFileError) -> GrayBuffer {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = ImageFormat.sniff(bytes) else { throw .unknownFormat(magic: Array(bytes.prefix(8))) }
        switch format {
        case .png: return try PNGCodec.decode(bytes)
        case .jpeg: return try JPEGCodec.decode(bytes)
        case .pnm: return try PNMFiles.decode(bytes)
        }
    }

    /// The bytes of `buffer` encoded as `format` (JPEG at `jpegQuality`).
    public static func encode(_ buffer: GrayBuffer, as format: ImageFormat, jpegQuality: Int = 90) throws(ImageFileError) -> [UInt8] {
        switch format {
        case .png: try PNGCodec.encode(buffer)
        case .jpeg: try JPEGCodec.encode(buffer, quality: jpegQuality)
        case .pnm: PNMFiles.encodePGM(buffer)
        }
    }

    /// Writes an 8-bit greyscale PNG.
    public static func writePNG(_ buffer: GrayBuffer, to path: String) throws(ImageFileError) {
        try writeBytes(encode(buffer, as: .png), path: path)
    }

    /// Writes a binary PGM (P5, maxval 255).
    public static func writePGM(_ buffer: GrayBuffer, to path: String) throws(ImageFileError) {
        try writeBytes(encode(buffer, as: .pnm), path: path)
    }

    /// Writes a greyscale baseline JPEG (lossy: for sample frames that look like a camera's).
    public static func writeJPEG(_ buffer: GrayBuffer, to path: String, quality: Int = 90) throws(ImageFileError) {
        try writeBytes(encode(buffer, as: .jpeg, jpegQuality: quality), path: path)
    }

    /// Writes `buffer` in the format its extension names (`.png`, `.pgm`, `.jpg`/`.jpeg`).
    public static func write(_ buffer: GrayBuffer, to path: String) throws(ImageFileError) {
        guard let format = ImageFormat.forWriting(path: path) else {
            throw .unwritable(path: path, reason: "unknown extension (use .png, .pgm, .jpg or .jpeg)")
        }
        try writeBytes(encode(buffer, as: format), path: path)
    }

    // MARK: - Files

    static func readBytes(path: String) throws(ImageFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "is a directory") }
        do {
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    static func writeBytes(_ bytes: [UInt8], path: String) throws(ImageFileError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
