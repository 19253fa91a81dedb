import Foundation
import HTTPLimits
import Hummingbird
import Logging

/// Wires the routes of the upstream server. Everything it needs is passed in (store, clock,
/// limits), so tests drive the same router without sockets.
public struct UpstreamServer: Sendable {
    public let store: any RecordStore
    public let distribution: DistributionDirectory
    public let limits: UpstreamLimits
    public let clock: any UpstreamClock
    public let logger: Logger

    public init(
        store: any RecordStore, dataDirectory: URL, limits: UpstreamLimits = UpstreamLimits(),
        clock: any UpstreamClock = SystemUpstreamClock(), logger: Logger = Logger(label: "threshold-upstream")
    ) {
        self.store = store; self.distribution = DistributionDirectory(dataDirectory: dataDirectory)
        self.limits = limits; self.clock = clock; self.logger = logger
    }

    /// - Parameter prepare: runs before the routes are added (Hummingbird applies middleware only
    ///   to routes added after it); tests insert fault-injecting middleware here.
    public func router(prepare: (Router<BasicRequestContext>) -> Void = { _ in }) -> Router<BasicRequestContext> {
        let router = Router()
        prepare(router)
        let authenticator = Authenticator(store: store)
        let limiter = RateLimiter(rate: limits.requestsPerSecond, burst: limits.burst, clock: clock)
        router.get("/health") { _, _ in "ok\n" }
        IngestRoute(store: store, authenticator: authenticator, limiter: limiter, limits: limits, clock: clock, logger: logger)
            .add(to: router)
        DistributionRoutes(directory: distribution, authenticator: authenticator).add(to: router)
        ExportRoute(store: store, authenticator: authenticator).add(to: router)
        return router
    }

    /// The HTTP application on `host:port` (port 0 picks a free one; `onRunning` receives it).
    /// Pass `router` to serve a router you extended (tests add fault-injecting middleware).
    public func application(
        host: String = "127.0.0.1", port: Int, router: Router<BasicRequestContext>? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router ?? self.router(),
            server: limits.connections.server,
            configuration: limits.connections.configuration(
                address: .hostname(host, port: port), serverName: "threshold-upstream", logger: logger),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Registers a device (or operator) and returns its token — shown once, stored only as SHA-256.
    /// - Parameter venues: the venues the device may upload records for (none: any venue, as
    ///   before venues were bound; give them for every new kiosk).
    public static func addDevice(
        id: String, role: Device.Role, venues: [String] = [], store: any RecordStore, clock: any UpstreamClock = SystemUpstreamClock()
    ) async throws -> String {
        guard DistributionDirectory.isPlainIdentifier(id) else {
            throw UpstreamError.badRequest("A device id is letters, digits, '-', '_' or '.', at most 128 bytes.")
        }
        for venue in venues where !DistributionDirectory.isPlainIdentifier(venue) {
            throw UpstreamError.badRequest("A venue id is letters, digits, '-', '_' or '.', at most 128 bytes: \(venue.prefix(128)).")
        }
        let token = DeviceToken.generate()
        try await store.addDevice(id: id, role: role, tokenSHA256: DeviceToken.sha256(token), createdMillis: clock.nowMillis)
        for venue in venues { _ = try await store.bindVenue(deviceID: id, venueID: venue) }
        return token
    }
}
