import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a record's two timestamps come from. Injected so that tests and the simulation control
/// time; the wall clock can jump (NTP), the monotonic one cannot, so records carry both.
public protocol ScanClock: Sendable {
    /// Unix time in milliseconds.
    var wallMillis: Int64 { get }
    /// Nanoseconds on a clock that never goes backwards (boot-relative on Linux).
    var monotonicNanos: UInt64 { get }
}

/// The real clocks: `Date()` and `CLOCK_MONOTONIC`.
public struct SystemScanClock: ScanClock {
    public init() {}
    public var wallMillis: Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
    public var monotonicNanos: UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
