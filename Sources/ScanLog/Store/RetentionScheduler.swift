/// Runs the retention purge from the kiosk's run loop: call `runIfDue()` on every turn of the
/// loop; it purges on the first call and then at most once per `interval`, so the loop needs no
/// timer of its own and a purge never lands between a scan and its decision more than hourly.
///
/// The interval is measured on the monotonic clock (a wall-clock step by NTP neither skips nor
/// repeats a pass); the retention cutoffs use the wall clock, as record times do.
public final class RetentionScheduler: Sendable {
    public let store: ScanLogStore
    public let interval: Duration
    private let clock: any ScanClock
    private let lastAttempt = Locked<UInt64?>(nil)

    public init(store: ScanLogStore, clock: some ScanClock = SystemScanClock(), interval: Duration = .seconds(3_600)) {
        self.store = store; self.clock = clock; self.interval = interval
    }

    /// Purges when due.
    /// - Returns: the report of the pass that ran, or nil when none was due.
    /// - Throws: the store's error; the next attempt then waits a full interval (a failing disk is
    ///   not hammered from the door's loop).
    @discardableResult
    public func runIfDue() throws -> RetentionReport? {
        let now = clock.monotonicNanos
        let step = UInt64(interval.components.seconds) * 1_000_000_000 + UInt64(interval.components.attoseconds / 1_000_000_000)
        let due = lastAttempt.withLock { last -> Bool in
            if let previous = last, now >= previous, now - previous < step { return false }
            last = now
            return true
        }
        return due ? try store.purge(nowMillis: clock.wallMillis) : nil
    }
}
