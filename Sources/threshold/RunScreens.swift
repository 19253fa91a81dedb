import ArgumentParser
import Foundation
import Hummingbird
import Kiosk
import KioskWeb
import Logging

/// `threshold run`'s screen options: the visitor screen and dashboard server beside the kiosk.
struct ScreensOptions: ParsableArguments {
    @Option(help: "Serve the visitor screen and operator dashboard on HOST:PORT (loopback unless told otherwise).")
    var listen = ListenAddress.loopback.description
    @Flag(name: .customLong("no-screens"), help: "Do not serve the screens.") var noScreens = false

    func validate() throws {
        if !noScreens { _ = try address }
    }

    var address: ListenAddress {
        get throws {
            do { return try ListenAddress(parsing: listen) } catch { throw ValidationError(error.description) }
        }
    }

    /// Starts the server unless `--no-screens`; nil then. A server that cannot start (port taken)
    /// says so on stderr and the kiosk keeps deciding: the door must not depend on its screens.
    func start(hub: EventHub, board: StatusBoard, label: String = "run") throws -> ScreensServer? {
        guard !noScreens else { return nil }
        return ScreensServer(screens: KioskScreens(hub: hub, board: board, logger: ScreensServer.quietLogger), address: try address,
                             label: label)
    }
}

/// The screens' HTTP server as a task that runs beside the kiosk and stops with it.
struct ScreensServer {
    /// The server's own log lines ("listening", and an error-level line when it is stopped by
    /// cancellation, which is how it always stops here) would only clutter the kiosk's stderr:
    /// we report the address and any failure to serve ourselves.
    static var quietLogger: Logger {
        var logger = Logger(label: "threshold-screens")
        logger.logLevel = .critical
        return logger
    }

    private let task: Task<Void, Never>

    init(screens: KioskScreens, address: ListenAddress, label: String,
         onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) {
        let app = screens.application(at: address) { port in
            FileHandle.standardError.write(Data("\(label): screens on http://\(ListenAddress(host: address.host, port: port))/\n".utf8))
            await onRunning(port)
        }
        task = Task {
            do { try await app.run() } catch {
                FileHandle.standardError.write(Data("\(label): the screens could not be served on \(address): \(error)\n".utf8))
            }
        }
    }

    /// Call after the kiosk run ended (its hub finished, so open event streams have closed).
    func stop() async {
        task.cancel()
        await task.value
    }
}
