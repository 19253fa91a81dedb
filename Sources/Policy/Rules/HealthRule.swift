import Foundation
import Passes

/// Doses, days since the last dose, test age and result, recovery — the part of the venue rules
/// that reads `HealthFacts`. Nil means satisfied.
struct HealthRule {
    var rules: VenueConfig.Rules

    /// A positive test younger than this denies even when vaccination alone would satisfy `any`.
    static let defaultPositiveWindowHours = 14 * 24

    func check(_ facts: HealthFacts?, now t: Double) -> PolicyReason? {
        let facts = facts ?? HealthFacts()
        if facts.lastTestNegative == false, let time = facts.lastTestTime,
           t - time.timeIntervalSince1970 <= Double(rules.test?.maxAgeHours ?? Self.defaultPositiveWindowHours) * 3600 {
            return .testPositive
        }
        guard rules.vaccination != nil || rules.test != nil else { return nil }
        if rules.acceptRecovery, facts.isRecovered(at: Date(timeIntervalSince1970: t)) { return nil }
        var failures: [PolicyReason] = []
        var anyPassed = false
        if let rule = rules.vaccination {
            if let reason = vaccination(rule, facts, t) { failures.append(reason) } else { anyPassed = true }
        }
        if let rule = rules.test {
            if let reason = test(rule, facts, t) { failures.append(reason) } else { anyPassed = true }
        }
        switch rules.combine {
        case .any: if anyPassed { return nil }
        case .all: if failures.isEmpty { return nil }
        }
        // Name the most telling failure: one about a record the pass has, before "no record".
        return failures.first { $0 != .noHealthRecord } ?? failures.first
    }

    private func vaccination(_ rule: VenueConfig.Vaccination, _ facts: HealthFacts, _ t: Double) -> PolicyReason? {
        guard let doses = facts.doses, doses > 0 else { return .noHealthRecord }
        if doses < rule.minDoses { return .notEnoughDoses }
        guard let last = facts.lastDose else {
            return rule.minDaysSinceLastDose > 0 || rule.maxDaysSinceLastDose != nil ? .noHealthRecord : nil
        }
        let days = ((t - last.timeIntervalSince1970) / 86_400).rounded(.down)
        if days < Double(rule.minDaysSinceLastDose) { return .doseTooRecent }
        if let max = rule.maxDaysSinceLastDose, days > Double(max) { return .doseTooOld }
        return nil
    }

    private func test(_ rule: VenueConfig.TestRule, _ facts: HealthFacts, _ t: Double) -> PolicyReason? {
        guard let time = facts.lastTestTime, let negative = facts.lastTestNegative else { return .noHealthRecord }
        guard negative else { return .testPositive }
        let age = t - time.timeIntervalSince1970
        // A sample "taken" in the future beyond clock skew is not a record we can rely on.
        if age < -300 { return .noHealthRecord }
        return age > Double(rule.maxAgeHours) * 3600 ? .testTooOld : nil
    }
}
