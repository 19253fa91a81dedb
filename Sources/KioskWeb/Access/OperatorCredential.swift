import Foundation
import Passes

/// The operator's credential for the dashboard, `/api`, `/export` and `/metrics`.
///
/// The operator holds a token (64 hex digits, 256 random bits); the kiosk keeps only its SHA-256
/// (`sha256:<64 hex>` in a file), so a copy of the kiosk's disk does not give access. A plain
/// SHA-256 is enough because the token is random, not a password a person chose: there is nothing
/// to guess from the hash. Comparison runs in constant time.
public struct OperatorCredential: Sendable, Hashable {
    /// SHA-256 of the token.
    let digest: [UInt8]

    static let prefix = "sha256:"

    /// Reads the stored form (`sha256:<64 hex digits>`, surrounding white space ignored).
    public init(stored text: String) throws(ScreensError) {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(Self.prefix), let bytes = Hex.decode(String(line.dropFirst(Self.prefix.count))), bytes.count == 32
        else { throw .badCredential("expected one line sha256:<64 hex digits> (made by `threshold screens credential`)") }
        digest = bytes
    }

    /// Reads the stored form from `path`.
    public init(file path: String) throws(ScreensError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .badCredential("\(path) cannot be read: \(error.localizedDescription)")
        }
        do { try self.init(stored: text) } catch {
            throw .badCredential("\(path): \(error.description)")
        }
    }

    /// A new token (shown once, to the operator) and the line to store on the kiosk.
    public static func generate() -> (token: String, stored: String) {
        var rng = SystemRandomNumberGenerator()
        let token = Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) })
        return (token, storedForm(of: token))
    }

    /// `sha256:<hex>` of a token.
    public static func storedForm(of token: String) -> String {
        prefix + TokenDigest(of: token).hex
    }

    /// Whether `token` is the operator's.
    public func accepts(_ token: String) -> Bool {
        let candidate = TokenDigest(of: token).bytes
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, digest) { difference |= a ^ b }
        return difference == 0 && candidate.count == digest.count
    }
}
