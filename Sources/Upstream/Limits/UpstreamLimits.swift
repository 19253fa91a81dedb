public import HTTPLimits

/// Per-request and per-device limits. Defaults fit a kiosk uploading batches of up to 1 000 records.
public struct UpstreamLimits: Sendable, Hashable {
    /// Bytes on the wire (gzip or plain).
    public var maxBodyBytes: Int
    /// Bytes after inflating a gzip body (zip-bomb guard).
    public var maxInflatedBytes: Int
    /// Records per batch.
    public var maxBatchRecords: Int
    /// Sustained requests per second per device.
    public var requestsPerSecond: Double
    /// Requests a device may make in a burst.
    public var burst: Double
    /// Header, body and idle deadlines and the connection cap of the HTTP server. The body
    /// deadline leaves a kiosk on a slow link time for a full `maxBodyBytes` batch.
    public var connections = ServerLimits(headerTimeout: .seconds(10), bodyTimeout: .seconds(60), idleTimeout: .seconds(75),
                                          maxConnections: 4_096)

    public init(
        maxBodyBytes: Int = 4 << 20, maxInflatedBytes: Int = 32 << 20, maxBatchRecords: Int = 5_000,
        requestsPerSecond: Double = 50, burst: Double = 100
    ) {
        self.maxBodyBytes = maxBodyBytes; self.maxInflatedBytes = maxInflatedBytes
        self.maxBatchRecords = maxBatchRecords; self.requestsPerSecond = requestsPerSecond; self.burst = burst
    }
}
