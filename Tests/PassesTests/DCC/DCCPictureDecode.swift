import Foundation
import ImageFiles
import Imaging
import QRCode
@testable import Passes

/// EXPECTEDPICTUREDECODE: the `2DCODE` PNG, decoded by our PNG loader and read by our own QR
/// reader, must give exactly the `PREFIX` text (or, for a false flag, must not).
enum DCCPictureDecode {
    static func check(_ c: DCCTestCase) -> (Bool, String)? {
        guard let base64 = c.string("2DCODE") else { return nil }
        guard let png = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            return (false, "2DCODE is not base64")
        }
        let buffer: GrayBuffer
        do { buffer = try ImageFile.decode(Array(png)) } catch { return (false, "PNG: \(error)") }
        let texts = buffer.withImage { QRDecoder().read($0) }.map(\.text)
        guard let prefixed = c.string("PREFIX") else { return (!texts.isEmpty, "no PREFIX to compare") }
        return (texts.contains(prefixed), texts.isEmpty ? "no QR code found" : "QR text differs from PREFIX")
    }
}
