import CZBar
import Imaging
import QRCode

/// Turns one zbar symbol into a ``QRResult``.
enum ZBarSymbol {
    static func result(_ symbol: OpaquePointer) -> QRResult {
        let length = Int(zbar_symbol_get_data_length(symbol))
        var bytes: [UInt8] = []
        if length > 0, let data = zbar_symbol_get_data(symbol) {
            bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        }
        var points: [Point] = []
        let count = zbar_symbol_get_loc_size(symbol)
        for i in 0..<count {
            points.append(Point(Double(zbar_symbol_get_loc_x(symbol, i)), Double(zbar_symbol_get_loc_y(symbol, i))))
        }
        return QRResult(
            // zbar has already converted the payload to UTF-8 (guessing the charset), so its
            // "data" is text, not the raw codewords; bytes are those UTF-8 bytes.
            text: String(decoding: bytes, as: UTF8.self), bytes: bytes,
            version: 0, ecLevel: nil, mask: nil,
            corners: readingOrder(points), correctedErrors: nil)
    }

    /// zbar lists a QR symbol's corners as top-left, bottom-left, bottom-right, top-right of the
    /// symbol as it reads (qrdectxt.c adds bbox 0, 2, 3, 1); ``QRResult`` wants TL, TR, BR, BL.
    static func readingOrder(_ points: [Point]) -> [Point] {
        guard points.count == 4 else { return points }
        return [points[0], points[3], points[2], points[1]]
    }
}
