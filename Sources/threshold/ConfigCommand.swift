import ArgumentParser
import Foundation
import Policy

/// `threshold config check FILE…`
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Venue configuration files.", subcommands: [ConfigCheckCommand.self])
}

/// Validates venue files: prints a summary per good file, or every problem as
/// `FILE:LINE: key: message`; exits 1 if any file has a problem.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate venue TOML files (line-numbered errors, exit 1 on any).")

    @Argument(help: "Venue configuration files (TOML).") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                print("\(file):0: (file): cannot read the file as UTF-8 text")
                failed = true
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
        if failed { throw ExitCode(1) }
    }
}
