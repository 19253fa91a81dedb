import Imaging
import QRCode

/// The bundled sample frames (`sim/samples/`): passes shown on a phone at the door, rendered with
/// our encoder and degraded with `Imaging.Synthesis`, 640×480 like a kiosk camera. Fixed seeds, so
/// `threshold make-samples` reproduces the committed files byte for byte.
enum SampleFrames {
    struct Frame {
        let name: String
        /// The texts a reader must find in the frame (empty: a frame with no code).
        let texts: [String]
        let make: @Sendable () throws -> GrayBuffer
    }

    static let width = 640, height = 480

    static let all: [Frame] = [
        Frame(name: "01-upright.png", texts: [pass(1)]) {
            try scene([(pass(1), Point(320, 240), 220, 0, 0)])
        },
        Frame(name: "02-rotated-135-blurred.png", texts: [pass(2)]) {
            Synthesis.gaussianBlur(try scene([(pass(2), Point(300, 250), 230, 135, 0)]), sigma: 1.2)
        },
        Frame(name: "03-tilted.png", texts: [pass(3)]) {
            try scene([(pass(3), Point(320, 240), 240, -12, 0.25)])
        },
        Frame(name: "04-low-contrast-noisy.png", texts: [pass(4)]) {
            let frame = Synthesis.reduceContrast(try scene([(pass(4), Point(310, 245), 220, 8, 0.1)]), low: 70, high: 170)
            return Synthesis.addNoise(frame, sigma: 5, seed: 5)
        },
        Frame(name: "05-glare.png", texts: [pass(5)]) {
            Synthesis.glare(try scene([(pass(5), Point(320, 240), 230, -5, 0)]), center: Point(380, 200), radius: 90, strength: 0.6)
        },
        Frame(name: "06-dark-mode.png", texts: [pass(6)]) {
            try scene([(pass(6), Point(320, 240), 220, 10, 0)], darkMode: true)
        },
        Frame(name: "07-two-phones.png", texts: [pass(7), pass(8)]) {
            try scene([(pass(7), Point(170, 240), 180, -15, 0), (pass(8), Point(470, 230), 170, 12, 0.15)])
        },
        Frame(name: "08-small-far.png", texts: [pass(9)]) {
            try scene([(pass(9), Point(420, 300), 110, 30, 0)])
        },
        Frame(name: "09-no-code.png", texts: []) {
            Synthesis.addNoise(try scene([]), sigma: 4, seed: 10)
        },
    ]

    /// The expected texts as JSON (`expected.json` beside the frames): file name → texts.
    static func manifest() -> String {
        let entries = all.map { frame in
            "  " + JSON.quote(frame.name) + ": [" + frame.texts.map(JSON.quote).joined(separator: ", ") + "]"
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n}\n"
    }

    /// A sample pass text: what a venue's pass QR might carry (not a signed pass — those come
    /// from `Passes`; these frames exercise reading only).
    static func pass(_ n: Int) -> String {
        "THRESHOLD-SAMPLE/\(n < 10 ? "0" : "")\(n)?venue=Hall%20A&door=3&seat=\(100 + n * 7)&valid=2026-11-21"
    }

    /// Phones (a dark body around a lit screen showing the code) on a softly lit background.
    /// Each phone: text, centre, code width in pixels, rotation in degrees, tilt.
    private static func scene(_ phones: [(String, Point, Double, Double, Double)], darkMode: Bool = false) throws -> GrayBuffer {
        var frame = GrayBuffer(width: width, height: height)
        frame.withMutablePixels { px in
            for y in 0..<height {
                for x in 0..<width { px[y * width + x] = UInt8(150 + (x * 40) / width - (y * 30) / height) }
            }
        }
        for (text, centre, size, degrees, tilt) in phones {
            let body = GrayBuffer(width: 8, height: 8, fill: 25)
            Synthesis.place(body, into: &frame, quad: Synthesis.quad(center: centre, width: size * 1.2, height: size * 1.6, degrees: degrees, tilt: tilt))
            var code = try QREncoder.encode(text, ecLevel: .M).render(moduleSize: 6, quietZone: 3)
            if darkMode { code = Synthesis.invert(code) }
            Synthesis.place(code, into: &frame, quad: Synthesis.quad(center: centre, width: size, height: size, degrees: degrees, tilt: tilt))
        }
        return frame
    }
}
