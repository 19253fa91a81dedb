import ArgumentParser
import Foundation
import Kiosk
import KioskWeb
import Passes
import Policy
import ScanLog

/// `threshold screens demo`: the visitor screen and dashboard without a camera, for the browser
/// test and for showing the screens. Decisions come from the real pipeline (verifier, venue
/// rules, scan log) on passes issued on the spot; only the camera is replaced by a script.
struct ScreensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screens", abstract: "Serve the kiosk screens on their own (demo and tests).",
        subcommands: [Demo.self, Credential.self])

    /// `threshold screens credential --out FILE`: a new operator credential. The token is printed
    /// once (give it to the operator); only its hash is written, for `--operator-credential FILE`.
    struct Credential: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "credential",
            abstract: "Make an operator credential: prints the token once, writes only its hash to --out.")

        @Option(help: "Where to write the hash (the kiosk's --operator-credential FILE); refused when it exists.") var out: String

        func run() throws {
            guard !FileManager.default.fileExists(atPath: out) else {
                throw CommandFailure(.cannotCreate, "\(out) exists; remove it first to replace the credential.")
            }
            let (token, stored) = OperatorCredential.generate()
            guard FileManager.default.createFile(atPath: out, contents: Data((stored + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw CommandFailure(.cannotCreate, "\(out) cannot be written.") }
            print(token)
        }
    }

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Serve the screens and play a scripted door (see Sources/threshold/Screens/DemoScript.swift) through the real pipeline.")

        @Option(help: "Venue configuration (TOML).") var venue: String
        @Option(help: "The scripted scans.") var script: String
        @Option(help: "Serve on HOST:PORT (port 0: any free port, printed on stdout).") var listen = "127.0.0.1:0"
        @Option(help: "Scan log database (default: a temporary file, removed on exit).") var log: String?
        @Option(name: .customLong("idle-seconds"), help: "Seconds a result stays on the visitor screen.") var idleSeconds = 8
        @Flag(name: .customLong("wait-for-screen"), help: "Play the script only once a screen is listening on /events.")
        var waitForScreen = false
        @Option(name: .customLong("operator-credential"), help: "File with the operator credential's hash (see `threshold screens credential`).")
        var operatorCredential: String?

        func run() async throws {
            let address: ListenAddress
            do { address = try ListenAddress(parsing: listen) } catch { throw ValidationError(error.description) }
            let venueConfig = try RunCommand.loadVenue(venue)
            let steps: [DemoScript.Step]
            let scriptText = try FileProblem.text(script)
            do { steps = try DemoScript(parsing: scriptText).steps } catch {
                throw CommandFailure(.badData, "\(script): \(error)")
            }
            let temporary = log == nil
            let logPath = log ?? NSTemporaryDirectory() + "threshold-screens-demo-\(UUID().uuidString).sqlite"
            defer {
                if temporary { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: logPath + suffix) } }
            }
            let store = try ScanLogStore(path: logPath)

            let demo = DemoIssuer()
            let verifier = Verifier(trust: demo.trustStore(now: Date()))
            let metrics = KioskMetrics(), hub = EventHub(), clock = SystemScanClock()
            let board = StatusBoard(deviceID: "screens-demo", venue: venueConfig, metrics: metrics, verifier: verifier, log: store,
                                    sync: nil, clock: clock)
            var options = KioskScreens.Options()
            options.idleSeconds = idleSeconds
            if let operatorCredential {
                do { options.operatorCredential = try OperatorCredential(file: operatorCredential) } catch {
                    throw ValidationError(error.description)
                }
            }
            let server = try ScreensServer(screens: KioskScreens(hub: hub, board: board, options: options, logger: ScreensServer.quietLogger), address: address,
                                       label: "screens") { port in
                print("screens: listening on http://\(ListenAddress(host: address.host, port: port))/")
                fflush(nil)
            }
            let player = Task {
                if waitForScreen {
                    while hub.subscriberCount == 0, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(20)) }
                }
                // Built inside the task that owns it, like `threshold run`'s decision stage.
                let pipeline = DoorPipeline(
                    judge: DoorJudge(verifier: verifier, venue: venueConfig), actuator: nil, log: store, hub: hub,
                    metrics: metrics, clock: clock, deviceID: "screens-demo")
                try await Self.play(steps, pipeline: pipeline, demo: demo, venueID: venueConfig.id)
            }
            let (stop, stopInput) = AsyncStream.makeStream(of: Void.self)
            let signals = SignalTrap(signals: [SIGTERM, SIGINT]) {
                player.cancel()
                stopInput.yield()
            }
            defer { signals.cancel() }
            let played = await player.result
            if case .success = played {
                print("screens: script played (\(metrics.values.decisions) decisions); serving until SIGTERM")
                fflush(nil)
                for await _ in stop { break }
            }
            hub.finish()
            await server.stop()
            if case .failure(let error) = played, !(error is CancellationError) { throw error }
        }

        static func play(_ steps: [DemoScript.Step], pipeline: DoorPipeline, demo: DemoIssuer, venueID: String) async throws {
            var sequence: UInt64 = 0
            for step in steps {
                try Task.checkCancellation()
                switch step {
                case .wait(let ms):
                    try await Task.sleep(for: .milliseconds(ms))
                case .exit:
                    pipeline.exit()
                case .scan(let kind, let status, let name, let idTail):
                    sequence += 1
                    let text: String
                    do {
                        text = try demo.text(kind: kind, status: status, name: name, idTail: idTail, venueID: venueID, now: Date())
                    } catch {
                        throw ValidationError("scan \(sequence) (\(name) \(idTail)): \(error)")
                    }
                    // Frames a minute apart: distinct codes, never inside the debounce window.
                    let started = Stopwatch.nanos
                    await pipeline.handle(Sighting(sequence: sequence, frameTime: .seconds(60 * Int64(sequence)),
                                                   arrivedNanos: started, texts: [text], decodeMicros: 0))
                }
            }
        }
    }
}
