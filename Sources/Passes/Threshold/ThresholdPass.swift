import Foundation

/// The claims of our own pass, decoded. What a kiosk may show of it is `display` only.
public struct ThresholdPass: Sendable {
    public var issuer: String
    /// A pseudonym chosen by the issuer; never a name or id number.
    public var subject: String
    /// `cti`: random bytes naming this credential for revocation.
    public var credentialID: [UInt8]
    public var issuedAt: Date
    public var notBefore: Date?
    public var expires: Date
    public var status: HealthStatus
    public var doses: Int
    /// `YYYY-MM-DD`.
    public var lastDose: String?
    public var lastTestTime: Date?
    public var lastTestResult: TestResult?
    /// Masked name ("Z*") and id tail ("1234"; shown as "***1234").
    public var display: MaskedDisplay
    /// The key the holder's phone signs rolling proofs with (`cnf`). Nil on a pass read with
    /// `init(claimBytes:)` until `resolvedHolderKey()` decodes it.
    public var holderKey: VerificationKey?
    /// The undecoded `cnf` value, kept by `init(claimBytes:)`.
    var confirmationBytes: ArraySlice<UInt8>?

    public init(
        issuer: String, subject: String, credentialID: [UInt8], issuedAt: Date, notBefore: Date? = nil,
        expires: Date, status: HealthStatus, doses: Int = 0, lastDose: String? = nil, lastTestTime: Date? = nil,
        lastTestResult: TestResult? = nil, display: MaskedDisplay, holderKey: VerificationKey? = nil
    ) {
        self.issuer = issuer; self.subject = subject; self.credentialID = credentialID
        self.issuedAt = issuedAt; self.notBefore = notBefore; self.expires = expires; self.status = status
        self.doses = doses; self.lastDose = lastDose; self.lastTestTime = lastTestTime
        self.lastTestResult = lastTestResult; self.display = display; self.holderKey = holderKey
    }

    /// The holder key, decoding `cnf` now if the pass was read lazily.
    public func resolvedHolderKey() throws(PassError) -> VerificationKey? {
        if let holderKey { return holderKey }
        guard let confirmationBytes else { return nil }
        let cnf = try CBORDecoder(maxDepth: 4, maxItems: 32).decode(Array(confirmationBytes))
        guard let coseKey = cnf[int: ThresholdClaim.cnfCOSEKey] else { throw .malformed("cnf carries no COSE_Key") }
        return try COSEKey.decode(coseKey)
    }

    /// Default validity of a pass: 24 hours, like the offline health codes.
    public static let defaultValidity: TimeInterval = 24 * 3600

    /// Limits that keep personal data out of the QR: the mask is one character and `*`, the tail
    /// at most six characters.
    static func checkDisplay(_ display: MaskedDisplay) -> Bool {
        // One scalar then "*" (a combining mark would make it two scalars and is refused, which
        // is fine for a mask). Read from the UTF-8 bytes — a String is valid UTF-8, so the lead
        // byte gives the first scalar's length — with no grapheme or scalar walk on the hot path.
        let name = display.name.utf8
        guard let lead = name.first, name.last == UInt8(ascii: "*") else { return false }
        let scalarLength = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard name.count == scalarLength + 1 else { return false }
        let tail = display.idTail.utf8
        return (1...6).contains(tail.count) && tail.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    // MARK: CWT claims

    public func claims() -> CBOR {
        var pairs: [CBORPair] = [
            CBORPair(key: CBOR(ThresholdClaim.issuer), value: .text(issuer)),
            CBORPair(key: CBOR(ThresholdClaim.subject), value: .text(subject)),
            CBORPair(key: CBOR(ThresholdClaim.expires), value: CBOR(Int(expires.timeIntervalSince1970))),
            CBORPair(key: CBOR(ThresholdClaim.issuedAt), value: CBOR(Int(issuedAt.timeIntervalSince1970))),
            CBORPair(key: CBOR(ThresholdClaim.credentialID), value: .bytes(credentialID)),
            CBORPair(key: CBOR(ThresholdClaim.status), value: .unsigned(status.claimValue)),
            CBORPair(key: CBOR(ThresholdClaim.doses), value: CBOR(doses)),
            CBORPair(key: CBOR(ThresholdClaim.maskedName), value: .text(display.name)),
            CBORPair(key: CBOR(ThresholdClaim.idTail), value: .text(display.idTail)),
        ]
        if let notBefore { pairs.append(CBORPair(key: CBOR(ThresholdClaim.notBefore), value: CBOR(Int(notBefore.timeIntervalSince1970)))) }
        if let lastDose { pairs.append(CBORPair(key: CBOR(ThresholdClaim.lastDose), value: .text(lastDose))) }
        if let lastTestTime, let lastTestResult {
            pairs.append(CBORPair(key: CBOR(ThresholdClaim.lastTestTime), value: CBOR(Int(lastTestTime.timeIntervalSince1970))))
            pairs.append(CBORPair(key: CBOR(ThresholdClaim.lastTestResult), value: .unsigned(lastTestResult == .negative ? 0 : 1)))
        }
        if let holderKey, let coseKey = COSEKey.encode(holderKey) {
            pairs.append(CBORPair(key: CBOR(ThresholdClaim.confirmation),
                                  value: .map([CBORPair(key: CBOR(ThresholdClaim.cnfCOSEKey), value: coseKey)])))
        }
        return .map(pairs)
    }

    /// Reads claims strictly: every required claim present with the right type, or `.malformed`.
    public init(claims: CBOR) throws(PassError) {
        guard claims.mapValue != nil else { throw .malformed("CWT claims are not a map") }
        func time(_ label: Int) throws(PassError) -> Date? {
            guard let item = claims[int: label] else { return nil }
            guard let seconds = item.int, abs(seconds) < 1 << 40 else { throw .malformed("claim \(label) is not an integer time") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        guard let issuer = claims[int: ThresholdClaim.issuer]?.textValue,
              let subject = claims[int: ThresholdClaim.subject]?.textValue else { throw .malformed("iss or sub missing") }
        guard let expires = try time(ThresholdClaim.expires), let issuedAt = try time(ThresholdClaim.issuedAt) else {
            throw .malformed("exp or iat missing")
        }
        guard let cti = claims[int: ThresholdClaim.credentialID]?.bytesValue, (1...64).contains(cti.count) else {
            throw .malformed("cti missing")
        }
        guard case .unsigned(let rawStatus)? = claims[int: ThresholdClaim.status],
              let status = HealthStatus(claimValue: rawStatus) else { throw .malformed("health status missing or unknown") }
        guard case .unsigned(let doses)? = claims[int: ThresholdClaim.doses], doses < 100 else { throw .malformed("doses missing") }
        guard let name = claims[int: ThresholdClaim.maskedName]?.textValue,
              let tail = claims[int: ThresholdClaim.idTail]?.textValue else { throw .malformed("masked display missing") }
        let display = MaskedDisplay(name: name, idTail: tail)
        guard Self.checkDisplay(display) else { throw .malformed("display fields are not masked") }
        var lastDose: String?
        if let item = claims[int: ThresholdClaim.lastDose] {
            guard let text = item.textValue, text.count == 10 else { throw .malformed("last dose date is not YYYY-MM-DD") }
            lastDose = text
        }
        let testTime = try time(ThresholdClaim.lastTestTime)
        var testResult: TestResult?
        if let item = claims[int: ThresholdClaim.lastTestResult] {
            switch item.int {
            case 0?: testResult = .negative
            case 1?: testResult = .positive
            default: throw .malformed("test result is neither 0 nor 1")
            }
        }
        guard (testTime == nil) == (testResult == nil) else { throw .malformed("test time and result must come together") }
        var holderKey: VerificationKey?
        if let cnf = claims[int: ThresholdClaim.confirmation] {
            guard let coseKey = cnf[int: ThresholdClaim.cnfCOSEKey] else { throw .malformed("cnf carries no COSE_Key") }
            holderKey = try COSEKey.decode(coseKey)
        }
        self.init(issuer: issuer, subject: subject, credentialID: cti, issuedAt: issuedAt,
                  notBefore: try time(ThresholdClaim.notBefore), expires: expires, status: status, doses: Int(doses),
                  lastDose: lastDose, lastTestTime: testTime, lastTestResult: testResult,
                  display: display, holderKey: holderKey)
    }
}
