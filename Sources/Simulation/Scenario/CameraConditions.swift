/// How the door camera sees the phone. All fields but `distance` default to "none", so a
/// scenario names only what is unusual.
public struct CameraConditions: Sendable, Hashable, Codable {
    /// Phone-to-lens distance, centimetres (5–40): with the scenario's ``Lens`` it sets the code
    /// size in the frame, the defocus of a fixed-focus lens and the moiré period of the screen.
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
    /// Motion blur: how far the phone moves during the exposure as it comes into view, pixels at
    /// 720 lines (0–30). A hand settles: the blur decays with ``settleSeconds``.
    public var motion: Double
    /// Direction of that movement, degrees.
    public var motionAngle: Double
    /// An over-exposed screen (0–1): the camera's gain set for the dim room, the screen at full
    /// brightness — whites clip, dark modules turn grey and light bleeds into them.
    public var overexposure: Double

    public init(distance: Double, rotation: Double = 0, tilt: Double = 0, blur: Double = 0, glare: Double = 0,
                moire: Double = 0, lowLight: Double = 0, noise: Double = 0, motion: Double = 0, motionAngle: Double = 0,
                overexposure: Double = 0) {
        self.distance = distance; self.rotation = rotation; self.tilt = tilt; self.blur = blur
        self.glare = glare; self.moire = moire; self.lowLight = lowLight; self.noise = noise
        self.motion = motion; self.motionAngle = motionAngle; self.overexposure = overexposure
    }

    /// Time constant of a hand coming to rest in front of the lens.
    public static let settleSeconds = 0.6

    enum CodingKeys: String, CodingKey {
        case distance, rotation, tilt, blur, glare, moire, lowLight, noise, motion, motionAngle, overexposure
    }

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
        motion = try c.decodeIfPresent(Double.self, forKey: .motion) ?? 0
        motionAngle = try c.decodeIfPresent(Double.self, forKey: .motionAngle) ?? 0
        overexposure = try c.decodeIfPresent(Double.self, forKey: .overexposure) ?? 0
    }

    /// Writes only what is set, as scenarios are written by hand.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(distance, forKey: .distance)
        for (key, value) in [(CodingKeys.rotation, rotation), (.tilt, tilt), (.blur, blur), (.glare, glare), (.moire, moire),
                             (.lowLight, lowLight), (.noise, noise), (.motion, motion), (.motionAngle, motionAngle),
                             (.overexposure, overexposure)] where value != 0 {
            try c.encode(value, forKey: key)
        }
    }

    /// Allowed range of each field, checked by ``ScenarioLoader``.
    var checked: [(name: String, value: Double, range: ClosedRange<Double>)] {
        [("distance", distance, 5...40), ("rotation", rotation, -180...180), ("tilt", tilt, 0...0.5),
         ("blur", blur, 0...4), ("glare", glare, 0...1), ("moire", moire, 0...0.5),
         ("lowLight", lowLight, 0...1), ("noise", noise, 0...30), ("motion", motion, 0...30),
         ("motionAngle", motionAngle, -180...180), ("overexposure", overexposure, 0...1)]
    }
}
