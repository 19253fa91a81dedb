import Foundation
import TestSupport
import XCTest

/// `scripts/install` into a staging root (`--destdir`), with the binaries this test run built:
/// both binaries, both units pointing at the chosen prefix, the udev rule and example
/// configuration land in their places, and an operator's existing file is never replaced.
final class InstallScriptTests: XCTestCase {
    func testInstallPutsEverythingInPlaceUnderDestdir() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let binDir = try ThresholdProcess.binary().deletingLastPathComponent().path
        func install() throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [Corpora.packageRoot().appendingPathComponent("scripts/install").path,
                                 "--destdir", root.path, "--prefix", "/opt/threshold", "--bin-dir", binDir]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stderr)
        }
        let first = try install()
        XCTAssertEqual(first.status, 0, first.stderr)
        for binary in ["opt/threshold/bin/threshold", "opt/threshold/bin/threshold-upstream"] {
            XCTAssertTrue(fm.isExecutableFile(atPath: root.appendingPathComponent(binary).path), binary)
        }
        for file in ["etc/udev/rules.d/99-threshold-camera.rules", "etc/threshold/kiosk.json", "etc/threshold/venue.toml",
                     "etc/threshold/kiosk.env"] {
            XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent(file).path), file)
        }
        var isDirectory: ObjCBool = false
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("var/lib/threshold").path, isDirectory: &isDirectory) && isDirectory.boolValue)
        for unit in ["threshold-kiosk.service", "threshold-upstream.service"] {
            let text = try String(contentsOf: root.appendingPathComponent("etc/systemd/system/\(unit)"), encoding: .utf8)
            XCTAssertTrue(text.contains("ExecStart=/opt/threshold/bin/threshold"), "\(unit) runs the installed binary")
            XCTAssertFalse(text.contains("/usr/local/bin"), unit)
        }
        // The installed example venue is one the installed binary accepts.
        let check = try ThresholdProcess.run(["config", "check", root.appendingPathComponent("etc/threshold/venue.toml").path])
        XCTAssertEqual(check.status, 0, check.stdout)

        // A second install keeps the operator's edits and writes the example beside them.
        let venue = root.appendingPathComponent("etc/threshold/venue.toml")
        try Data("# mine\n".utf8).write(to: venue)
        let second = try install()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try String(contentsOf: venue, encoding: .utf8), "# mine\n")
        XCTAssertTrue(fm.fileExists(atPath: venue.path + ".example"))
    }
}
