import Foundation
import Kiosk

/// The kiosk's state as Prometheus metrics: a pure function of one ``KioskStatus`` snapshot, so
/// what `/metrics` says is exactly what the dashboard says at that moment.
public enum PrometheusText {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ status: KioskStatus) -> String {
        let m = status.metrics
        var w = PrometheusWriter()
        w.single("threshold_frames_total", .counter, help: "Camera frames read.", Double(m.frames))
        w.single("threshold_frames_with_codes_total", .counter, help: "Frames in which at least one QR code was read.",
                 Double(m.framesWithCodes))
        w.single("threshold_dropped_frames_total", .counter, help: "Frames the camera or driver dropped before the reader saw them.",
                 Double(m.droppedFrames))
        w.single("threshold_camera_fps", .gauge, help: "Frames per second over the last 30 frames.", m.fps)
        w.single("threshold_camera_errors_total", .counter, help: "Camera read failures.", Double(m.cameraErrors))

        w.family("threshold_decisions_total", .counter, help: "Door decisions by outcome and reason (repeats excluded).")
        for (reason, count) in m.reasons.sorted(by: { $0.key < $1.key }) {
            // A decision has a reason exactly when it is a deny; allows carry the code "welcome".
            w.sample("threshold_decisions_total", [("outcome", reason == "welcome" ? "allow" : "deny"), ("reason", reason)],
                     Double(count))
        }
        w.single("threshold_repeated_presentations_total", .counter,
                 help: "Re-showings of a credential already admitted within the anti-passback window (door kept shut).", Double(m.repeated))

        w.family("threshold_decision_latency_seconds", .histogram, help: "Frame handed to the reader until the door decided.")
        var cumulative = 0
        for (index, bound) in KioskMetrics.latencyBucketsMs.enumerated() {
            cumulative += index < m.latencyBuckets.count ? m.latencyBuckets[index] : 0
            w.sample("threshold_decision_latency_seconds_bucket", [("le", PrometheusWriter.number(bound / 1000))], Double(cumulative))
        }
        let count = m.latencyBuckets.reduce(0, +)
        w.sample("threshold_decision_latency_seconds_bucket", [("le", "+Inf")], Double(count))
        w.sample("threshold_decision_latency_seconds_sum", Double(m.latencyMicrosTotal) / 1_000_000)
        w.sample("threshold_decision_latency_seconds_count", Double(count))

        w.single("threshold_zbar_checks_total", .counter, help: "Frames cross-checked with libzbar.", Double(m.zbarChecks))
        w.single("threshold_zbar_disagreements_total", .counter, help: "Cross-checks where libzbar read something different.",
                 Double(m.zbarDisagreements))
        w.single("threshold_hardware_faults_total", .counter, help: "Relay, light, buzzer or thermometer failures.",
                 Double(m.hardwareFaults))
        w.single("threshold_log_append_failures_total", .counter, help: "Scan records that could not be written to disk at once.",
                 Double(m.logAppendFailures))
        w.single("threshold_occupancy", .gauge, help: "People inside, by entries and exits.", Double(m.occupancy))

        w.single("threshold_outbox_depth", .gauge, help: "Scan records not yet delivered upstream.", status.outboxDepth.map(Double.init))
        w.single("threshold_oldest_unsynced_seconds", .gauge, help: "Age of the oldest undelivered scan record.",
                 status.oldestUnsyncedSeconds)
        w.single("threshold_records_held_in_memory", .gauge, help: "Records kept in memory because the disk refused them.",
                 status.heldInMemory.map(Double.init))
        w.single("threshold_records_rejected", .gauge, help: "Scan records the upstream refused one by one (kept on the kiosk, not re-sent).",
                 status.rejectedRecords.map(Double.init))
        w.single("threshold_upload_reject_alarm", .gauge, help: "1 when the upstream refused records that are therefore only on this kiosk.",
                 status.uploadRejectAlarm ? 1 : 0)
        w.single("threshold_disk_alarm", .gauge, help: "1 when the scan log's disk is nearly full.", status.diskAlarm ? 1 : 0)
        w.single("threshold_last_sync_timestamp_seconds", .gauge, help: "Unix time of the last successful upload.",
                 status.lastSyncAt.map(\.timeIntervalSince1970))
        w.single("threshold_sync_failures_total", .counter, help: "Failed upload attempts.", status.syncFailures.map(Double.init))
        w.single("threshold_trust_age_seconds", .gauge, help: "Age of the installed trust list.", status.trustAgeSeconds)
        w.single("threshold_trust_stale", .gauge, help: "1 when the trust list is older than the venue allows.",
                 status.trustStale ? 1 : 0)
        w.single("threshold_uptime_seconds", .gauge, help: "Seconds since the kiosk started.",
                 status.now.timeIntervalSince(status.startedAt))
        return w.text
    }
}
