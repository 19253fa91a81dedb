import Foundation
import TestSupport
import XCTest
@testable import Passes

/// Signer key usage from the extended key usage OIDs, on the corpus's real signer certificates.
/// The HCERT specification defines 1.3.6.1.4.1.1847.2021.1.{1,2,3} (test, vaccination, recovery);
/// verifiers (DGCA, CovPass, VerificaC19) also accept the widely issued 1.3.6.1.4.1.0.1847.2021.1.x,
/// which is the arc every restricted signer in the corpus uses.
final class DCCKeyUsageTests: XCTestCase {
    private func signer(_ relative: String) throws -> SignerCertificate {
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Corpora.url("dcc/\(relative)"))) as? [String: Any]
        return try SignerCertificate(der: XCTUnwrap(DCCTestCase(path: relative, raw: raw ?? [:]).certificateDER))
    }

    func testBothArcsMapExactlyAndNearMissesDoNot() {
        for arc in ["1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1."] {
            XCTAssertEqual(DCCKeyUsage.allowedKinds([arc + "1"]), [.test])
            XCTAssertEqual(DCCKeyUsage.allowedKinds([arc + "2"]), [.vaccination])
            XCTAssertEqual(DCCKeyUsage.allowedKinds([arc + "3"]), [.recovery])
            XCTAssertEqual(DCCKeyUsage.allowedKinds([arc + "1", arc + "3", "1.3.6.1.5.5.7.3.1"]), [.test, .recovery])
            // Other numbers on the arc, deeper OIDs ending in a DCC digit: not DCC usages.
            for other in [arc + "4", arc + "11", arc + "9.1", arc + "2.3"] {
                XCTAssertNil(DCCKeyUsage.allowedKinds([other]), other)
            }
        }
        XCTAssertNil(DCCKeyUsage.allowedKinds([]))
        XCTAssertNil(DCCKeyUsage.allowedKinds(["1.3.6.1.5.5.7.3.2"]))
    }

    func testCorpusSignersGetTheirUsages() throws {
        let cases: [(String, Set<KeyUsage>)] = [
            ("NL/2DCode/raw/000-NL-test.json", [.dccTest]),
            ("NL/2DCode/raw/072-NL-vaccination.json", [.dccVaccination]),
            ("NL/2DCode/raw/144-NL-recovery.json", [.dccRecovery]),
            ("common/2DCode/raw/CO12.json", [.dccTest]),
            ("common/2DCode/raw/CO13.json", [.dccVaccination]),
            ("common/2DCode/raw/CO14.json", [.dccRecovery]),
            // An EKU extension holding no OID at all ("VALID: no OID present"): unrestricted.
            ("common/2DCode/raw/CO15.json", KeyUsage.unrestricted(for: .dcc)),
            // No extensions: unrestricted.
            ("AT/2DCode/raw/1.json", KeyUsage.unrestricted(for: .dcc)),
        ]
        for (path, usages) in cases {
            XCTAssertEqual(TrustedKey(dccSigner: try signer(path)).usages, usages, path)
        }
        // A signer carrying all three (the usual national signer) may sign all three.
        let all = try FileManager.default.enumerator(at: Corpora.url("dcc"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.lazy
            .compactMap { url -> SignerCertificate? in
                let relative = url.path.components(separatedBy: "/dcc/").last ?? ""
                return try? self.signer(relative)
            }
            .first { $0.extendedKeyUsages.count == 3 }
        XCTAssertEqual(TrustedKey(dccSigner: try XCTUnwrap(all)).usages, KeyUsage.unrestricted(for: .dcc))
    }
}
