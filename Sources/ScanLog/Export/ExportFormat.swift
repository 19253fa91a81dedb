/// File formats for `threshold log export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}
