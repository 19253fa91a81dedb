import Foundation

/// The health facts a venue rule may ask about, in one shape for every pass format.
///
/// Why a separate value: `Verdict.status` is a colour, but venues also ask "at least two doses,
/// the last one 14 days ago" or "a negative test within 48 hours". Each format carries those
/// facts differently (our claims, DCC `v`/`t`/`r` entries, SHC immunizations); they are read once
/// here so Policy never has to know the formats.
public struct HealthFacts: Sendable, Hashable, Codable {
    /// Vaccination doses received (the highest dose number seen), nil when the pass says nothing.
    public var doses: Int?
    /// Doses that complete the series, when the pass says (DCC `sd`).
    public var seriesDoses: Int?
    /// Date of the most recent dose.
    public var lastDose: Date?
    /// Time of the most recent test sample.
    public var lastTestTime: Date?
    /// Result of that test: true negative, false positive, nil unknown.
    public var lastTestNegative: Bool?
    /// A recovery statement valid from / until these dates.
    public var recoveredFrom: Date?
    public var recoveredUntil: Date?

    public init(doses: Int? = nil, seriesDoses: Int? = nil, lastDose: Date? = nil, lastTestTime: Date? = nil,
                lastTestNegative: Bool? = nil, recoveredFrom: Date? = nil, recoveredUntil: Date? = nil) {
        self.doses = doses; self.seriesDoses = seriesDoses; self.lastDose = lastDose
        self.lastTestTime = lastTestTime; self.lastTestNegative = lastTestNegative
        self.recoveredFrom = recoveredFrom; self.recoveredUntil = recoveredUntil
    }

    /// Whether a recovery statement covers `now`.
    public func isRecovered(at now: Date) -> Bool {
        guard let until = recoveredUntil else { return false }
        return now <= until && (recoveredFrom.map { $0 <= now } ?? true)
    }
}

extension HealthFacts {
    /// From our own pass: doses, last dose (`YYYY-MM-DD`), last test time and result.
    public init(_ pass: ThresholdPass) {
        self.init(doses: pass.doses, lastDose: pass.lastDose.flatMap(ISODate.parse), lastTestTime: pass.lastTestTime,
                  lastTestNegative: pass.lastTestResult.map { $0 == .negative })
    }

    /// From an EU DCC: `v` (`dn`, `sd`, `dt`), `t` (`sc`, `tr`), `r` (`df`, `du`). With several
    /// entries of a kind the most recent one wins.
    public init(_ certificate: HealthCertificate) {
        self.init()
        for entry in certificate.entries {
            if let v = entry.vaccination {
                if let dn = v.doseNumber, dn >= (doses ?? 0) { doses = dn; seriesDoses = v.seriesDoses }
                if let date = v.date, date > (lastDose ?? .distantPast) { lastDose = date }
            }
            if let t = entry.test, let time = t.sampleTime, time > (lastTestTime ?? .distantPast) {
                lastTestTime = time
                lastTestNegative = t.result.map { $0 == HealthCertificate.Test.notDetected }
            }
            if let r = entry.recovery, let until = r.validUntil, until > (recoveredUntil ?? .distantPast) {
                recoveredFrom = r.validFrom
                recoveredUntil = until
            }
        }
    }

    /// From a SMART Health Card: each completed immunization is one dose.
    public init(_ claims: SHCClaims) {
        self.init()
        guard !claims.immunizations.isEmpty else { return }
        doses = claims.immunizations.count
        lastDose = claims.immunizations.compactMap(\.date).max()
    }
}
