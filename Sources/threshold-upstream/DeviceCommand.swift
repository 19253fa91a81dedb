import ArgumentParser
import Foundation
import Upstream

/// `threshold-upstream device add|revoke`
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Register or revoke kiosks and operators.",
        subcommands: [Add.self, Bind.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a device and print its token (shown once).")
        @Option(help: "Data directory.") var data: String
        @Option(help: "PostgreSQL URL instead of SQLite.") var postgres: String?
        @Option(help: "Device id.") var id: String
        @Flag(help: "An operator token (may query and export), not a kiosk.") var admin = false
        @Option(name: .customLong("venue"), help: "A venue this kiosk may upload records for (repeatable; none: any venue).")
        var venues: [String] = []

        func run() async throws {
            let store = try await location(data, postgres).open()
            print(try await UpstreamServer.addDevice(id: id, role: admin ? .admin : .device, venues: venues, store: store))
        }
    }

    struct Bind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bind a registered kiosk to a venue it may upload records for.")
        @Option(help: "Data directory.") var data: String
        @Option(help: "PostgreSQL URL instead of SQLite.") var postgres: String?
        @Option(help: "Device id.") var id: String
        @Option(help: "Venue id.") var venue: String

        func run() async throws {
            let store = try await location(data, postgres).open()
            guard try await store.bindVenue(deviceID: id, venueID: venue) else { throw ValidationError("No device with id \(id).") }
            print("bound \(id) to \(venue)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a device: its uploads get 403 from now on.")
        @Option(help: "Data directory.") var data: String
        @Option(help: "PostgreSQL URL instead of SQLite.") var postgres: String?
        @Option(help: "Device id.") var id: String

        func run() async throws {
            let store = try await location(data, postgres).open()
            guard try await store.revokeDevice(id: id) else {
                throw ValidationError("No device with id \(id).")
            }
            print("revoked \(id)")
        }
    }
}

func location(_ data: String, _ postgres: String?) -> StoreLocation {
    postgres.map { .postgres(url: $0) } ?? .sqlite(dataDirectory: URL(fileURLWithPath: data))
}
