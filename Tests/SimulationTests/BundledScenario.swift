import Foundation
import Simulation
import TestSupport

/// The committed scenario and clip, found from the package root.
enum Bundled {
    static var scenarioPath: String { Corpora.packageRoot().appendingPathComponent("sim/scenarios/door-basic.json").path }
    static var clipPath: String { Corpora.packageRoot().appendingPathComponent("sim/clips/door-basic.mkv").path }
    /// The settings `scripts/make-clips --committed` uses for the committed clip.
    static let clipWidth = 1280, clipHeight = 720, clipFPS = 5

    static func scenario() throws -> Scenario { try ScenarioLoader.load(path: scenarioPath) }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)-\(name)").path
    }
}
