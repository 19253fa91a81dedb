import Foundation
import Simulation
import XCTest

final class ScenarioLoaderTests: XCTestCase {
    func testBundledScenarioParses() throws {
        let s = try Bundled.scenario()
        XCTAssertEqual(s.name, "door-basic")
        XCTAssertEqual(s.frame, FrameSpec(width: 1280, height: 720, fps: 15))
        XCTAssertEqual(s.visitors.count, 10)
        XCTAssertEqual(s.visitors[6].pass.attack, .replayedScreenshot)
        XCTAssertEqual(s.visitors[6].pass.screenshotAge, 600)
        XCTAssertEqual(s.visitors[9].camera, CameraConditions(distance: 26, rotation: -25, tilt: 0.2, blur: 1.0, noise: 3))
        XCTAssertEqual(s.start, Date(timeIntervalSince1970: 1_795_251_600))
    }

    func testRoundTripsThroughEncode() throws {
        let s = try Bundled.scenario()
        XCTAssertEqual(try ScenarioLoader.decode(ScenarioLoader.encode(s)), s)
    }

    /// The bundled file with one edit applied to its JSON object.
    func mutated(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Bundled.scenarioPath))) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func editVisitor(_ index: Int, _ object: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var visitors = object["visitors"] as? [[String: Any]] ?? []
        edit(&visitors[index])
        object["visitors"] = visitors
    }

    func assertRefused(_ data: Data, _ expected: ScenarioError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ScenarioLoader.decode(data), file: file, line: line) { error in
            guard let error = error as? ScenarioError else { return XCTFail("untyped \(error)", file: file, line: line) }
            XCTAssertEqual(error.field, expected.field, file: file, line: line)
            switch (error, expected) {
            case (.malformed, .malformed), (.invalid, .invalid), (.unsupported, .unsupported): break
            default: XCTFail("\(error) is not the kind of \(expected)", file: file, line: line)
            }
        }
    }

    func testNotJSON() {
        assertRefused(Data("{ visitors: ".utf8), .malformed(field: "(root)", detail: ""))
    }

    func testMissingFieldIsNamed() throws {
        assertRefused(try mutated { $0["seed"] = nil }, .malformed(field: "seed", detail: ""))
        assertRefused(try mutated { editVisitor(3, &$0) { $0["dwell"] = nil } }, .malformed(field: "visitors[3].dwell", detail: ""))
    }

    func testWrongTypeIsNamed() throws {
        assertRefused(try mutated { editVisitor(2, &$0) { v in
            var camera = v["camera"] as? [String: Any] ?? [:]
            camera["distance"] = "near"
            v["camera"] = camera
        } }, .malformed(field: "visitors[2].camera.distance", detail: ""))
        assertRefused(try mutated { editVisitor(0, &$0) { v in
            var pass = v["pass"] as? [String: Any] ?? [:]
            pass["attack"] = "bribe"
            v["pass"] = pass
        } }, .malformed(field: "visitors[0].pass.attack", detail: ""))
    }

    func testOutOfRangeValuesAreNamed() throws {
        assertRefused(try mutated { editVisitor(4, &$0) { v in
            var camera = v["camera"] as? [String: Any] ?? [:]
            camera["distance"] = 80
            v["camera"] = camera
        } }, .invalid(field: "visitors[4].camera.distance", detail: ""))
        assertRefused(try mutated { $0["frame"] = ["width": 1279, "height": 720, "fps": 15] }, .invalid(field: "frame.width", detail: ""))
        assertRefused(try mutated { editVisitor(5, &$0) { $0["arrival"] = 13.5 } }, .invalid(field: "visitors[5].arrival", detail: ""))
        assertRefused(try mutated { editVisitor(1, &$0) { $0["id"] = "v01-green" } }, .invalid(field: "visitors[1].id", detail: ""))
        assertRefused(try mutated { editVisitor(6, &$0) { v in
            var pass = v["pass"] as? [String: Any] ?? [:]
            pass["screenshotAge"] = 10
            v["pass"] = pass
        } }, .invalid(field: "visitors[6].pass.screenshotAge", detail: ""))
    }

    func testForeignPassKindsAreUnsupported() throws {
        assertRefused(try mutated { editVisitor(0, &$0) { v in
            var pass = v["pass"] as? [String: Any] ?? [:]
            pass["kind"] = "dcc"
            v["pass"] = pass
        } }, .unsupported(field: "visitors[0].pass.kind", detail: ""))
    }

    func testUnreadableFile() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/scenario.json")) { error in
            guard case .unreadable? = error as? ScenarioError else { return XCTFail("\(error)") }
        }
    }
}
