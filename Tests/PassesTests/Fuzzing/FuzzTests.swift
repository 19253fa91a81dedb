import Foundation
import TestSupport
import XCTest
@testable import Passes

/// A bounded fuzz run (~10k inputs over all parsers) so CI exercises the fuzzer; the reported
/// ≥1M-per-parser runs are `swift run -c release --package-path Benchmarks fuzz-passes`.
final class FuzzTests: XCTestCase {
    static func corpusSeeds() throws -> FuzzSeeds {
        var seeds = FuzzSeeds()
        let dcc = try Corpora.url("dcc")
        let files = FileManager.default.enumerator(at: dcc, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path } ?? []
        // Every 8th case keeps the unit test small while still covering each country.
        for (index, file) in files.enumerated() where index % 8 == 0 {
            seeds.addDCCCase(json: try Array(Data(contentsOf: file)))
        }
        let shc = try Corpora.url("shc/examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: shc.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: shc.appendingPathComponent(name), encoding: .utf8)
            if name.hasSuffix("-d-jws.txt") { seeds.addSHC(jws: text) }
            if name.contains("-f-qr-code-numeric") { seeds.addSHCNumeric(text) }
        }
        // Trust bundles holding the corpus's SMART issuer keys, a DCC signer and revocations.
        let jwks = try JWKSet(json: Array(Data(contentsOf: shc.appendingPathComponent("issuer/.well-known/jwks.json"))))
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Corpora.url("dcc/AT/2DCode/raw/1.json"))) as? [String: Any]
        let signer = try SignerCertificate(der: XCTUnwrap(DCCTestCase(path: "AT/1", raw: raw ?? [:]).certificateDER))
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        seeds.addTrustBundle(TrustBundle(version: 1, issuedAt: issued, keys: []))
        seeds.addTrustBundle(TrustBundle(
            version: 2, issuedAt: issued,
            keys: [PassFixtures.edIssuer.trustedKey(), TrustedKey(dccSigner: signer)] + TrustedKey.shcKeys(jwks, issuer: "shc"),
            revocations: RevocationList(entries: RevocationKind.allCases.map { ($0, RevocationHash(identifier: [$0.rawValue])) }),
            venueConfigDigest: [UInt8](repeating: 1, count: 32)))
        return seeds
    }

    func testEveryParserSurvivesMutatedCorpusInputs() throws {
        let seeds = try Self.corpusSeeds()
        var fuzzer = PassesFuzzer()
        // CPU time of this thread, as the fuzz executable counts it: on a loaded machine a thread
        // sits descheduled for 100 ms at times, which says nothing about the parser.
        fuzzer.inputClock = {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
        var total = 0
        for target in PassesFuzzer.Target.allCases {
            XCTAssertFalse(seeds[target].isEmpty, "no seeds for \(target)")
            let report = fuzzer.run(target, seeds: seeds[target], iterations: 1_500, seed: 0x7E57)
            total += report.inputs
            print("fuzz \(target.rawValue): \(report.inputs) inputs, \(report.parsed) parsed, errors "
                  + report.errors.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
                      .joined(separator: " ") + ", slowest \(report.slowest)")
            XCTAssertEqual(report.invariantFailures, [], "\(target)")
            XCTAssertEqual(report.slow, 0, "\(target) had inputs slower than 100 ms")
            // Both outcomes must occur, or the fuzzer is not reaching the parser at all.
            XCTAssertGreaterThan(report.parsed, 0, "\(target)")
            XCTAssertGreaterThan(report.errors.values.reduce(0, +), 0, "\(target)")
            if target == .trustBundle {
                // Mutated envelopes die at the signature; re-signed payloads reach the parsers behind it.
                XCTAssertGreaterThan(report.errors[.badSignature] ?? 0, 0)
                XCTAssertGreaterThan((report.errors[.malformed] ?? 0) + (report.errors[.unknownKey] ?? 0), 0)
            }
        }
        XCTAssertGreaterThanOrEqual(total, 10_000)
    }

    func testMutatorIsDeterministic() {
        var a = FuzzMutator(seed: 42), b = FuzzMutator(seed: 42)
        let seed: [UInt8] = Array("HC1:NCFOXN%TS3DHMRG2FUPNR9".utf8)
        for _ in 0..<100 { XCTAssertEqual(a.mutate(seed, other: seed), b.mutate(seed, other: seed)) }
    }
}
