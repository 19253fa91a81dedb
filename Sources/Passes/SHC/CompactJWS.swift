import Foundation

/// The JOSE header fields a SMART Health Card uses.
public struct JWSHeader: Sendable, Hashable, Decodable {
    public var alg: String
    public var kid: String?
    public var zip: String?
    public var typ: String?
    /// RFC 7515 §4.1.11: extension header names the recipient must understand. We understand
    /// none, so any `crit` is refused.
    public var crit: [String]?
}

/// A compact-serialised JWS (RFC 7515 §7.1): `header.payload.signature`, all base64url.
///
/// Only ES256 is accepted: `alg: none`, HMAC and any other algorithm are refused at parse time
/// with `.badSignature`, so no later step can be talked into skipping the signature check.
public struct CompactJWS: Sendable, Hashable {
    public static let supportedAlgorithm = "ES256"

    public var header: JWSHeader
    /// The exact text that was signed: `base64url(header) + "." + base64url(payload)`.
    public var signingInput: [UInt8]
    /// The payload bytes as carried (DEFLATE-compressed when `header.zip == "DEF"`).
    public var rawPayload: [UInt8]
    public var signature: [UInt8]

    public init(_ text: String) throws(PassError) {
        guard text.utf8.count <= SHCNumeric.maxJWSLength else { throw .oversized("JWS is longer than any card") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("JWS does not have three dot-separated parts") }
        let headerBytes = try Base64URL.decode(parts[0])
        let header: JWSHeader
        do {
            header = try JSONDecoder().decode(JWSHeader.self, from: Data(headerBytes))
        } catch {
            throw .malformed("JWS header is not a JSON object with an alg")
        }
        guard header.alg == Self.supportedAlgorithm else {
            throw PassError(.badSignature, "JWS algorithm is not ES256 (refused)")
        }
        if let zip = header.zip, zip != "DEF" { throw .malformed("JWS zip is not DEF") }
        if let crit = header.crit {
            throw .malformed("JWS crit names \(crit.count) extension(s) this verifier does not understand")
        }
        self.header = header
        self.rawPayload = try Base64URL.decode(parts[1])
        self.signature = try Base64URL.decode(parts[2])
        self.signingInput = Array(text.utf8[..<parts[1].endIndex])
    }

    /// The payload, inflated from raw DEFLATE when the header says `zip: DEF`.
    public func payload(maxOutput: Int = 64 * 1024) throws(PassError) -> [UInt8] {
        header.zip == "DEF" ? try Zlib.inflate(rawPayload, format: .raw, maxOutput: maxOutput) : rawPayload
    }

    /// ES256 verification (raw r‖s signature over the signing input).
    public func verify(with key: VerificationKey) -> Bool {
        key.verify(signature: signature, message: signingInput, algorithm: .es256)
    }

    /// Builds and signs a compact JWS (for tests and tools).
    public static func sign(payload: [UInt8], kid: String, compress: Bool, signer: SigningKey) throws -> String {
        guard signer.algorithm == .es256 else {
            throw PassError(.badSignature, "SMART Health Cards are signed with ES256 only")
        }
        let zip = compress ? ",\"zip\":\"DEF\"" : ""
        let header = "{\"alg\":\"ES256\"\(zip),\"kid\":\"\(kid)\"}"
        let body = compress ? Zlib.deflate(payload, format: .raw) : payload
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(body)
        return input + "." + Base64URL.encode(try signer.sign(Array(input.utf8)))
    }
}
