/// Where and how a kiosk uploads.
public struct SyncConfiguration: Sendable {
    /// `http://127.0.0.1:8080` or `https://upstream.example` (TLS when the scheme is https).
    public var baseURL: String
    public var deviceID: String
    /// This device's bearer token (from `threshold-upstream device add`).
    public var token: String
    /// Records per upload (the server caps batches; 413 halves this automatically).
    public var batchSize: Int
    public var gzip: Bool
    /// zlib level 1–9. Higher shrinks a batch a little more for much more CPU (see bench-scanlog).
    public var gzipLevel: Int32 = 6
    /// Per-request deadline; a stalled connection is abandoned and retried after this.
    public var requestTimeout: Duration
    public var backoff: BackoffPolicy

    public init(
        baseURL: String, deviceID: String, token: String, batchSize: Int = 500, gzip: Bool = true,
        requestTimeout: Duration = .seconds(20), backoff: BackoffPolicy = BackoffPolicy()
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.deviceID = deviceID; self.token = token; self.batchSize = batchSize; self.gzip = gzip
        self.requestTimeout = requestTimeout; self.backoff = backoff
    }
}
