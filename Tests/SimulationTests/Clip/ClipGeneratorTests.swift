import Capture
import Foundation
import Passes
import Simulation
import XCTest

final class ClipGeneratorTests: XCTestCase {
    /// A two-visitor scenario small enough to render twice quickly.
    func smallScenario(seed: UInt64) -> Scenario {
        Scenario(
            name: "tiny", seed: seed, start: Date(timeIntervalSince1970: 1_795_251_600),
            frame: FrameSpec(width: 160, height: 120, fps: 4),
            venue: VenueSpec(id: "door", acceptedStatuses: [.green], temperatureThreshold: 37.3),
            issuer: IssuerSpec(name: "sim"),
            visitors: [
                Visitor(id: "a", arrival: 0.5, dwell: 1, pass: PassSpec(status: .green), temperature: 36.5,
                        camera: CameraConditions(distance: 15, rotation: 10, blur: 1, glare: 0.3, moire: 0.2, lowLight: 0.3, noise: 4)),
                Visitor(id: "b", arrival: 2, dwell: 0.5, pass: PassSpec(status: .green, attack: .forged), temperature: 36.5,
                        camera: CameraConditions(distance: 20, tilt: 0.2)),
            ])
    }

    func testSameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = Bundled.temporaryPath("a.y4m"), b = Bundled.temporaryPath("b.y4m"), c = Bundled.temporaryPath("c.y4m")
        defer { for p in [a, b, c] { try? FileManager.default.removeItem(atPath: p); try? FileManager.default.removeItem(atPath: ClipGenerator.manifestPath(forClip: p)) } }
        try ClipGenerator(scenario: smallScenario(seed: 7)).write(to: a)
        try ClipGenerator(scenario: smallScenario(seed: 7)).write(to: b)
        try ClipGenerator(scenario: smallScenario(seed: 8)).write(to: c)
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
        XCTAssertEqual(bytesA, try Data(contentsOf: URL(fileURLWithPath: b)))
        XCTAssertNotEqual(bytesA, try Data(contentsOf: URL(fileURLWithPath: c)))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ClipGenerator.manifestPath(forClip: a))),
                       try Data(contentsOf: URL(fileURLWithPath: ClipGenerator.manifestPath(forClip: b))))
    }

    func testManifestDescribesTheClip() async throws {
        let path = Bundled.temporaryPath("m.y4m")
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: ClipGenerator.manifestPath(forClip: path)) }
        let manifest = try ClipGenerator(scenario: smallScenario(seed: 7)).write(to: path)
        XCTAssertEqual(manifest.frameCount, 14)  // (2.5 s + 1 s of empty door) × 4 fps
        XCTAssertEqual(manifest.visitors.map(\.firstFrame), [2, 8])
        XCTAssertEqual(manifest.visitors.map(\.lastFrame), [5, 9])
        XCTAssertEqual(manifest.visitors.map(\.decision), [.allow, .deny])
        XCTAssertEqual(manifest.visitors.map(\.reason), [nil, .unknownKey])
        XCTAssertEqual(manifest.revokedCredentialIDs, [])
        let keys = SimulationKeys(seed: 7)
        XCTAssertEqual(manifest.issuer.kid, Hex.encode(ThresholdPassIssuer(key: keys.issuer, issuer: "sim").kid))

        let reader = try Y4MReader(path: path)
        XCTAssertEqual(reader.header, Y4MHeader(width: 160, height: 120, frameRateNumerator: 4, colorspace: .mono))
        var frames = 0
        while try await reader.nextFrame() != nil { frames += 1 }
        await reader.close()
        XCTAssertEqual(frames, manifest.frameCount)
    }

    func testTooShortDwellIsATypedError() throws {
        var s = smallScenario(seed: 1)
        s.visitors[1].dwell = 0.2
        s.visitors[1].arrival = 2.05
        XCTAssertThrowsError(try ClipGenerator(scenario: s).write(to: Bundled.temporaryPath("short.y4m"))) { error in
            XCTAssertEqual(error as? ClipError, .visitorNotInView(id: "b", fps: 4))
        }
    }

    /// The files beside the committed clip are exactly what the generator makes now for the
    /// committed settings (`scripts/make-clips --committed` refreshes them after a deliberate
    /// change). The video itself is H.264, so it is judged by what the kiosk decides on it
    /// (`SimulationRunnerTests.testCommittedClipIsReadAndDecidedAsExpected`), not byte for byte.
    func testCommittedClipFilesMatchGenerator() throws {
        let path = Bundled.temporaryPath("door-basic.y4m")
        let replay = ReplayFiles.paths(forClip: path), committedReplay = ReplayFiles.paths(forClip: Bundled.clipPath)
        defer {
            for p in [path, ClipGenerator.manifestPath(forClip: path), replay.trust, replay.root, replay.venue] {
                try? FileManager.default.removeItem(atPath: p)
            }
        }
        let manifest = try ClipGenerator(scenario: Bundled.scenario(), width: Bundled.clipWidth, height: Bundled.clipHeight, fps: Bundled.clipFPS)
            .write(to: path)
        try ReplayFiles(setup: SimulationSetup(manifest: manifest)).write(besideClip: path)
        let pairs = [(ClipGenerator.manifestPath(forClip: Bundled.clipPath), ClipGenerator.manifestPath(forClip: path)),
                     (committedReplay.trust, replay.trust), (committedReplay.root, replay.root), (committedReplay.venue, replay.venue)]
        for (committed, fresh) in pairs {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: committed)), try Data(contentsOf: URL(fileURLWithPath: fresh)),
                           "\(committed): regenerate with scripts/make-clips --committed")
        }
        XCTAssertEqual(manifest.frameCount, 158)
        let size = try FileManager.default.attributesOfItem(atPath: Bundled.clipPath)[.size] as? Int ?? 0
        XCTAssertLessThan(size, 3_000_000, "the committed clip stays small")
    }
}
