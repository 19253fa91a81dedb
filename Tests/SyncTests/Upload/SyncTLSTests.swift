import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import ScanLog
import Upstream
import XCTest
@testable import Sync

/// "TLS when configured": the kiosk uploads to an `https://` upstream and trusts only the CA it
/// was given. The server is the real upstream router behind Hummingbird's TLS server on loopback,
/// with a throwaway certificate for 127.0.0.1 made by openssl for this test.
final class SyncTLSTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A self-signed P-256 certificate for IP 127.0.0.1: (certificate PEM path, key PEM path).
    func makeCertificate() throws -> (String, String) {
        let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=threshold-test-upstream",
                             "-addext", "subjectAltName=IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        XCTAssertEqual(openssl.terminationStatus, 0, "openssl (Debian package openssl) made the test certificate")
        return (cert, key)
    }

    func testUploadsOverTLSToATrustedUpstreamAndRefusesAnUntrustedOne() async throws {
        let (certPath, keyPath) = try makeCertificate()
        let certificate = try NIOSSLCertificate.fromPEMFile(certPath)
        let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        let serverTLS = TLSConfiguration.makeServerConfiguration(certificateChain: certificate.map { .certificate($0) },
                                                                 privateKey: .privateKey(key))

        let serverDirectory = directory.appendingPathComponent("server", isDirectory: true)
        try FileManager.default.createDirectory(at: serverDirectory, withIntermediateDirectories: true)
        let store = try SQLiteRecordStore(path: StoreLocation.sqlitePath(serverDirectory))
        var logger = Logger(label: "tls-upstream")
        logger.logLevel = .critical
        let server = UpstreamServer(store: store, dataDirectory: serverDirectory, logger: logger)
        let token = try await UpstreamServer.addDevice(id: "kiosk-tls", role: .device, store: store)
        let (ports, bound) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: server.router(), server: try .tls(.http1(), tlsConfiguration: serverTLS),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in bound.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let serverTask = Task {
            defer { bound.finish() }
            try await app.runService()
        }
        var iterator = ports.makeAsyncIterator()
        let first = await iterator.next()
        let port = try XCTUnwrap(first)

        let clock = VirtualClock()
        let kiosk = Kiosk(store: try ScanLogStore(path: directory.appendingPathComponent("kiosk.sqlite").path), clock: clock)
        try kiosk.store.append(contentsOf: kiosk.records(120, device: "kiosk-tls"))
        let configuration = SyncConfiguration(baseURL: "https://127.0.0.1:\(port)", deviceID: "kiosk-tls", token: token)

        // A kiosk that does not trust this upstream's certificate sends nothing.
        let stranger = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: .makeClientConfiguration()))
        let refused = SyncClient(store: kiosk.store, configuration: configuration, http: stranger, clock: clock)
        do {
            _ = try await refused.uploadOnce()
            XCTFail("an untrusted certificate must not be accepted")
        } catch {}
        try await stranger.shutdown()
        let before = try await store.counts()
        XCTAssertEqual(before.rows, 0)

        // Trusting exactly this certificate: everything arrives, once.
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates(certificate)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: trusting))
        let sync = SyncClient(store: kiosk.store, configuration: configuration, http: client, clock: clock)
        let delivered = try await sync.drain()
        try await client.shutdown()
        XCTAssertEqual(delivered, 120)
        let counts = try await store.counts()
        XCTAssertEqual(counts.rows, 120)
        XCTAssertEqual(counts.distinctIDs, 120)
        XCTAssertEqual(try kiosk.store.status(nowMillis: clock.nowMillis).unsynced, 0)

        serverTask.cancel()
        _ = try? await serverTask.value
    }
}
