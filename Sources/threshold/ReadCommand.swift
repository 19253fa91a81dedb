import ArgumentParser
import Capture
import Foundation
import ImageFiles
import QRCode

/// `threshold read`: decodes QR codes from every frame of a source and prints what it found —
/// the installer's "can the camera read a pass here?" check, and what the HIL rig drives.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Decode QR codes from a camera, a Y4M clip, a video file or a folder of images.")

    @Option(help: "/dev/videoN, clip.y4m, a folder of PGM images, or any file ffmpeg reads.") var source: String
    @Option(help: "Stop after this many frames (default: until the source ends).") var frames: Int?
    @Flag(help: "One JSON object per frame with codes: {\"seq\":N,\"codes\":[\"…\"]}.") var json = false
    @Flag(help: "Replay recorded sources in real time instead of as fast as possible.") var realTime = false

    func run() async throws {
        if let frames, frames <= 0 { throw ValidationError("--frames must be positive") }
        // PNG and JPEG sequences decode through ImageFiles, which Capture itself may not import.
        let images = ImageSequenceSource.ImageDecoder(extensions: ["png", "jpg", "jpeg"]) { bytes in try ImageFile.decode(bytes) }
        let source = try SourceSpec.open(self.source, pacing: realTime ? .realTime(ContinuousClock()) : .asFastAsPossible,
                                         imageDecoders: [.pnm, images])
        let decoder = QRDecoder()
        var seen = 0, withCodes = 0, dropped = 0
        do {
            while frames.map({ seen < $0 }) ?? true, let frame = try await source.nextFrame() {
                let texts = decoder.read(frame.image).map(\.text)
                seen += 1
                dropped = frame.dropped
                guard !texts.isEmpty else { continue }
                withCodes += 1
                print(json ? try Self.jsonLine(sequence: frame.sequence, codes: texts) : "\(frame.sequence): \(texts.joined(separator: " | "))")
            }
        } catch {
            await source.close()
            throw error
        }
        await source.close()
        FileHandle.standardError.write(Data("read \(seen) frames, \(withCodes) with codes, \(dropped) dropped\n".utf8))
    }

    static func jsonLine(sequence: UInt64, codes: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let array = String(decoding: try encoder.encode(codes), as: UTF8.self)
        return "{\"seq\":\(sequence),\"codes\":\(array)}"
    }
}
