import Foundation

extension VenueConfig {
    /// `[hours]`: `mon` … `sun` and `daily` (for days not listed), each an array of
    /// `"HH:MM-HH:MM"` strings or `{ open = 09:00, close = 21:00 }` tables; `[]` is closed.
    /// When `[hours]` is present, a day given neither directly nor by `daily` is closed.
    static func readHours(_ reader: ConfigReader, offset: Int) -> WeeklyHours {
        var days = Array(repeating: [WeeklyHours.Interval](), count: 7)
        let daily = reader.array("daily").map { readIntervals($0, key: "daily", reader: reader) }
        for day in WeeklyHours.Weekday.allCases {
            if let items = reader.array(day.key) {
                days[day.rawValue] = readIntervals(items, key: day.key, reader: reader)
            } else if let daily {
                days[day.rawValue] = daily
            }
        }
        reader.finish()
        return WeeklyHours(days: days, utcOffsetSeconds: offset)
    }

    private static func readIntervals(_ items: [TOMLNode], key: String, reader: ConfigReader) -> [WeeklyHours.Interval] {
        var out: [WeeklyHours.Interval] = []
        for item in items {
            var interval: WeeklyHours.Interval?
            switch item.value {
            case .string(let text):
                let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let open = TOMLParser.timeOfDay(parts[0]) {
                    let close = parts[1] == "24:00" ? 86_400 : TOMLParser.timeOfDay(parts[1])
                    interval = close.map { WeeklyHours.Interval(open: open, close: $0) }
                }
                if interval == nil {
                    reader.report(item.line, key, .invalid("\"\(text)\" is not an interval like \"09:00-21:00\" (00:00–23:59, or 24:00 as a close)"))
                    continue
                }
            case .table(let table):
                if case .localTime(let open)? = table["open"]?.value, case .localTime(let close)? = table["close"]?.value,
                   table.order.count == 2 {
                    interval = WeeklyHours.Interval(open: open, close: close == 0 ? 86_400 : close)
                } else {
                    reader.report(item.line, key, .invalid("an interval table needs exactly open = HH:MM and close = HH:MM (local times)"))
                    continue
                }
            default:
                reader.report(item.line, key, .wrongType(expected: "\"HH:MM-HH:MM\" or { open, close }", found: item.value.kindName))
                continue
            }
            guard let interval else { continue }
            if interval.open == interval.close || (interval.open == 0 && interval.close == 0) {
                reader.report(item.line, key, .invalid("an opening interval cannot start and end at the same time"))
                continue
            }
            out.append(interval)
        }
        return out
    }
}
