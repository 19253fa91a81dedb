import ArgumentParser
import Capture
import Foundation
import Imaging
import QRCode

/// `threshold render`: test frames with known QR texts, rendered by our own encoder — a test card
/// for an installer's screen, and the frames the HIL rig streams into the virtual camera.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render frames holding QR codes (one text per frame) as raw grey, Y4M or PGM.")

    @Option(name: .customLong("text"), help: "A text to encode; one frame per --text, in order.") var texts: [String] = []
    @Flag(help: "Append one frame with no code (to check that nothing is read from it).") var blank = false
    @Option(help: "Frame width.") var width = 640
    @Option(help: "Frame height.") var height = 480
    @Option(help: "Background grey level (a phone screen is rarely pure white).") var background = 235
    @Option(help: "Output: .raw (concatenated grey frames, for v4l2-ctl --stream-from), .y4m, or .pgm (one frame).")
    var out: String

    func run() async throws {
        guard width > 0, height > 0, width <= 8192, height <= 8192 else { throw ValidationError("frame size out of range") }
        guard (0...255).contains(background) else { throw ValidationError("--background must be 0…255") }
        var frames = [GrayBuffer]()
        for text in texts { frames.append(try frame(for: text)) }
        if blank { frames.append(GrayBuffer(width: width, height: height, fill: UInt8(background))) }
        guard !frames.isEmpty else { throw ValidationError("give at least one --text or --blank") }
        switch (out as NSString).pathExtension.lowercased() {
        case "y4m":
            let writer = try Y4MWriter(path: out, width: width, height: height)
            for f in frames { try f.withImage { try writer.write($0) } }
            try writer.close()
        case "pgm":
            guard frames.count == 1 else { throw ValidationError("a .pgm holds one frame; use .raw or .y4m for \(frames.count)") }
            try Data(PNM.encodePGM(frames[0])).write(to: URL(fileURLWithPath: out))
        case "raw":
            try Data(frames.flatMap(\.pixels)).write(to: URL(fileURLWithPath: out))
        default:
            throw ValidationError("--out must end in .raw, .y4m or .pgm")
        }
        print("rendered \(frames.count) frame(s) \(width)x\(height) to \(out)")
    }

    /// The symbol centred on the frame, as large as fits two thirds of the short side.
    func frame(for text: String) throws -> GrayBuffer {
        let symbol = try QREncoder.encode(text, ecLevel: .M)
        let modulesWide = symbol.modules.width + 8
        let scale = max(1, min(width, height) * 2 / 3 / modulesWide)
        let card = symbol.render(moduleSize: scale, quietZone: 4)
        guard card.width <= width, card.height <= height else {
            throw ValidationError("\"\(text)\" needs \(card.width) pixels; the frame is \(width)x\(height)")
        }
        var frame = GrayBuffer(width: width, height: height, fill: UInt8(background))
        let x0 = (width - card.width) / 2, y0 = (height - card.height) / 2
        frame.withMutablePixels { px in
            for y in 0..<card.height {
                for x in 0..<card.width {
                    let v = card[x, y]
                    px[(y0 + y) * width + x0 + x] = v == 255 ? UInt8(background) : 20
                }
            }
        }
        return frame
    }
}
