import ArgumentParser
import Foundation
import Hummingbird
import Upstream

/// `threshold-upstream serve --port P --data DIR [--postgres URL]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the upstream HTTP server.")

    @Option(help: "TCP port (0 picks a free one and prints it).") var port: Int = 8080
    @Option(help: "Address to bind.") var host: String = "127.0.0.1"
    @Option(help: "Data directory: SQLite store and distribution files.") var data: String
    @Option(help: "PostgreSQL URL (postgres://user@host:port/db); default is SQLite in --data.") var postgres: String?

    func run() async throws {
        let directory = URL(fileURLWithPath: data)
        let location: StoreLocation = postgres.map { .postgres(url: $0) } ?? .sqlite(dataDirectory: directory)
        let store = try await location.open()
        let server = UpstreamServer(store: store, dataDirectory: directory)
        let app = server.application(host: host, port: port) { bound in
            // Unbuffered: scripts wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("threshold-upstream: listening on \(host):\(bound)\n".utf8))
        }
        try await app.runService()
    }
}
