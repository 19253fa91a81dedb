import Crypto
import Foundation

/// Device bearer tokens. The server stores only their SHA-256: a leaked database does not let
/// anyone upload as a kiosk.
public enum DeviceToken {
    /// A new random token: 32 bytes from the system CSPRNG, base64url without padding.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "thr_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the token's UTF-8 bytes.
    public static func sha256(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
