import Passes
import XCTest
@testable import Policy

final class VenueConfigTests: XCTestCase {
    private func errors(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [VenueConfigError] {
        do {
            _ = try VenueConfig.parse(text)
            XCTFail("expected errors", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }

    func testMinimalFileGetsStrictDefaults() throws {
        let config = try VenueConfig.parse("[venue]\nid = \"shop-1\"\nname = \"Corner Shop\"\n")
        XCTAssertEqual(config.id, "shop-1")
        XCTAssertEqual(config.type, .other)
        XCTAssertEqual(config.rules.statuses, [.green])
        XCTAssertEqual(config.rules.formats, Set(PassFormat.allCases))
        XCTAssertEqual(config.rules.staleTrust, .refuse)
        XCTAssertEqual(config.rules.debounceSeconds, 2)
        XCTAssertEqual(config.rules.antiPassbackMinutes, 10, "anti-passback is on by default")
        XCTAssertEqual(config.rules.rateLimit, VenueConfig.RateLimit())
        XCTAssertNil(config.rules.temperature)
        XCTAssertNil(config.rules.capacity)
        XCTAssertEqual(config.doorPulseMilliseconds, 1000)
        XCTAssertEqual(config.hours, WeeklyHours.alwaysOpen)
        XCTAssertEqual(config.verificationContext.venueID, "shop-1")
        XCTAssertTrue(config.rules.requireProof, "screenshot defence is on unless the venue opts out")
        XCTAssertTrue(config.rules.requireVenueBinding, "proofs bound to no venue are refused unless the venue opts out")
    }

    /// Finding (issue 13, 4): `require_proof` defaulted to false, so a screenshot of a live pass
    /// with its proof cut off passed; and an unbound proof was accepted everywhere. Both opt-outs
    /// are still there, explicitly.
    func testScreenshotDefenceIsOnByDefaultAndCanBeTurnedOff() throws {
        let base = "[venue]\nid = \"shop-1\"\nname = \"Corner Shop\"\n"
        let strict = try VenueConfig.parse(base)
        XCTAssertTrue(strict.rules.requireProof)
        XCTAssertTrue(strict.rules.requireVenueBinding)
        let relaxed = try VenueConfig.parse(base + "[rules]\nrequire_proof = false\nrequire_venue_binding = false\n")
        XCTAssertFalse(relaxed.rules.requireProof)
        XCTAssertFalse(relaxed.rules.requireVenueBinding)
    }

    func testFullFileReadsEveryField() throws {
        let config = try VenueConfig.parse("""
        [venue]
        id = "h1"
        name = "城市医院门诊"
        address = "1 Lane"
        type = "medical"
        utc_offset = "-05:30"
        [hours]
        mon = ["08:00-12:00", "22:00-02:00"]
        tue = [{ open = 09:00, close = 17:30 }]
        [[contacts]]
        role = "ipc"
        email = "a@b.example"
        [rules]
        formats = ["dcc"]
        issuers = ["DE"]
        statuses = ["green", "yellow"]
        require_proof = true
        stale_trust = "allow-with-warning"
        max_trust_age_hours = 12
        accept_recovery = true
        combine = "all"
        debounce_seconds = 7
        anti_passback_minutes = 0
        [rules.vaccination]
        min_doses = 3
        min_days_since_last_dose = 7
        max_days_since_last_dose = 180
        [rules.test]
        max_age_hours = 24
        [rules.temperature]
        threshold_c = 38
        max_reading_age_seconds = 4
        when_missing = "allow-with-warning"
        [rules.capacity]
        max = 10
        count_exits = false
        [rules.rate_limit]
        max_scans = 3
        window_seconds = 20
        lock_minutes = 2
        daily_cap = 0
        [door]
        pulse_ms = 250
        """)
        XCTAssertEqual(config.type, .medical)
        XCTAssertEqual(config.hours.utcOffsetSeconds, -(5 * 3600 + 1800))
        XCTAssertEqual(config.hours.days[0], [.init(open: 8 * 3600, close: 12 * 3600), .init(open: 22 * 3600, close: 2 * 3600)])
        XCTAssertEqual(config.hours.days[1], [.init(open: 9 * 3600, close: 17 * 3600 + 1800)])
        XCTAssertEqual(config.hours.days[2], [], "a day not listed under [hours] is closed")
        XCTAssertEqual(config.contacts, [.init(role: "ipc", name: nil, phone: nil, email: "a@b.example")])
        let r = config.rules
        XCTAssertEqual(r.formats, [.dcc])
        XCTAssertEqual(r.issuers, ["DE"])
        XCTAssertEqual(r.statuses, [.green, .yellow])
        XCTAssertTrue(r.requireProof)
        XCTAssertEqual(r.staleTrust, .allowWithWarning)
        XCTAssertEqual(r.maxTrustAgeHours, 12)
        XCTAssertTrue(r.acceptRecovery)
        XCTAssertEqual(r.combine, .all)
        XCTAssertEqual(r.debounceSeconds, 7)
        XCTAssertEqual(r.antiPassbackMinutes, 0)
        XCTAssertEqual(r.vaccination?.minDoses, 3)
        XCTAssertEqual(r.vaccination?.minDaysSinceLastDose, 7)
        XCTAssertEqual(r.vaccination?.maxDaysSinceLastDose, 180)
        XCTAssertEqual(r.test?.maxAgeHours, 24)
        XCTAssertEqual(r.temperature?.thresholdCelsius, 38)
        XCTAssertEqual(r.temperature?.maxReadingAgeSeconds, 4)
        XCTAssertEqual(r.temperature?.whenMissing, .allowWithWarning)
        XCTAssertEqual(r.capacity?.maximum, 10)
        XCTAssertEqual(r.capacity?.countExits, false)
        XCTAssertEqual(r.rateLimit.maxScans, 3)
        XCTAssertEqual(r.rateLimit.windowSeconds, 20)
        XCTAssertEqual(r.rateLimit.lockMinutes, 2)
        XCTAssertNil(r.rateLimit.dailyCap)
        XCTAssertEqual(config.doorPulseMilliseconds, 250)
        XCTAssertTrue(r.requireProof)
        XCTAssertEqual(r.maxTrustAgeHours, 12)
    }

    func testNameLongerThanTwentyCharacters() {
        let found = errors("[venue]\nid = \"x\"\nname = \"District Service Hall\"\n")
        XCTAssertEqual(found.map(\.line), [3])
        XCTAssertEqual(found.first?.key, "venue.name")
        XCTAssertTrue(found.first?.message.contains("21 characters") ?? false)
        // Twenty characters, counted as characters (not bytes): fine.
        XCTAssertNoThrow(try VenueConfig.parse("[venue]\nid = \"x\"\nname = \"一二三四五六七八九十一二三四五六七八九十\"\n"))
    }

    func testUnknownKeysAnywhereAreErrorsWithTheirLines() {
        let found = errors("""
        [venue]
        id = "x"
        name = "Shop"
        colour = "blue"
        [rules]
        staus = ["green"]
        [rules.rate_limit]
        max_scan = 5
        [door]
        pulse = 100
        [extra]
        """)
        XCTAssertEqual(found.map(\.line), [4, 6, 8, 10, 11])
        XCTAssertEqual(found.map(\.key), ["venue.colour", "rules.staus", "rules.rate_limit.max_scan", "door.pulse", "extra"])
        XCTAssertTrue(found.allSatisfy { $0.kind == .unknownKey })
    }

    func testBadHoursAreReportedPerLine() {
        let found = errors("""
        [venue]
        id = "x"
        name = "Shop"
        [hours]
        mon = ["09:00-25:00"]
        tue = ["9-17"]
        wed = ["10:00-10:00"]
        thu = [{ open = 09:00 }]
        fri = [9]
        funday = ["09:00-17:00"]
        """)
        XCTAssertEqual(found.map(\.line), [5, 6, 7, 8, 9, 10])
        XCTAssertEqual(found.map(\.key), ["hours.mon", "hours.tue", "hours.wed", "hours.thu", "hours.fri", "hours.funday"])
    }

    func testOutOfRangeAndWrongTypesAreAllCollected() {
        let found = errors("""
        [venue]
        id = "Bad ID!"
        name = ""
        type = "casino"
        utc_offset = "+25:00"
        [rules]
        statuses = ["green", "red"]
        formats = ["dcc", "pdf"]
        require_proof = "yes"
        debounce_seconds = -1
        [rules.temperature]
        threshold_c = 45.5
        [rules.vaccination]
        min_days_since_last_dose = 30
        max_days_since_last_dose = 10
        [rules.capacity]
        count_exits = true
        [rules.rate_limit]
        max_scans = 0
        window_seconds = 1.5
        [door]
        pulse_ms = 20000
        [[contacts]]
        role = "x"
        """)
        XCTAssertEqual(found.map(\.line), [2, 3, 4, 5, 7, 8, 9, 10, 12, 15, 16, 19, 20, 22, 23])
        XCTAssertEqual(found.first { $0.key == "rules.temperature.threshold_c" }?.kind, .outOfRange("between 35.0 and 42.0"))
        XCTAssertEqual(found.first { $0.key == "rules.require_proof" }?.kind, .wrongType(expected: "true or false", found: "a string"))
        XCTAssertEqual(found.first { $0.key == "rules.capacity.max" }?.kind, .missing)
        XCTAssertEqual(found.first { $0.key == "venue.type" }?.kind,
                       .notOneOf(VenueConfig.VenueType.allCases.map(\.rawValue)))
    }

    func testMissingVenueAndSyntaxErrors() {
        XCTAssertEqual(errors("[rules]\n").map(\.key), ["venue"])
        let syntax = errors("[venue]\nid = \"x\"\nname = \"unterminated\n")
        XCTAssertEqual(syntax, [VenueConfigError(line: 3, key: "", .syntax(.unterminatedString))])
        XCTAssertEqual(syntax.first?.description, "3: (file): the string is not closed on this line")
    }

    func testExampleVenuesAllPassCheck() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sim/venues")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 4, "sim/venues must hold the example venues")
        var types = Set<VenueConfig.VenueType>()
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            do {
                let config = try VenueConfig.parse(text)
                types.insert(config.type)
                XCTAssertLessThanOrEqual(config.name.count, VenueConfig.maxNameLength)
            } catch {
                XCTFail("\(file): \(error)")
            }
        }
        XCTAssertTrue(types.isSuperset(of: [.retail, .transport, .medical, .government]))
    }
}
