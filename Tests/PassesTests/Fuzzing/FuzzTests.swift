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
        return seeds
    }

    func testEveryParserSurvivesMutatedCorpusInputs() throws {
        let seeds = try Self.corpusSeeds()
        let fuzzer = PassesFuzzer()
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
        }
        XCTAssertGreaterThanOrEqual(total, 10_000)
    }

    func testMutatorIsDeterministic() {
        var a = FuzzMutator(seed: 42), b = FuzzMutator(seed: 42)
        let seed: [UInt8] = Array("HC1:NCFOXN%TS3DHMRG2FUPNR9".utf8)
        for _ in 0..<100 { XCTAssertEqual(a.mutate(seed, other: seed), b.mutate(seed, other: seed)) }
    }
}
