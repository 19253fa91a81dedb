import Foundation
import XCTest
@testable import Passes

/// Every case of the EU dgc-testdata corpus against its EXPECTEDRESULTS flags.
///
/// Checked flags: UNPREFIX, B45DECODE, COMPRESSION, DECODE, VERIFY, EXPIRATIONCHECK, KEYUSAGE,
/// VALIDJSON, ENCODE, PICTUREDECODE (our PNG loader + our QR reader). Not checked (reported as
/// such): SCHEMAVALIDATION and VALIDOBJECT (no JSON schema validator, and the schemas are not in
/// the corpus).
final class DCCConformanceTests: XCTestCase {
    /// Cases whose own fields contradict each other, so no correct decoder can meet the flag.
    /// We still check that we see the contradiction (our result must be the opposite of the
    /// flag); they are counted apart, never as passes.
    static let corpusDefects: [String: String] = [
        "FR/2DCode/raw/test_pcr_ok.json VALIDJSON":
            "JSON says sc 12:34:56Z / dr 12:45:01Z, the signed CBOR says 14:34:56Z / 14:45:01Z",
    ]

    func testEveryCorpusCaseMatchesItsExpectedResults() throws {
        let cases = try DCCTestCase.all()
        XCTAssertEqual(cases.count, 402, "the dcc corpus should hold 402 cases")
        var table: [String: [String: (pass: Int, fail: Int, notTested: Int)]] = [:]
        var oddKeys: [String: Int] = [:]
        var failures: [String] = []
        var defects: [String] = []
        for testCase in cases {
            for key in testCase.oddKeys { oddKeys[key, default: 0] += 1 }
            for (flag, expected) in testCase.expected.sorted(by: { $0.key < $1.key }) {
                let result = check(flag, testCase)
                var row = table[testCase.country, default: [:]][flag, default: (0, 0, 0)]
                switch result {
                case .none:
                    row.notTested += 1
                case .some(let (got, why)):
                    if let defect = Self.corpusDefects["\(testCase.path) \(flag)"] {
                        defects.append("\(testCase.path) \(flag): \(defect)")
                        if got == expected { failures.append("\(testCase.path) \(flag): listed as a corpus defect but now matches") }
                        continue
                    }
                    if got == expected {
                        row.pass += 1
                    } else {
                        row.fail += 1
                        failures.append("\(testCase.path) \(flag): expected \(expected), got \(got) — \(why)")
                    }
                }
                table[testCase.country, default: [:]][flag] = row
            }
        }
        print(report(table, oddKeys: oddKeys))
        print("Corpus defects (not counted as pass or fail): \(defects.count)")
        for defect in defects { print("  - \(defect)") }
        for failure in failures { XCTFail(failure) }
    }

    /// Our result for one flag (nil = this flag is not checked), with the reason for a false.
    func check(_ flag: String, _ c: DCCTestCase) -> (Bool, String)? {
        func attempt(_ body: () throws -> Bool) -> (Bool, String) {
            do { return try (body(), "mismatch with the next stage's field") } catch { return (false, "\(error)") }
        }
        switch flag {
        case "UNPREFIX":
            guard let prefixed = c.string("PREFIX") else { return nil }
            return attempt {
                let body = try DCCPass.unprefix(prefixed)
                return c.string("BASE45").map { $0 == body } ?? true
            }
        case "B45DECODE":
            guard let text = c.string("BASE45") else { return nil }
            return attempt {
                let bytes = try Base45.decode(text)
                return c.hexField("COMPRESSED").map { $0 == bytes } ?? true
            }
        case "COMPRESSION":
            guard let compressed = c.hexField("COMPRESSED") else { return nil }
            return attempt {
                let cose = try Zlib.inflate(compressed, format: .zlib, maxOutput: DCCPass.maxInflated)
                return c.hexField("COSE").map { $0 == cose } ?? true
            }
        case "DECODE":
            return attempt {
                // The CBOR field holds either the eu_dgc_v1 document or the whole CWT payload.
                var fromCBOR = try c.hexField("CBOR").map { try CBORDecoder().decode($0) }
                var fromCOSE: CBOR?
                if let cose = try coseBytes(c) {
                    let pass = try DCCPass(cose: cose)
                    fromCOSE = fromCBOR?[int: CWTClaims.Key.healthCertificate] != nil
                        ? try CBORDecoder().decode(pass.message.payload) : pass.claims.healthCertificate
                }
                if let whole = fromCBOR, whole[int: CWTClaims.Key.healthCertificate] != nil {
                    fromCBOR = try CWTClaims(payload: CBOREncoder.encode(whole)).healthCertificate
                    if let cose = fromCOSE { fromCOSE = try CWTClaims(payload: CBOREncoder.encode(cose)).healthCertificate }
                }
                guard let dgc = fromCBOR ?? fromCOSE else { return false }
                _ = try HealthCertificate(dgc)
                if let fromCBOR, let fromCOSE {
                    return CBOREncoder.encode(fromCBOR) == CBOREncoder.encode(fromCOSE)
                }
                return true
            }
        case "VALIDJSON":
            guard let json = c.raw["JSON"] as? NSDictionary else { return nil }
            return attempt {
                guard let cose = try coseBytes(c) else { return false }
                let dgc = try DCCPass(cose: cose).claims.healthCertificate
                return (foundationObject(dgc) as? NSDictionary)?.isEqual(json) ?? false
            }
        case "ENCODE":
            guard let json = c.raw["JSON"], let cbor = c.hexField("CBOR") else { return nil }
            return attempt {
                var theirs = try CBORDecoder().decode(cbor)
                if theirs[int: CWTClaims.Key.healthCertificate] != nil {
                    theirs = try CWTClaims(payload: cbor).healthCertificate
                }
                return CBOREncoder.encode(try cborFromJSON(json)) == CBOREncoder.encode(theirs)
            }
        case "VERIFY":
            guard let der = c.certificateDER else { return nil }
            return attempt {
                guard let cose = try coseBytes(c) else { return false }
                let signer = try SignerCertificate(der: der)
                let pass = try DCCPass(cose: cose)
                guard pass.kid == signer.kid else { throw PassError(.unknownKey, "kid does not match the certificate") }
                return pass.verifySignature(with: signer.key)
            }
        case "EXPIRATIONCHECK":
            guard let clock = c.validationClock else { return (false, "no usable VALIDATIONCLOCK") }
            return attempt {
                guard let cose = try coseBytes(c) else { return false }
                try DCCPass(cose: cose).checkValidity(at: clock)
                return true
            }
        case "KEYUSAGE":
            guard let der = c.certificateDER else { return nil }
            return attempt {
                guard let cose = try coseBytes(c) else { return false }
                let signer = try SignerCertificate(der: der)
                try DCCPass(cose: cose).checkKeyUsage(signer.extendedKeyUsages)
                return true
            }
        case "PICTUREDECODE":
            return pictureDecode(c)
        default:
            return nil // SCHEMAVALIDATION, VALIDOBJECT: no JSON schema validator here.
        }
    }

    /// The COSE bytes of a case: the `COSE` field, else the decode chain from `PREFIX`.
    func coseBytes(_ c: DCCTestCase) throws -> [UInt8]? {
        if let cose = c.hexField("COSE") { return cose }
        guard let prefixed = c.string("PREFIX") else { return nil }
        return try DCCPass.coseBytes(base45: try DCCPass.unprefix(prefixed))
    }

    /// PICTUREDECODE: our PNG loader and our own QR reader on the `2DCODE` picture.
    func pictureDecode(_ c: DCCTestCase) -> (Bool, String)? { DCCPictureDecode.check(c) }

    func report(_ table: [String: [String: (pass: Int, fail: Int, notTested: Int)]], oddKeys: [String: Int]) -> String {
        let flags = Array(Set(table.values.flatMap(\.keys))).sorted()
        var lines = ["", "DCC conformance (pass/fail per flag; n/t = present but not tested by us)",
                     "| country | " + flags.joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: flags.count)]
        var totals: [String: (Int, Int, Int)] = [:]
        for country in table.keys.sorted() {
            var cells: [String] = []
            for flag in flags {
                guard let row = table[country]?[flag] else { cells.append("–"); continue }
                let t = totals[flag, default: (0, 0, 0)]
                totals[flag] = (t.0 + row.pass, t.1 + row.fail, t.2 + row.notTested)
                if row.pass + row.fail == 0 {
                    cells.append("n/t \(row.notTested)")
                } else {
                    cells.append("\(row.pass)/\(row.fail)" + (row.notTested > 0 ? " +n/t \(row.notTested)" : ""))
                }
            }
            lines.append("| \(country) | " + cells.joined(separator: " | ") + " |")
        }
        lines.append("| **all** | " + flags.map { flag in
            let t = totals[flag, default: (0, 0, 0)]
            if t.0 + t.1 == 0 { return "n/t \(t.2)" }
            return "\(t.0)/\(t.1)" + (t.2 > 0 ? " +n/t \(t.2)" : "")
        }.joined(separator: " | ") + " |")
        lines.append("Cells: pass/fail; +n/t k = flag present but the case lacks the field to test it "
                     + "(e.g. PICTUREDECODE without a 2DCODE picture).")
        lines.append("Not tested: SCHEMAVALIDATION, VALIDOBJECT (no JSON schema validator; the schemas "
                     + "are not in the corpus). PICTUREDECODE uses ImageFile (PNG) + QRDecoder.")
        if oddKeys.isEmpty {
            lines.append("Unknown or misspelt EXPECTEDRESULTS keys: none found.")
        } else {
            lines.append("Unknown or misspelt EXPECTEDRESULTS keys (not tested): "
                         + oddKeys.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

/// JSON (as JSONSerialization gives it) → CBOR with the DCC's typing: integers stay integers.
func cborFromJSON(_ value: Any) throws -> CBOR {
    switch value {
    case let dict as [String: Any]:
        return .map(try dict.map { CBORPair(key: .text($0.key), value: try cborFromJSON($0.value)) })
    case let array as [Any]:
        return .array(try array.map(cborFromJSON))
    case let text as String:
        return .text(text)
    case let number as NSNumber:
        let type = String(cString: number.objCType)
        if type == "c" || type == "B" { return .bool(number.boolValue) }
        let double = number.doubleValue
        if double == double.rounded(), abs(double) < 9e15 { return CBOR(Int(double)) }
        return .float(double)
    case is NSNull:
        return .null
    default:
        throw PassError(.malformed, "JSON value of an unexpected type")
    }
}
