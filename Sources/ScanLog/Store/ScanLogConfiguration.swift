/// How a scan log behaves; the defaults are the production settings.
public struct ScanLogConfiguration: Sendable {
    public var retention: RetentionPolicy
    public var diskThresholds: DiskThresholds
    /// Run `PRAGMA quick_check` on open, so a damaged file is reported at start instead of at the
    /// first unlucky read. Costs a full read of the file (well under a second for a million rows).
    public var checkIntegrityOnOpen: Bool
    /// Caps the file at this many pages. Tests use it to provoke SQLITE_FULL; a deployment may use it
    /// as a hard quota.
    public var maxPageCount: Int?

    public init(
        retention: RetentionPolicy = RetentionPolicy(), diskThresholds: DiskThresholds = DiskThresholds(),
        checkIntegrityOnOpen: Bool = true, maxPageCount: Int? = nil
    ) {
        self.retention = retention; self.diskThresholds = diskThresholds
        self.checkIntegrityOnOpen = checkIntegrityOnOpen; self.maxPageCount = maxPageCount
    }
}

/// How long synced records are kept. Unsynced records are never purged, whatever their age.
public struct RetentionPolicy: Sendable, Hashable {
    public var standardDays: Int
    public var governmentDays: Int
    /// Venues configured as government sites, which must keep records longer.
    public var governmentVenues: Set<String>

    public init(standardDays: Int = 90, governmentDays: Int = 180, governmentVenues: Set<String> = []) {
        self.standardDays = standardDays; self.governmentDays = governmentDays
        self.governmentVenues = governmentVenues
    }
}
