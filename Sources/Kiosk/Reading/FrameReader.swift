import Capture
import Imaging
import QRCode

/// Reads the codes in each frame with our decoder, counts frames for the dashboard, and now and
/// then lends a copy of a frame with codes to the zbar audit.
///
/// Why it copies at all: the frame's pixels belong to the camera and are gone at the next
/// dequeue, while zbar needs 25–30 ms at 1280×720 — far too long for the capture loop. At most
/// one copy per `auditInterval` keeps that cost to a few percent.
public final class FrameReader {
    let decoder: QRDecoder
    let metrics: KioskMetrics
    let auditInterval: Duration
    private var lastAudit: Duration?

    public init(decoder: QRDecoder = QRDecoder(), metrics: KioskMetrics, auditInterval: Duration = .seconds(1)) {
        self.decoder = decoder; self.metrics = metrics; self.auditInterval = auditInterval
    }

    /// Reads one frame. `audit` is a copy of the frame when a cross-check is due, else nil.
    public func read(_ frame: Frame) -> (sighting: Sighting, audit: AuditSample?) {
        let arrived = Stopwatch.nanos
        let results = decoder.read(frame.image)
        let micros = Stopwatch.micros(since: arrived)
        metrics.recordFrame(at: frame.timestamp, dropped: frame.dropped, hadCodes: !results.isEmpty, decodeMicros: micros)
        let sighting = Sighting(sequence: frame.sequence, frameTime: frame.timestamp, arrivedNanos: arrived,
                                texts: results.map(\.text), decodeMicros: micros)
        guard !results.isEmpty, lastAudit.map({ frame.timestamp - $0 >= auditInterval }) ?? true else { return (sighting, nil) }
        lastAudit = frame.timestamp
        return (sighting, AuditSample(image: GrayBuffer(copying: frame.image), ours: results))
    }
}

/// A frame copy and what our decoder read in it, for the zbar cross-check.
public struct AuditSample: Sendable {
    public var image: GrayBuffer
    public var ours: [QRResult]
}
