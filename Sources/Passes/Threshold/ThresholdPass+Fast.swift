import Foundation

extension ThresholdPass {
    /// Reads claims straight from their bytes (see `ClaimsReader`), with the same rules as
    /// `init(claims:)`; the holder key stays undecoded until `resolvedHolderKey()`.
    public init(claimBytes: [UInt8]) throws(PassError) {
        try self.init(claimSlice: claimBytes[...])
    }

    /// The same, over a slice (the payload inside the inflated COSE bytes, not copied out).
    init(claimSlice claimBytes: ArraySlice<UInt8>) throws(PassError) {
        var issuer: String?, subject: String?, expires: Int64?, notBefore: Int64?, issuedAt: Int64?
        var cti: [UInt8]?, status: Int64?, doses: Int64?, lastDose: String?, testTime: Int64?, testResult: Int64?
        var name: String?, tail: String?, cnf: ArraySlice<UInt8>?
        var reader = ClaimsReader(claimBytes)
        try reader.readMap { (key, r) throws(PassError) in
            switch Int(key) {
            case ThresholdClaim.issuer: issuer = try r.text()
            case ThresholdClaim.subject: subject = try r.text()
            case ThresholdClaim.expires: expires = try r.integer()
            case ThresholdClaim.notBefore: notBefore = try r.integer()
            case ThresholdClaim.issuedAt: issuedAt = try r.integer()
            case ThresholdClaim.credentialID: cti = try r.byteString()
            case ThresholdClaim.confirmation: cnf = try r.skip()
            case ThresholdClaim.status: status = try r.integer()
            case ThresholdClaim.doses: doses = try r.integer()
            case ThresholdClaim.lastDose: lastDose = try r.text()
            case ThresholdClaim.lastTestTime: testTime = try r.integer()
            case ThresholdClaim.lastTestResult: testResult = try r.integer()
            case ThresholdClaim.maskedName: name = try r.text()
            case ThresholdClaim.idTail: tail = try r.text()
            default: _ = try r.skip()
            }
        }
        func date(_ seconds: Int64?) throws(PassError) -> Date? {
            guard let seconds else { return nil }
            guard abs(seconds) < 1 << 40 else { throw .malformed("claim time out of range") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        guard let issuer, let subject else { throw .malformed("iss or sub missing") }
        guard let exp = try date(expires), let iat = try date(issuedAt) else { throw .malformed("exp or iat missing") }
        guard let cti, (1...64).contains(cti.count) else { throw .malformed("cti missing") }
        guard let status, status >= 0, let health = HealthStatus(claimValue: UInt64(status)) else {
            throw .malformed("health status missing or unknown")
        }
        guard let doses, (0..<100).contains(doses) else { throw .malformed("doses missing") }
        guard let name, let tail else { throw .malformed("masked display missing") }
        let display = MaskedDisplay(name: name, idTail: tail)
        guard Self.checkDisplay(display) else { throw .malformed("display fields are not masked") }
        if let lastDose, lastDose.utf8.count != 10 { throw .malformed("last dose date is not YYYY-MM-DD") }
        var result: TestResult?
        switch testResult {
        case nil: result = nil
        case 0?: result = .negative
        case 1?: result = .positive
        default: throw .malformed("test result is neither 0 nor 1")
        }
        guard (testTime == nil) == (result == nil) else { throw .malformed("test time and result must come together") }
        self.init(issuer: issuer, subject: subject, credentialID: cti, issuedAt: iat, notBefore: try date(notBefore),
                  expires: exp, status: health, doses: Int(doses), lastDose: lastDose, lastTestTime: try date(testTime),
                  lastTestResult: result, display: display, holderKey: nil)
        confirmationBytes = cnf
    }
}
