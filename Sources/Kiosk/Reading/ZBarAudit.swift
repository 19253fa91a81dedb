import QRCode
import ZBarReader

/// The independent second opinion: runs libzbar on sampled frames and counts where it disagrees
/// with our decoder (a code zbar read that we missed, or different text for the same code).
/// A rising count on the dashboard means our reader regressed on this door's conditions.
public struct ZBarAudit: Sendable {
    let zbar = ZBarReader()
    let metrics: KioskMetrics

    public init(metrics: KioskMetrics) { self.metrics = metrics }

    /// Checks one sample; returns whether both readers agree on every code.
    @discardableResult
    public func check(_ sample: AuditSample) -> Bool {
        let theirs = sample.image.withImage { zbar.read($0) }
        let report = CrossCheckReport.compare(ours: sample.ours, zbar: theirs)
        // A code only we read is not a disagreement: zbar misses dense or tilted codes often.
        let agrees = report.zbarOnly == 0 && report.conflicting == 0
        metrics.recordAudit(agrees: agrees)
        return agrees
    }
}
