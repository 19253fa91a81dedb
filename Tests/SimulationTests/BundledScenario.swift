import Foundation
import Simulation
import TestSupport

/// The committed scenario and clip, found from the package root.
enum Bundled {
    static var scenarioPath: String { Corpora.packageRoot().appendingPathComponent("sim/scenarios/door-basic.json").path }
    static var clipPath: String { Corpora.packageRoot().appendingPathComponent("sim/clips/door-basic-320.y4m").path }
    /// The settings `scripts/make-clips` uses for the committed clip.
    static let clipWidth = 320, clipHeight = 180, clipFPS = 1

    static func scenario() throws -> Scenario { try ScenarioLoader.load(path: scenarioPath) }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)-\(name)").path
    }
}
