import CZBar
import Foundation
public import Imaging
public import QRCode

/// The ``QRReader`` interface backed by libzbar: the second opinion our own decoder is checked
/// against (``CrossCheck``), never the kiosk's primary reader.
///
/// zbar's scanner objects are not thread-safe, so one scanner lives behind a lock in a shared box:
/// the struct stays `Sendable`, copies share the scanner, and concurrent callers take turns (zbar
/// is the slow side of a cross-check anyway, ~8 ms per 640×480 frame).
public struct ZBarReader: QRReader {
    public var name: String { "zbar" }

    private let box: ScannerBox

    /// - Parameter testInverted: also try light-on-dark codes when nothing is found (zbar's
    ///   `ZBAR_CFG_TEST_INVERTED`); costs a second scan of empty frames.
    public init(testInverted: Bool = false) {
        box = ScannerBox(testInverted: testInverted)
    }

    public func read(_ image: GrayImage) -> [QRResult] {
        guard image.width > 0, image.height > 0 else { return [] }
        return box.scan(image)
    }
}

/// Owns one zbar image scanner (QR only) and the buffer used to pack padded rows.
private final class ScannerBox: @unchecked Sendable {
    // Guarded by `lock`: zbar_image_scanner_t and `packed`.
    private let lock = NSLock()
    private let scanner: OpaquePointer?
    private var packed: [UInt8] = []

    init(testInverted: Bool) {
        scanner = zbar_image_scanner_create()
        guard let scanner else { return }
        // Everything off, then QR on: zbar would otherwise spend most of its time on 1-D codes.
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        if testInverted {
            zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_TEST_INVERTED, 1)
        }
    }

    deinit {
        if let scanner { zbar_image_scanner_destroy(scanner) }
    }

    func scan(_ image: GrayImage) -> [QRResult] {
        lock.lock()
        defer { lock.unlock() }
        guard let scanner, let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, czbar_fourcc_y800())
        zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
        let length = image.width * image.height
        // zbar wants one contiguous width×height plane: pass the caller's memory when rows are
        // already packed, otherwise pack them into a buffer kept for the next frame.
        if image.stride == image.width {
            zbar_image_set_data(zimage, image.base, UInt(length), nil)
            return collect(scanner, zimage)
        }
        if packed.count != length { packed = [UInt8](repeating: 0, count: length) }
        return packed.withUnsafeMutableBufferPointer { dst in
            guard let base = dst.baseAddress else { return [] }
            for y in 0..<image.height {
                (base + y * image.width).update(from: image.base + y * image.stride, count: image.width)
            }
            zbar_image_set_data(zimage, base, UInt(length), nil)
            return collect(scanner, zimage)
        }
    }

    /// Runs the scan and converts zbar's symbols; the data pointer must be valid throughout.
    private func collect(_ scanner: OpaquePointer, _ zimage: OpaquePointer) -> [QRResult] {
        defer { zbar_image_set_data(zimage, nil, 0, nil) }
        guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
        var results: [QRResult] = []
        var symbol = zbar_image_first_symbol(zimage)
        while let current = symbol {
            if zbar_symbol_get_type(current) == ZBAR_QRCODE {
                results.append(ZBarSymbol.result(current))
            }
            symbol = zbar_symbol_next(current)
        }
        return results
    }
}
