import Foundation
import Hummingbird
import Logging
import Upstream

/// A real `threshold-upstream` inside the simulator: SQLite in a scratch directory, a real socket
/// on 127.0.0.1, one registered device. The simulated kiosk uploads to it and pulls its trust list
/// from it over HTTP, so "exactly once" is checked against a server, not a mock.
public final class EmbeddedUpstream: Sendable {
    public let baseURL: String
    public let deviceID: String
    public let token: String
    public let store: SQLiteRecordStore
    public let directory: URL
    let task: Task<Void, any Error>

    public static func start(directory: URL, deviceID: String, trustList: [UInt8]) async throws -> EmbeddedUpstream {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteRecordStore(path: StoreLocation.sqlitePath(directory))
        let token = try await UpstreamServer.addDevice(id: deviceID, role: .device, store: store)
        var logger = Logger(label: "threshold-sim.upstream")
        logger.logLevel = .critical
        let server = UpstreamServer(store: store, dataDirectory: directory, logger: logger)
        try server.distribution.publish(.trustList, bytes: Data(trustList))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application(port: 0) { continuation.yield($0) }
        let task = Task {
            defer { continuation.finish() }  // a failed bind ends the wait below instead of hanging it
            try await app.runService()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw SimulationError.setup("the embedded upstream could not bind a loopback port")
        }
        return EmbeddedUpstream(baseURL: "http://127.0.0.1:\(port)", deviceID: deviceID, token: token, store: store,
                                directory: directory, task: task)
    }

    private init(baseURL: String, deviceID: String, token: String, store: SQLiteRecordStore, directory: URL, task: Task<Void, any Error>) {
        self.baseURL = baseURL; self.deviceID = deviceID; self.token = token; self.store = store
        self.directory = directory; self.task = task
    }

    /// Rows the server holds and how many distinct record ids among them.
    public func counts() async throws -> (rows: Int, distinctIDs: Int) { try await store.counts() }

    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
