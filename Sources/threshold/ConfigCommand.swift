import ArgumentParser
import Foundation
import Policy

/// `threshold config check FILE…`
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Venue configuration files.", subcommands: [ConfigCheckCommand.self])
}

/// Validates venue files: prints a summary per good file, or every problem as
/// `FILE:LINE: key: message`; exits 1 if any file has a problem, 66 (65) if a file is missing
/// (not text), after checking the others.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate venue TOML files (line-numbered errors, exit 1 on any).")

    @Argument(help: "Venue configuration files (TOML).") var files: [String]

    func run() throws {
        var failed = false
        var unreadable: CommandFailure.Kind?
        for file in files {
            let text: String
            do { text = try FileProblem.text(file) } catch {
                // The same FILE: message shape as a problem inside the file, so one loop reads both.
                print(error.message)
                unreadable = unreadable ?? error.kind
                continue
            }
            do {
                let config = try VenueConfig.parse(text)
                print("\(file): OK — \(config.summary)")
            } catch {
                failed = true
                for problem in error.errors {
                    print("\(file):\(problem.line): \(problem.key.isEmpty ? "(file)" : problem.key): \(problem.message)")
                }
            }
        }
        if let unreadable { throw ExitCode(unreadable.rawValue) }
        if failed { throw ExitCode(1) }
    }
}
