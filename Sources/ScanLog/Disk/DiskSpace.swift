import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// When free space is low enough to alarm: either relative or absolute, whichever trips first.
public struct DiskThresholds: Sendable, Hashable {
    public var minimumFreeFraction: Double
    public var minimumFreeBytes: UInt64

    public init(minimumFreeFraction: Double = 0.05, minimumFreeBytes: UInt64 = 200 * 1024 * 1024) {
        self.minimumFreeFraction = minimumFreeFraction; self.minimumFreeBytes = minimumFreeBytes
    }
}

/// Free space on the file system holding the log, classified. The kiosk shows `.low` to staff and
/// keeps deciding: a door must not stop because a disk is filling.
public enum DiskSpaceStatus: Sendable, Hashable, Codable {
    case ok(freeBytes: UInt64, totalBytes: UInt64)
    case low(freeBytes: UInt64, totalBytes: UInt64)
    /// statvfs failed (the sentence says why); treated as an alarm.
    case unknown(String)

    public var isAlarm: Bool {
        if case .ok = self { return false }
        return true
    }

    /// Pure classification, separate from the system call so it is tested with plain numbers.
    public static func classify(freeBytes: UInt64, totalBytes: UInt64, thresholds: DiskThresholds) -> DiskSpaceStatus {
        let fraction = totalBytes == 0 ? 0 : Double(freeBytes) / Double(totalBytes)
        if freeBytes < thresholds.minimumFreeBytes || fraction < thresholds.minimumFreeFraction {
            return .low(freeBytes: freeBytes, totalBytes: totalBytes)
        }
        return .ok(freeBytes: freeBytes, totalBytes: totalBytes)
    }

    /// Measures the file system that holds `path` (statvfs; space available to unprivileged users).
    public static func measure(path: String, thresholds: DiskThresholds) -> DiskSpaceStatus {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else {
            return .unknown("statvfs(\(path)) failed: \(String(cString: strerror(errno)))")
        }
        let block = UInt64(info.f_frsize)
        return classify(
            freeBytes: UInt64(info.f_bavail) * block, totalBytes: UInt64(info.f_blocks) * block,
            thresholds: thresholds)
    }
}
