import ArgumentParser

/// The upstream server that kiosks sync to.
@main
struct ThresholdUpstream: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threshold-upstream",
        abstract: "Upstream server: ingests scan records, serves trust lists and venue configs.",
        subcommands: [
            // Add each subcommand here, one per line, sorted by name.
            DeviceCommand.self,
            PublishCommand.self,
            ServeCommand.self,
        ]
    )
}
