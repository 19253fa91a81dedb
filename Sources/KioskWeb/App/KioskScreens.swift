import Foundation
public import HTTPLimits
import Hummingbird
import Kiosk
import Logging
import ScanLog

/// The kiosk's local web server: the visitor screen, the operator dashboard, the live event
/// stream, the scan-log export and Prometheus metrics.
///
/// Everything it shows comes from the running kiosk (``EventHub``, ``StatusBoard``) and the scan
/// log; it owns no state of its own, so tests drive the same router without sockets.
public struct KioskScreens: Sendable {
    public struct Options: Sendable {
        /// Seconds a result stays on the visitor screen before it returns to "please show your pass".
        public var idleSeconds: Int = 8
        /// Comment line sent on an idle event stream, so proxies and browsers keep it open and a
        /// vanished client is noticed.
        public var heartbeat: Duration = .seconds(15)
        /// How long the dashboard's aggregates look back by default.
        public var defaultHours: Int = 12
        /// Needed for the dashboard, `/api/…`, `/export` and `/metrics` (see ``OperatorGate``);
        /// without one they are refused, and the screens may only listen on loopback.
        public var operatorCredential: OperatorCredential?
        /// Header, body and idle deadlines and the connection cap: a client that sends half a
        /// request cannot hold the door's screens (the display's own event stream is one
        /// connection). The cap stays under systemd's default of 1 024 descriptors, leaving room
        /// for the camera, the scan log and the upload, yet above a 500-connection slowloris.
        public var limits = ServerLimits(headerTimeout: .seconds(10), bodyTimeout: .seconds(10), idleTimeout: .seconds(30),
                                         maxConnections: 768)
        public init() {}
    }

    public let hub: EventHub
    public let board: StatusBoard
    public let options: Options
    let logger: Logger
    /// Distinguishes this run's event ids from the previous run's, so a browser that reconnects
    /// after a restart is not told to skip event 1, 2, 3… it already saw before the restart.
    let runID: String

    public init(hub: EventHub, board: StatusBoard, options: Options = Options(),
                logger: Logger = Logger(label: "threshold-screens")) {
        self.hub = hub; self.board = board; self.options = options; self.logger = logger
        runID = String(Int64(board.startedAt.timeIntervalSince1970 * 1000), radix: 36)
    }

    var log: ScanLogStore? { board.log }

    public func router() -> Router<ScreensRequestContext> {
        let router = Router(context: ScreensRequestContext.self)
        // Middleware applies to the routes added after it: all of them.
        router.add(middleware: OperatorGate(credential: options.operatorCredential))
        LoginRoutes(screens: self).add(to: router)
        VisitorRoutes(screens: self).add(to: router)
        EventStreamRoute(screens: self).add(to: router)
        DashboardRoutes(screens: self).add(to: router)
        ExportRoute(screens: self).add(to: router)
        MetricsRoute(screens: self).add(to: router)
        return router
    }

    /// The HTTP application on `address` (port 0 picks a free one; `onRunning` receives it).
    /// - Throws: `ScreensError.exposedWithoutCredential` for an address other than loopback when no
    ///   operator credential is configured: the dashboard and export would be on the venue network
    ///   for anyone.
    public func application(
        at address: ListenAddress = .loopback, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ScreensError) -> some ApplicationProtocol {
        guard address.isLoopback || options.operatorCredential != nil else { throw .exposedWithoutCredential(address.description) }
        return Application(
            router: router(),
            server: options.limits.server,
            configuration: options.limits.configuration(
                address: .hostname(address.host, port: address.port), serverName: "threshold-screens", logger: logger),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? address.port) },
            logger: logger)
    }
}
