/// How the door camera sees the phone. All fields but `distance` default to "none", so a
/// scenario names only what is unusual.
public struct CameraConditions: Sendable, Hashable, Codable {
    /// Phone-to-lens distance, centimetres (15–40): sets the code size in the frame.
    public var distance: Double
    /// Rotation in the image plane, degrees, clockwise.
    public var rotation: Double
    /// Perspective: the far edge of the phone is this fraction shorter (0–0.5).
    public var tilt: Double
    /// Gaussian blur sigma in pixels at 720 lines (0–4); scaled with the frame height.
    public var blur: Double
    /// Strength of a specular highlight on the screen (0–1).
    public var glare: Double
    /// Amplitude of screen-door moiré (0–0.5).
    public var moire: Double
    /// Darkening and contrast loss of a dim room (0–1).
    public var lowLight: Double
    /// Sensor noise sigma in grey levels (0–30).
    public var noise: Double

    public init(distance: Double, rotation: Double = 0, tilt: Double = 0, blur: Double = 0, glare: Double = 0,
                moire: Double = 0, lowLight: Double = 0, noise: Double = 0) {
        self.distance = distance; self.rotation = rotation; self.tilt = tilt; self.blur = blur
        self.glare = glare; self.moire = moire; self.lowLight = lowLight; self.noise = noise
    }

    enum CodingKeys: String, CodingKey { case distance, rotation, tilt, blur, glare, moire, lowLight, noise }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        distance = try c.decode(Double.self, forKey: .distance)
        rotation = try c.decodeIfPresent(Double.self, forKey: .rotation) ?? 0
        tilt = try c.decodeIfPresent(Double.self, forKey: .tilt) ?? 0
        blur = try c.decodeIfPresent(Double.self, forKey: .blur) ?? 0
        glare = try c.decodeIfPresent(Double.self, forKey: .glare) ?? 0
        moire = try c.decodeIfPresent(Double.self, forKey: .moire) ?? 0
        lowLight = try c.decodeIfPresent(Double.self, forKey: .lowLight) ?? 0
        noise = try c.decodeIfPresent(Double.self, forKey: .noise) ?? 0
    }

    /// Allowed range of each field, checked by ``ScenarioLoader``.
    var checked: [(name: String, value: Double, range: ClosedRange<Double>)] {
        [("distance", distance, 15...40), ("rotation", rotation, -180...180), ("tilt", tilt, 0...0.5),
         ("blur", blur, 0...4), ("glare", glare, 0...1), ("moire", moire, 0...0.5),
         ("lowLight", lowLight, 0...1), ("noise", noise, 0...30)]
    }

    /// Code width in pixels for a frame `height` lines tall: a phone code about 4.5 cm wide seen by
    /// a kiosk lens whose vertical field is ~54 cm at 40 cm — 720 lines → 480 px at 15 cm, 180 at 40 cm.
    public func codeSize(frameHeight: Int) -> Double {
        Double(frameHeight) * 10 / distance
    }
}
