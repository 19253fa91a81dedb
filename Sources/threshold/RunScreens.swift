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
    @Option(name: .customLong("operator-credential"),
            help: "File with the operator credential's hash (from `threshold screens credential`): needed for the dashboard, /api, /export and /metrics, and to listen beyond loopback.")
    var operatorCredential: String?
    @Flag(name: .customLong("no-screens"), help: "Do not serve the screens.") var noScreens = false

    func validate() throws {
        guard !noScreens else { return }
        let address = try address
        let credential = try credential
        if !address.isLoopback, credential == nil {
            throw ValidationError(ScreensError.exposedWithoutCredential(address.description).description)
        }
    }

    var credential: OperatorCredential? {
        get throws {
            guard let operatorCredential else { return nil }
            do { return try OperatorCredential(file: operatorCredential) } catch { throw ValidationError(error.description) }
        }
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
        var options = KioskScreens.Options()
        options.operatorCredential = try credential
        return try ScreensServer(screens: KioskScreens(hub: hub, board: board, options: options, logger: ScreensServer.quietLogger),
                                 address: try address, label: label)
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

    /// - Throws: `ValidationError` when the screens may not listen on `address` (beyond loopback
    ///   without an operator credential).
    init(screens: KioskScreens, address: ListenAddress, label: String,
         onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws {
        let app = try Self.application(screens: screens, address: address, label: label, onRunning: onRunning)
        task = Task {
            do { try await app.run() } catch {
                FileHandle.standardError.write(Data("\(label): the screens could not be served on \(address): \(error)\n".utf8))
            }
        }
    }

    private static func application(
        screens: KioskScreens, address: ListenAddress, label: String, onRunning: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        do {
            return try screens.application(at: address) { port in
                FileHandle.standardError.write(Data("\(label): screens on http://\(ListenAddress(host: address.host, port: port))/\n".utf8))
                await onRunning(port)
            }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Call after the kiosk run ended (its hub finished, so open event streams have closed).
    func stop() async {
        task.cancel()
        await task.value
    }
}
