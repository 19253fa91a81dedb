import ArgumentParser
import Foundation

/// The kiosk's one binary. Each subcommand lives in its own file and only parses arguments and
/// wires modules together; the work happens in the libraries.
@main
struct Threshold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threshold",
        abstract: "Check-in kiosk: read signed QR passes, decide at the door, record every scan.",
        subcommands: [
            // Add each subcommand here, one per line, sorted by name.
            CaptureCommand.self,
            ConfigCommand.self,
            DecodeCommand.self,
            DevicesCommand.self,
            EncodeCommand.self,
            HardwareCommand.self,
            HolderCommand.self,
            KeysCommand.self,
            LogCommand.self,
            MakeSamplesCommand.self,
            PassCommand.self,
            ReadCommand.self,
            RenderCommand.self,
            RunCommand.self,
            ScreensCommand.self,
            SimCommand.self,
            TrustlistCommand.self,
            VenueCommand.self,
            VerifyCommand.self,
        ]
    )

    /// ArgumentParser's own entry point, except that a ``CommandFailure`` is one line on standard
    /// error and its own status rather than `Error: …` and status 1 (the status of a denied pass).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("threshold: \(failure.message)\n".utf8))
            Foundation.exit(failure.kind.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
