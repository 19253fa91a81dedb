import ArgumentParser
import Capture

/// `threshold devices`: what an installer runs first — which cameras exist and what they offer.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List V4L2 cameras with their formats and frame sizes.")

    @Option(help: "Directory holding the video nodes.") var dev = "/dev"

    func run() async throws {
        let nodes = DeviceCatalog.videoNodes(in: dev)
        if nodes.isEmpty { print("no video devices in \(dev)") }
        for node in nodes {
            do {
                let info = try DeviceCatalog.inspect(node)
                let role = info.canCapture ? "capture" : "no capture"
                print("\(node): \(info.card) [\(info.driver), \(info.busInfo)] \(role)")
                for format in info.formats {
                    let sizes = format.sizes.map(\.description).joined(separator: " ")
                    print("  \(format.pixelFormat.code) \(format.description)\(format.emulated ? " (emulated)" : "") \(sizes)")
                }
            } catch {
                print("\(node): \(error)")
            }
        }
    }
}
