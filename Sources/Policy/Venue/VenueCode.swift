/// What a venue's own QR code (the poster at its door) says: `thv1:venue/<id>?name=<name>`.
///
/// Why so little: the poster is printed once and stays on the wall for years, so it carries only
/// what never changes — the venue id (the key upstream and the scan log already use) and the name
/// a phone can show without a network lookup. Rules, hours and the address change and are read
/// from the venue's config, never from paper. The `thv1:` scheme marks our format and its version,
/// so a kiosk can tell a photographed poster from a pass and a later format can coexist.
///
/// The name is an IRI component (RFC 3987): ASCII outside the unreserved set is percent-encoded,
/// other characters stay UTF-8, so a 20-character Chinese name costs 60 bytes (not 180) and the
/// symbol stays small at error-correction level H.
public struct VenueCode: Sendable, Hashable {
    public var id: String
    public var name: String

    public static let prefix = "thv1:venue/"

    public init(id: String, name: String) { self.id = id; self.name = name }

    public init(_ config: VenueConfig) { self.init(id: config.id, name: config.name) }

    /// The text encoded in the symbol.
    public var text: String { "\(Self.prefix)\(id)?name=\(Self.percentEncode(name))" }

    /// Reads a scanned venue code back; any other text is a typed error.
    public static func parse(_ text: String) throws(VenueCodeError) -> VenueCode {
        guard text.hasPrefix(prefix) else { throw .notAVenueCode }
        let rest = text.dropFirst(prefix.count)
        guard let query = rest.firstIndex(of: "?") else { throw .missingName }
        let id = String(rest[..<query])
        guard isValidID(id) else { throw .invalidID(id) }
        let parameter = rest[rest.index(after: query)...]
        guard parameter.hasPrefix("name=") else { throw .missingName }
        guard let name = percentDecode(parameter.dropFirst("name=".count)) else { throw .invalidName }
        guard !name.isEmpty, name.count <= VenueConfig.maxNameLength else { throw .invalidName }
        return VenueCode(id: id, name: name)
    }

    /// The same rule `VenueConfig.parse` applies to `venue.id`.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, !isUnreserved(UInt8(scalar.value)) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Nil on a malformed escape or escapes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst()) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Why a scanned text is not a venue code.
public enum VenueCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text does not start with `thv1:venue/`.
    case notAVenueCode
    /// The id is not 1–64 characters of a–z, 0–9, - or _.
    case invalidID(String)
    /// No `?name=` part.
    case missingName
    /// The name is empty, too long, or not valid percent-encoded UTF-8.
    case invalidName

    public var description: String {
        switch self {
        case .notAVenueCode: "not a venue code (it does not start with \(VenueCode.prefix))"
        case .invalidID(let id): "venue code has an invalid venue id \"\(id)\" (1–64 characters of a–z, 0–9, - or _)"
        case .missingName: "venue code has no ?name= part"
        case .invalidName: "venue code's name is empty, longer than \(VenueConfig.maxNameLength) characters or badly encoded"
        }
    }
}
