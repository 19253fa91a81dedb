import Foundation

/// The door camera's lens, so that distance means what it means at a real door: how large a
/// phone's code appears, and how blurred it is when held closer than the lens is focused.
///
/// Thin-lens model. The code on a phone screen is ``codeWidthCm`` wide; at `d` cm it spans
/// `codeWidthCm / (2·d·tan(fov/2))` of the frame height. A fixed-focus lens focused at `focus` cm
/// with an aperture `aperture` mm wide spreads a point at `d` cm into a disc of diameter
/// `aperture · f_px · |1/d − 1/focus|` pixels (f_px: focal length in pixels).
///
/// The default (a narrow 19.85° lens, always sharp) is the model every scenario used before the
/// lens existed: a code is `height · 10 / d` px tall. Scenarios of close phones (5–15 cm) name a
/// wide, fixed-focus lens, as kiosk cameras have.
public struct Lens: Sendable, Hashable, Codable {
    /// Vertical field of view, degrees.
    public var fieldOfView: Double
    /// Distance in focus, cm; nil = everything sharp (no defocus).
    public var focus: Double?
    /// Aperture diameter, mm (a webcam: ~1 mm).
    public var aperture: Double

    /// Width of the code on the visitor's phone screen, cm.
    public static let codeWidthCm = 3.5

    public static let narrowSharp = Lens(fieldOfView: 2 * atan(0.175) * 180 / .pi, focus: nil, aperture: 1)

    public init(fieldOfView: Double, focus: Double? = nil, aperture: Double = 1) {
        self.fieldOfView = fieldOfView; self.focus = focus; self.aperture = aperture
    }

    /// Focal length in pixels for a frame `height` lines tall.
    public func focalPixels(frameHeight: Int) -> Double {
        Double(frameHeight) / (2 * tan(fieldOfView * .pi / 360))
    }

    /// The code's width in pixels at `distance` cm.
    public func codeSize(distance: Double, frameHeight: Int) -> Double {
        Lens.codeWidthCm * focalPixels(frameHeight: frameHeight) / distance
    }

    /// Gaussian sigma (px) that stands in for the defocus disc at `distance` cm: a uniform disc of
    /// diameter c has the standard deviation c/4 along each axis.
    public func defocusSigma(distance: Double, frameHeight: Int) -> Double {
        guard let focus else { return 0 }
        let disc = aperture / 10 * focalPixels(frameHeight: frameHeight) * abs(1 / distance - 1 / focus)
        return disc / 4
    }

    /// Period (px) of the moiré a screen makes on this sensor at `distance` cm: the screen's pixel
    /// grid (pitch `screenPitchMm`) images to `p` px; sampled by a 1-px sensor it aliases to the
    /// beat between 1/p and the nearest whole frequency. Nil when the grid is coarse enough to be
    /// resolved (p ≥ 2 px: the grid is seen, not aliased) or the beat is too slow to show.
    public func moirePeriod(distance: Double, frameHeight: Int, screenPitchMm: Double = 0.06) -> Double? {
        let pitch = screenPitchMm / 10 * focalPixels(frameHeight: frameHeight) / distance
        guard pitch < 2 else { return nil }
        let frequency = 1 / pitch
        let beat = abs(frequency - frequency.rounded())
        guard beat > 1e-3 else { return nil }
        let period = 1 / beat
        return period < Double(frameHeight) / 2 ? max(period, 2.2) : nil
    }

    /// Allowed ranges, checked by ``ScenarioLoader``.
    var checked: [(name: String, value: Double, range: ClosedRange<Double>)] {
        [("fieldOfView", fieldOfView, 10...120), ("focus", focus ?? 20, 3...200), ("aperture", aperture, 0.1...10)]
    }
}
