import ArgumentParser
import ImageFiles
import Imaging
import QRCode

/// `threshold encode TEXT --out FILE`: a QR code as an image, for test passes, sample frames and
/// venue posters.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Write TEXT as a QR code image (.png, .pgm or .jpg).",
        discussion: "Modes (numeric, alphanumeric, byte, Kanji) and the smallest version are chosen automatically."
    )

    @Argument(help: "The text to encode (UTF-8).")
    var text: String

    @Option(name: .long, help: "Error-correction level: L, M, Q or H.")
    var ec: String = "M"

    @Option(name: .long, help: "Pixels per module.")
    var module: Int = 8

    @Option(name: .long, help: "Light margin in modules (the standard asks for 4).")
    var quietZone: Int = 4

    @Option(name: .long, help: "Output file; the extension picks the format (.png, .pgm, .jpg).")
    var out: String

    func validate() throws {
        guard ErrorCorrectionLevel(rawValue: ec.uppercased()) != nil else { throw ValidationError("--ec must be L, M, Q or H") }
        guard (1...100).contains(module) else { throw ValidationError("--module must be 1…100 pixels") }
        guard (0...40).contains(quietZone) else { throw ValidationError("--quiet-zone must be 0…40 modules") }
        guard ImageFormat.forWriting(path: out) != nil else {
            throw ValidationError("--out must end in .png, .pgm, .jpg or .jpeg")
        }
    }

    func run() throws {
        let log = ConsoleLog.logger("threshold.encode")
        let symbol: QRSymbol
        do {
            symbol = try QREncoder.encode(text, ecLevel: ErrorCorrectionLevel(rawValue: ec.uppercased()) ?? .M)
        } catch {
            log.error("cannot encode: \(error)")
            throw ExitCode(1)
        }
        let image = symbol.render(moduleSize: module, quietZone: quietZone)
        do {
            try ImageFile.write(image, to: out)
        } catch {
            log.error("\(error)")
            throw ExitCode(1)
        }
        print("\(out): version \(symbol.version), EC \(symbol.ecLevel.rawValue), mask \(symbol.mask), \(image.width)×\(image.height) px")
    }
}
