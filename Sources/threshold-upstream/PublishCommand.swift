import ArgumentParser
import Foundation
import Upstream

/// `threshold-upstream publish --data DIR --kind trust-list --file F [--venue V]`
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish a signed trust list, revocation list or venue config to kiosks.")

    @Option(help: "Data directory.") var data: String
    @Option(help: "trust-list, revocation-list or venue-config.") var kind: String
    @Option(help: "The signed bundle file (served as is; kiosks verify it).") var file: String
    @Option(help: "Venue id (venue-config only).") var venue: String?

    func run() throws {
        guard let kind = DistributionDirectory.Kind(rawValue: kind) else {
            throw ValidationError("--kind must be trust-list, revocation-list or venue-config.")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let directory = DistributionDirectory(dataDirectory: URL(fileURLWithPath: data))
        try directory.publish(kind, venue: venue, bytes: bytes)
        print("published \(kind.rawValue) (\(bytes.count) bytes, ETag \(DistributionDirectory.etag(bytes)))")
    }
}
