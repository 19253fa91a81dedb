import Passes

/// The most each text field of a record may hold, in UTF-8 bytes, and how a longer value is
/// brought within it.
///
/// Why at the source: `kid` and `issuer` come straight from the scanned token, so a forged QR
/// chooses them. The upstream refuses fields over 256 bytes; a 300-byte `kid` used to be stored
/// as it was and then refused upstream forever. Every field is bounded before it is written, well
/// inside what the upstream takes, and a changed value says so itself:
/// - identifiers (`issuer`, `kid`, `device_id`, `venue_id`, `rule`) longer than
///   ``identifierBytes`` or holding control characters are replaced by
///   `sha256:<64 hex digits>` of the original — still comparable (the same forged kid always
///   gives the same value), never attacker text;
/// - the masked display (`name`, `idTail`) longer than ``displayBytes`` is cut on a character
///   boundary and ends with `…`.
public enum RecordBounds {
    public static let identifierBytes = 128
    public static let displayBytes = 48
    /// What a hashed identifier starts with.
    public static let hashedPrefix = "sha256:"
    static let ellipsis = "…"

    /// `text` when it is short and printable, else its SHA-256 marked as such.
    public static func identifier(_ text: String) -> String {
        guard text.utf8.count > identifierBytes || text.unicodeScalars.contains(where: isControl) else { return text }
        return hashedPrefix + TokenDigest(of: text).hex
    }

    /// `text` when it fits, else its longest prefix of whole characters that fits with `…` after it.
    public static func display(_ text: String) -> String {
        let clean = text.unicodeScalars.contains(where: isControl)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
            : text
        guard clean.utf8.count > displayBytes else { return clean }
        let room = displayBytes - ellipsis.utf8.count
        var out = ""
        for character in clean {
            guard out.utf8.count + character.utf8.count <= room else { break }
            out.append(character)
        }
        return out + ellipsis
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension ScanRecord {
    /// The record with every text field within ``RecordBounds`` (unchanged when already within).
    public func bounded() -> ScanRecord {
        var r = self
        r.deviceID = RecordBounds.identifier(deviceID)
        r.venueID = RecordBounds.identifier(venueID)
        r.issuer = issuer.map(RecordBounds.identifier)
        r.kid = kid.map(RecordBounds.identifier)
        r.rule = rule.map(RecordBounds.identifier)
        r.display = display.map { MaskedDisplay(name: RecordBounds.display($0.name), idTail: RecordBounds.display($0.idTail)) }
        return r
    }
}
