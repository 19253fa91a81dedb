import Foundation
import Imaging
import QRCode

/// Renders the camera frame at any instant of a scenario: the backdrop, and — while a visitor is
/// in view — their phone placed and degraded under their camera conditions. Deterministic: the
/// same scenario, size and frame index give the same pixels.
public struct FrameRenderer: Sendable {
    public let scenario: Scenario
    public let width: Int
    public let height: Int
    public let passes: [VisitorPass]
    public let ecLevel: ErrorCorrectionLevel
    let backdrop: GrayBuffer

    /// - Parameters:
    ///   - width, height: output size; defaults to the scenario's frame. The code size scales
    ///     with `height`, so a smaller clip is the same scene seen by a lower-resolution camera.
    public init(scenario: Scenario, keys: SimulationKeys, width: Int? = nil, height: Int? = nil,
                ecLevel: ErrorCorrectionLevel = .M) throws {
        self.scenario = scenario
        self.width = width ?? scenario.frame.width
        self.height = height ?? scenario.frame.height
        self.ecLevel = ecLevel
        passes = try scenario.visitors.map { try VisitorPass(visitor: $0, scenario: scenario, keys: keys) }
        backdrop = Backdrop.make(width: self.width, height: self.height, seed: scenario.seed)
    }

    /// The visitor (index) whose phone is in view at `seconds` into the clip.
    public func visitorIndex(at seconds: Double) -> Int? {
        scenario.visitors.firstIndex { seconds >= $0.arrival && seconds < $0.arrival + $0.dwell }
    }

    /// The frame at `seconds`, and the text shown in it (nil: nobody in view). `screens` caches
    /// rendered phone screens by text, since a code only changes every 30 s.
    public func frame(at seconds: Double, index: Int, screens: inout [String: PhoneScreen]) throws -> (GrayBuffer, String?) {
        guard let v = visitorIndex(at: seconds) else {
            return (SensorNoise.add(backdrop, sigma: 1.5, seed: scenario.seed &+ UInt64(index)), nil)
        }
        let pass = passes[v]
        let text = try pass.text(at: scenario.start.addingTimeInterval(seconds))
        let screen: PhoneScreen
        if let cached = screens[text] { screen = cached } else {
            screen = try PhoneScreen(text: text, ecLevel: ecLevel)
            screens = [text: screen]  // one visitor at a time: keep only the current screen
        }
        let image = render(screen, visitor: pass.visitor, visitorIndex: v, seconds: seconds, frameIndex: index)
        return (image, text)
    }

    /// Places `screen` for `visitor` and applies their camera conditions.
    func render(_ screen: PhoneScreen, visitor: Visitor, visitorIndex v: Int, seconds: Double, frameIndex: Int) -> GrayBuffer {
        let cam = visitor.camera
        let scale = Double(height) / 720
        var rng = SeededRandom(seed: scenario.seed &+ UInt64(v) &* 0x9E37_79B9_7F4A_7C15)
        // Where the code centre sits: near the middle, a seeded offset per visitor and a slow hand sway.
        let t = seconds - visitor.arrival
        let sway = Point(sin(t * 2.1 + rng.unit() * 6) * 6 * scale, cos(t * 1.7 + rng.unit() * 6) * 4 * scale)
        let codeCentre = Point(Double(width) * (0.45 + rng.unit() * 0.1), Double(height) * (0.45 + rng.unit() * 0.1)) + sway
        let lens = scenario.frame.optics
        let codePx = lens.codeSize(distance: cam.distance, frameHeight: height)
        let k = codePx / screen.codeSide
        let screenW = Double(screen.image.width) * k, screenH = Double(screen.image.height) * k
        // Offset of the code centre from the screen centre, rotated into the frame.
        let local = Point((screen.codeOrigin.x + screen.codeSide / 2 - Double(screen.image.width) / 2) * k,
                          (screen.codeOrigin.y + screen.codeSide / 2 - Double(screen.image.height) / 2) * k)
        let a = cam.rotation * Double.pi / 180
        let rotated = Point(local.x * cos(a) - local.y * sin(a), local.x * sin(a) + local.y * cos(a))
        let centre = codeCentre - rotated

        var shown = screen.image
        if cam.overexposure > 0 {
            // In screen units: the bleed reaches ~1.5 px of the frame.
            shown = Synthesis.overexpose(shown, amount: cam.overexposure, radius: 1.5 * scale / max(k, 0.05))
        }
        if cam.moire > 0 {
            // The screen's pixel grid aliased by the sensor: its period depends on the distance
            // (Lens.moirePeriod); a grid fine enough to be resolved shows as a 2.2-px beat at most.
            let period = lens.moirePeriod(distance: cam.distance, frameHeight: height) ?? 2.2
            shown = Synthesis.moire(shown, period: period / max(k, 0.05), amplitude: cam.moire, degrees: 12)
        }
        var frame = backdrop
        let body = GrayBuffer(width: 4, height: 4, fill: PhoneScreen.body)
        Synthesis.place(body, into: &frame, quad: Synthesis.quad(center: centre, width: screenW * 1.06, height: screenH * 1.04,
                                                                 degrees: cam.rotation, tilt: cam.tilt))
        Synthesis.place(shown, into: &frame, quad: Synthesis.quad(center: centre, width: screenW, height: screenH,
                                                                  degrees: cam.rotation, tilt: cam.tilt))
        if cam.glare > 0 {
            frame = Synthesis.glare(frame, center: codeCentre + Point(codePx * 0.2, -codePx * 0.15), radius: codePx * 0.35, strength: cam.glare * 255)
        }
        // Defocus of a fixed-focus lens and any extra blur add as independent Gaussians.
        let defocus = lens.defocusSigma(distance: cam.distance, frameHeight: height)
        let sigma = (defocus * defocus + cam.blur * scale * cam.blur * scale).squareRoot()
        if sigma > 0.05 { frame = Synthesis.gaussianBlur(frame, sigma: sigma) }
        // The hand moves as the phone comes up and settles: the blur decays from `motion` at arrival.
        let motion = cam.motion * exp(-t / CameraConditions.settleSeconds)
        if motion >= 1 { frame = Synthesis.motionBlur(frame, length: motion * scale, degrees: cam.motionAngle) }
        if cam.lowLight > 0 {
            frame = Synthesis.reduceContrast(frame, low: UInt8(clamping: Int(cam.lowLight * 30)),
                                             high: UInt8(clamping: 255 - Int(cam.lowLight * 160)))
        }
        return SensorNoise.add(frame, sigma: max(1.5, cam.noise), seed: scenario.seed &+ UInt64(frameIndex))
    }
}
