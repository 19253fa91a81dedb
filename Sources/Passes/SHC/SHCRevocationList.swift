import Foundation

/// A SMART Health Card revocation list for one issuer key (`/.well-known/crl/<kid>.json`).
///
/// Each entry is a `rid`, optionally with `.timestamp`: then only cards issued (`nbf`) before
/// that time are revoked, so an issuer can revoke a person's old cards but not the reissued one.
public struct SHCRevocationList: Sendable, Hashable {
    public var kid: String
    public var counter: Int
    /// rid → revoke cards issued before this time; nil revokes every card with that rid.
    public private(set) var entries: [String: Date?] = [:]

    public init(json: [UInt8]) throws(PassError) {
        struct Document: Decodable {
            var kid: String
            var method: String
            var ctr: Int
            var rids: [String]
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json))
        } catch {
            throw .malformed("SHC revocation list is not a JSON object with kid, method, ctr and rids")
        }
        guard document.method == "rid" else {
            throw .malformed("SHC revocation list method \(document.method) is not supported (only rid)")
        }
        kid = document.kid
        counter = document.ctr
        for entry in document.rids {
            let parts = entry.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let rid = String(parts[0])
            guard !rid.isEmpty, rid.count <= 24, rid.utf8.allSatisfy({ Base64URL.values[Int($0)] != 0xFF }) else {
                throw .malformed("SHC revocation list has an invalid rid")
            }
            var cutoff: Date?
            if parts.count == 2 {
                guard let seconds = Double(parts[1]), seconds.isFinite else {
                    throw .malformed("SHC revocation list has an invalid rid timestamp")
                }
                cutoff = Date(timeIntervalSince1970: seconds)
            }
            // The strongest entry wins: an unconditional revocation beats any cut-off,
            // and of two cut-offs the later one revokes more.
            if let existing = entries[rid] {
                guard let old = existing, let new = cutoff else { entries[rid] = .some(nil); continue }
                entries[rid] = max(old, new)
            } else {
                entries[rid] = cutoff
            }
        }
    }

    /// True if a card with `rid` issued at `issuedAt` (`nbf`) is revoked.
    public func isRevoked(rid: String, issuedAt: Date) -> Bool {
        guard let entry = entries[rid] else { return false }
        guard let cutoff = entry else { return true }
        return issuedAt < cutoff
    }
}
