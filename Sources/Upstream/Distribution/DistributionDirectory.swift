import Crypto
import Foundation

/// The signed bundles the server hands to kiosks, as files under `DIR/distribution/`. The server
/// does not parse or verify them (kiosks do, with `Passes`); it serves bytes with a content ETag.
public struct DistributionDirectory: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case trustList = "trust-list"
        case revocationList = "revocation-list"
        case venueConfig = "venue-config"
    }

    public let root: URL

    public init(dataDirectory: URL) {
        root = dataDirectory.appendingPathComponent("distribution", isDirectory: true)
    }

    /// The file for a bundle; venue configs are per venue. Nil for a venue id that could escape the
    /// directory or is not a plain identifier.
    public func file(_ kind: Kind, venue: String? = nil) -> URL? {
        switch kind {
        case .trustList, .revocationList:
            return root.appendingPathComponent(kind.rawValue)
        case .venueConfig:
            guard let venue, Self.isPlainIdentifier(venue) else { return nil }
            return root.appendingPathComponent("venue-config", isDirectory: true).appendingPathComponent(venue)
        }
    }

    /// Replaces a bundle atomically (write to a temporary file, then rename): a kiosk fetching at
    /// the same moment gets the old or the new bytes, never half of each.
    public func publish(_ kind: Kind, venue: String? = nil, bytes: Data) throws {
        guard let url = file(kind, venue: venue) else {
            throw UpstreamError.badRequest("A venue config needs a venue id made of letters, digits, '-', '_' or '.'.")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url, options: .atomic)
    }

    /// The bytes and their ETag, or nil when nothing has been published.
    public func read(_ kind: Kind, venue: String? = nil) -> (bytes: Data, etag: String)? {
        guard let url = file(kind, venue: venue), let bytes = try? Data(contentsOf: url) else { return nil }
        return (bytes, Self.etag(bytes))
    }

    /// A strong ETag from the content (so it changes exactly when the bytes do, across restarts).
    public static func etag(_ bytes: Data) -> String {
        "\"" + DeviceToken.hex(SHA256.hash(data: bytes).prefix(16)) + "\""
    }

    static func isPlainIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 128 && s != "." && s != ".."
            && s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0) }
    }
}
