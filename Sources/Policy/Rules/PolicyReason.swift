import Passes

/// Why the door stays shut. Pass-level problems come through unchanged as `.pass(DenyReason)`;
/// the rest are venue rules. The sentences for people live here and nowhere else.
public enum PolicyReason: Sendable, Hashable, Codable {
    /// The verifier denied the pass (forged, expired, revoked, replayed …).
    case pass(DenyReason)
    /// The verifier could not decide (no trust data at all): the kiosk's fault, not the visitor's.
    case kioskError
    /// Outside the venue's opening hours.
    case closed
    /// The pass format (Threshold / DCC / SHC) is not accepted here.
    case formatNotAccepted
    /// Issued by an issuer this venue does not accept.
    case issuerNotAccepted
    /// Status colour not in the venue's allowed colours (e.g. yellow where only green may enter).
    case statusNotAllowed
    /// The pass has no vaccination, test or recovery facts the venue could check.
    case noHealthRecord
    /// Fewer doses than the venue requires.
    case notEnoughDoses
    /// The last dose is too recent to count yet.
    case doseTooRecent
    /// The last dose is older than the venue accepts.
    case doseTooOld
    /// The last test is older than the maximum test age.
    case testTooOld
    /// The last test was positive.
    case testPositive
    /// The trust data is older than allowed and the venue refuses stale data.
    case staleTrust
    /// Body temperature at or above the venue's threshold.
    case fever
    /// No usable thermometer reading and the venue denies without one.
    case temperatureUnavailable
    /// The venue is at capacity.
    case venueFull
    /// This code was scanned too often in a short time and is now locked for a while.
    case rateLimited
    /// This code reached its scans for today.
    case dailyCapReached

    /// A short stable code for logs and metrics (`pass.<deny-reason>` for pass reasons).
    public var code: String {
        switch self {
        case .pass(let reason): "pass.\(reason.rawValue)"
        case .kioskError: "kiosk-error"
        case .closed: "closed"
        case .formatNotAccepted: "format-not-accepted"
        case .issuerNotAccepted: "issuer-not-accepted"
        case .statusNotAllowed: "status-not-allowed"
        case .noHealthRecord: "no-health-record"
        case .notEnoughDoses: "not-enough-doses"
        case .doseTooRecent: "dose-too-recent"
        case .doseTooOld: "dose-too-old"
        case .testTooOld: "test-too-old"
        case .testPositive: "test-positive"
        case .staleTrust: "stale-trust"
        case .fever: "fever"
        case .temperatureUnavailable: "temperature-unavailable"
        case .venueFull: "venue-full"
        case .rateLimited: "rate-limited"
        case .dailyCapReached: "daily-cap"
        }
    }

    public var english: String {
        switch self {
        case .pass(let reason): reason.english
        case .kioskError: "The kiosk cannot check passes right now. Please ask staff."
        case .closed: "The venue is closed now."
        case .formatNotAccepted: "This kind of pass is not accepted here."
        case .issuerNotAccepted: "Passes from this issuer are not accepted here."
        case .statusNotAllowed: "Your health status does not allow entry here."
        case .noHealthRecord: "The pass shows no vaccination or test this venue can accept."
        case .notEnoughDoses: "Not enough vaccine doses for this venue."
        case .doseTooRecent: "Your last dose is too recent; please come back later."
        case .doseTooOld: "Your last dose is too long ago for this venue."
        case .testTooOld: "Your test result is too old."
        case .testPositive: "Your last test was positive."
        case .staleTrust: "The kiosk's issuer list is out of date. Please ask staff."
        case .fever: "Your temperature is too high to enter."
        case .temperatureUnavailable: "Your temperature could not be taken. Please stand in front of the sensor."
        case .venueFull: "The venue is full. Please wait."
        case .rateLimited: "This code was scanned too often. Please wait and ask staff."
        case .dailyCapReached: "This code has reached its entries for today."
        }
    }

    public var chinese: String {
        switch self {
        case .pass(let reason): reason.chinese
        case .kioskError: "设备暂时无法核验通行码，请联系工作人员。"
        case .closed: "场所当前未开放。"
        case .formatNotAccepted: "本场所不接受此类通行码。"
        case .issuerNotAccepted: "本场所不接受该机构签发的通行码。"
        case .statusNotAllowed: "您的健康状态不允许进入本场所。"
        case .noHealthRecord: "通行码中没有本场所可接受的疫苗接种或检测记录。"
        case .notEnoughDoses: "疫苗接种剂次不足。"
        case .doseTooRecent: "最后一剂接种时间过近，请稍后再来。"
        case .doseTooOld: "最后一剂接种时间过久。"
        case .testTooOld: "检测结果已超过有效时间。"
        case .testPositive: "最近一次检测结果为阳性。"
        case .staleTrust: "设备的签发机构列表已过期，请联系工作人员。"
        case .fever: "体温过高，不能进入。"
        case .temperatureUnavailable: "未能测得体温，请站到测温设备前。"
        case .venueFull: "场所人数已满，请稍候。"
        case .rateLimited: "此码扫描过于频繁，请稍候并联系工作人员。"
        case .dailyCapReached: "此码今日进入次数已达上限。"
        }
    }
}

/// Something the visitor or staff should notice on an allowed entry: the screen turns amber.
public enum PolicyWarning: String, Sendable, Hashable, Codable, CaseIterable {
    /// Checked against trust data older than allowed, under allow-with-warning.
    case staleTrust = "stale-trust"
    /// No usable temperature reading, under allow-with-warning.
    case temperatureUnavailable = "temperature-unavailable"
    /// A yellow status the venue admits with attention.
    case yellowStatus = "yellow-status"

    public var english: String {
        switch self {
        case .staleTrust: "Checked against out-of-date issuer data."
        case .temperatureUnavailable: "Temperature not taken."
        case .yellowStatus: "Yellow health status: please follow staff guidance."
        }
    }

    public var chinese: String {
        switch self {
        case .staleTrust: "已使用过期的签发机构数据核验。"
        case .temperatureUnavailable: "未测体温。"
        case .yellowStatus: "黄码：请听从工作人员指引。"
        }
    }
}
