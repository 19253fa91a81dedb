import Passes

/// The one table of what people read: every reason, warning and the welcome line, in English and
/// simplified Chinese, side by side. Screens, records, the report and the CLI take their
/// sentences from here and keep none of their own.
public enum ReasonText {
    public struct Sentences: Sendable, Hashable {
        public var english: String
        public var chinese: String
    }

    /// The headline on an allowed entry.
    public static let welcome = Sentences(english: "Welcome. Please enter.", chinese: "核验通过，请通行。")

    public static func sentences(_ reason: PolicyReason) -> Sentences {
        let (english, chinese): (String, String) = switch reason {
        case .pass(.unknownFormat): ("This code is not a health pass.", "这不是健康通行码。")
        case .pass(.malformed): ("The pass could not be read. Please refresh it.", "无法读取通行码，请刷新后重试。")
        case .pass(.oversized): ("The code is too large to be a valid pass.", "二维码过大，不是有效的通行码。")
        case .pass(.unknownKey): ("The pass was issued by an unknown issuer.", "通行码的签发机构未知。")
        case .pass(.badSignature): ("The pass signature is not valid.", "通行码签名无效。")
        case .pass(.expired): ("The pass has expired.", "通行码已过期。")
        case .pass(.notYetValid): ("The pass is not valid yet.", "通行码尚未生效。")
        case .pass(.revoked): ("The pass has been revoked.", "通行码已被撤销。")
        case .pass(.proofInvalid): ("The live code is not valid for this pass.", "实时二维码与通行码不匹配。")
        case .pass(.keyUsage): ("The issuer may not issue this kind of pass.", "签发机构无权签发此类通行码。")
        case .pass(.noTrust), .kioskError: ("The kiosk cannot check passes right now. Please ask staff.", "设备暂时无法核验通行码，请联系工作人员。")
        case .closed: ("The venue is closed now.", "场所当前未开放。")
        case .formatNotAccepted: ("This kind of pass is not accepted here.", "本场所不接受此类通行码。")
        case .issuerNotAccepted: ("Passes from this issuer are not accepted here.", "本场所不接受该机构签发的通行码。")
        case .statusRed: ("Health status does not allow entry.", "健康状态不允许进入。")
        case .statusNotAllowed: ("Your health status does not allow entry here.", "您的健康状态不允许进入本场所。")
        case .proofMissing: ("Please show the live code from the app, not a screenshot.", "请出示应用中的实时二维码，不要使用截图。")
        case .proofExpired: ("The live code has expired or is for another place. Please refresh it.", "实时二维码已过期或不属于本场所，请刷新。")
        case .replayed: ("This code was already used. Please show the live code.", "此码已被使用，请出示实时二维码。")
        case .noHealthRecord: ("The pass shows no vaccination or test this venue can accept.", "通行码中没有本场所可接受的疫苗接种或检测记录。")
        case .notEnoughDoses: ("Not enough vaccine doses for this venue.", "疫苗接种剂次不足。")
        case .doseTooRecent: ("Your last dose is too recent; please come back later.", "最后一剂接种时间过近，请稍后再来。")
        case .doseTooOld: ("Your last dose is too long ago for this venue.", "最后一剂接种时间过久。")
        case .testTooOld: ("Your test result is too old.", "检测结果已超过有效时间。")
        case .testPositive: ("Your last test was positive.", "最近一次检测结果为阳性。")
        case .staleTrust: ("The kiosk's issuer list is out of date. Please ask staff.", "设备的签发机构列表已过期，请联系工作人员。")
        case .fever: ("Your temperature is too high to enter.", "体温过高，不能进入。")
        case .temperatureUnavailable: ("Your temperature could not be taken. Please stand in front of the sensor.", "未能测得体温，请站到测温设备前。")
        case .venueFull: ("The venue is full. Please wait.", "场所人数已满，请稍候。")
        case .rateLimited: ("This code was scanned too often. Please wait and ask staff.", "此码扫描过于频繁，请稍候并联系工作人员。")
        case .dailyCapReached: ("This code has reached its entries for today.", "此码今日进入次数已达上限。")
        case .alreadyAdmitted: ("Already admitted. This pass was used at this door a moment ago.", "已通行。此通行码刚刚已在此处通行。")
        }
        return Sentences(english: english, chinese: chinese)
    }

    public static func sentences(_ warning: PolicyWarning) -> Sentences {
        switch warning {
        case .staleTrust: Sentences(english: "Checked against out-of-date issuer data.", chinese: "已使用过期的签发机构数据核验。")
        case .temperatureUnavailable: Sentences(english: "Temperature not taken.", chinese: "未测体温。")
        case .yellowStatus: Sentences(english: "Yellow health status: please follow staff guidance.", chinese: "黄码：请听从工作人员指引。")
        }
    }
}
