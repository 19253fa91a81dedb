import ArgumentParser
import Foundation
import ImageFiles

/// `threshold make-samples`: regenerates the bundled sample frames (`sim/samples/`), so they are
/// made by our encoder and synthesis, reproducibly, never by hand.
struct MakeSamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-samples",
        abstract: "Write the sample frame set (rendered passes at angles, blur, glare, dark mode, no code)."
    )

    @Option(name: .long, help: "Directory to write the frames into.")
    var out: String = "sim/samples"

    func run() throws {
        let log = ConsoleLog.logger("threshold.make-samples")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for frame in SampleFrames.all {
            let path = (out as NSString).appendingPathComponent(frame.name)
            do {
                try ImageFile.write(try frame.make(), to: path)
            } catch {
                log.error("\(path): \(error)")
                throw ExitCode(1)
            }
            print("\(path): \(frame.texts.isEmpty ? "no code" : frame.texts.joined(separator: " + "))")
        }
        let manifest = (out as NSString).appendingPathComponent("expected.json")
        try Data(SampleFrames.manifest().utf8).write(to: URL(fileURLWithPath: manifest))
        print("\(manifest): the texts each frame must yield")
    }
}
