import Foundation
import XCTest
@testable import Passes

/// `HealthFacts` read from each format, and carried on the verdict by the verifier.
final class HealthFactsTests: XCTestCase {
    func testThresholdPassFactsReachTheVerdict() throws {
        let pass = PassFixtures.pass()
        let facts = HealthFacts(pass)
        XCTAssertEqual(facts.doses, 3)
        XCTAssertEqual(facts.lastDose, ISODate.parse("2026-11-02"))
        XCTAssertEqual(facts.lastTestTime, pass.lastTestTime)
        XCTAssertEqual(facts.lastTestNegative, true)

        let text = try PassFixtures.edIssuer.issue(pass)
        let verifier = Verifier(trust: PassFixtures.store())
        let verdict = verifier.verify(text, at: PassFixtures.now)
        XCTAssertEqual(verdict.outcome, .accept, "\(String(describing: verdict.reason)) \(verdict.detail ?? "")")
        XCTAssertEqual(verdict.facts, facts)
    }

    func testDCCEntriesMostRecentWins() throws {
        func map(_ pairs: [(String, CBOR)]) -> CBOR { .map(pairs.map { CBORPair(key: .text($0.0), value: $0.1) }) }
        let dgc = map([
            ("ver", "1.3.0"),
            ("nam", map([("fnt", "MUSTERMANN")])),
            ("v", .array([
                map([("dn", 1), ("sd", 2), ("dt", "2021-03-01"), ("ci", "URN:UVCI:1")]),
                map([("dn", 2), ("sd", 2), ("dt", "2021-05-01"), ("ci", "URN:UVCI:2")]),
            ])),
            ("t", .array([map([("sc", "2021-06-01T10:00:00Z"), ("tr", .text(HealthCertificate.Test.notDetected))])])),
            ("r", .array([map([("df", "2021-04-01"), ("du", "2021-10-01")])])),
        ])
        let facts = HealthFacts(try HealthCertificate(dgc))
        XCTAssertEqual(facts.doses, 2)
        XCTAssertEqual(facts.seriesDoses, 2)
        XCTAssertEqual(facts.lastDose, ISODate.parse("2021-05-01"))
        XCTAssertEqual(facts.lastTestTime, ISODate.parse("2021-06-01T10:00:00Z"))
        XCTAssertEqual(facts.lastTestNegative, true)
        XCTAssertEqual(facts.recoveredUntil, ISODate.parse("2021-10-01"))
        XCTAssertTrue(facts.isRecovered(at: ISODate.parse("2021-07-01") ?? .distantPast))
        XCTAssertFalse(facts.isRecovered(at: ISODate.parse("2021-03-01") ?? .distantPast), "before df")
        XCTAssertFalse(facts.isRecovered(at: ISODate.parse("2021-10-02") ?? .distantPast), "after du")
    }

    /// Every decodable certificate of the EU dgc-testdata corpus gives facts that match its entries.
    func testDCCCorpusFacts() throws {
        var seen: [HealthCertificate.Kind: Int] = [:]
        for testCase in try DCCTestCase.all() {
            guard let text = testCase.string("PREFIX"), let pass = try? DCCPass(qrText: text) else { continue }
            let facts = HealthFacts(pass.certificate)
            for entry in pass.certificate.entries {
                seen[entry.kind, default: 0] += 1
                if let v = entry.vaccination, let dn = v.doseNumber {
                    XCTAssertGreaterThanOrEqual(facts.doses ?? -1, dn, testCase.path)
                }
                if let date = entry.vaccination?.date { XCTAssertGreaterThanOrEqual(facts.lastDose ?? .distantPast, date, testCase.path) }
                if let t = entry.test, t.sampleTime != nil, pass.certificate.entries.count == 1 {
                    XCTAssertEqual(facts.lastTestTime, t.sampleTime, testCase.path)
                    XCTAssertEqual(facts.lastTestNegative, t.result.map { $0 == HealthCertificate.Test.notDetected }, testCase.path)
                }
                if let until = entry.recovery?.validUntil { XCTAssertGreaterThanOrEqual(facts.recoveredUntil ?? .distantPast, until, testCase.path) }
            }
        }
        XCTAssertGreaterThan(seen[.vaccination] ?? 0, 50, "corpus vaccination entries")
        XCTAssertGreaterThan(seen[.test] ?? 0, 20, "corpus test entries")
        XCTAssertGreaterThan(seen[.recovery] ?? 0, 10, "corpus recovery entries")
    }

    func testSHCImmunizationsAreDoses() throws {
        let payload = """
        {"iss":"https://issuer.example","nbf":1620000000,"vc":{"type":["https://smarthealth.cards#health-card"],
         "credentialSubject":{"fhirBundle":{"entry":[
           {"resource":{"resourceType":"Patient","name":[{"family":"Anyperson"}]}},
           {"resource":{"resourceType":"Immunization","status":"completed","occurrenceDateTime":"2021-01-01","vaccineCode":{"coding":[{"code":"207"}]}}},
           {"resource":{"resourceType":"Immunization","status":"completed","occurrenceDateTime":"2021-01-29","vaccineCode":{"coding":[{"code":"207"}]}}}
         ]}}}}
        """
        let facts = HealthFacts(try SHCClaims(payload: Array(payload.utf8)))
        XCTAssertEqual(facts.doses, 2)
        XCTAssertEqual(facts.lastDose, ISODate.parse("2021-01-29"))
        XCTAssertNil(facts.lastTestTime)
    }
}
