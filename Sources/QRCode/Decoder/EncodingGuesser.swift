/// Guesses the charset of a byte segment that carries no ECI, the way phones' QR writers behave in
/// practice (and as zxing's `StringUtils.guessEncoding` does, whose answers our corpus texts hold):
///
/// 1. valid UTF-8 with a BOM or at least one multi-byte sequence → UTF-8;
/// 2. valid Shift_JIS with a run of ≥ 3 half-width katakana or ≥ 3 double-byte characters → Shift_JIS
///    (Japanese writers often omit the ECI);
/// 3. valid as both ISO-8859-1 and Shift_JIS → Shift_JIS only for the tell-tale cases (exactly one
///    2-katakana word, or ≥ 10 % accented Latin letters, which look like SJIS katakana), else ISO-8859-1;
/// 4. otherwise the first of ISO-8859-1, Shift_JIS, UTF-8 the bytes are valid in.
///
/// Why not just UTF-8: the ISO default of byte mode is ISO-8859-1, and Japanese payloads in Shift_JIS
/// without ECI are common; both appear in the corpus.
enum EncodingGuesser {
    static func guess(_ bytes: [UInt8]) -> QRCharset {
        var canBeISO = true, canBeSJIS = true, canBeUTF8 = true
        var utf8Left = 0, utf8Multi = 0
        var isoHighOther = 0
        var sjisLeft = 0, sjisKatakana = 0
        var katakanaRun = 0, maxKatakanaRun = 0, doubleRun = 0, maxDoubleRun = 0
        let hasBOM = bytes.count > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF

        for b in bytes {
            if !(canBeISO || canBeSJIS || canBeUTF8) { break }
            let v = Int(b)
            if canBeUTF8 {
                if utf8Left > 0 {
                    if v & 0xC0 != 0x80 { canBeUTF8 = false } else { utf8Left -= 1 }
                } else if v & 0x80 != 0 {
                    if v & 0x40 == 0 { canBeUTF8 = false }
                    else if v & 0x20 == 0 { utf8Left = 1; utf8Multi += 1; if v < 0xC2 { canBeUTF8 = false } }
                    else if v & 0x10 == 0 { utf8Left = 2; utf8Multi += 1 }
                    else if v & 0x08 == 0 { utf8Left = 3; utf8Multi += 1; if v > 0xF4 { canBeUTF8 = false } }
                    else { canBeUTF8 = false }
                }
            }
            if canBeISO {
                if v > 0x7F && v < 0xA0 { canBeISO = false }
                else if v > 0x9F && (v < 0xC0 || v == 0xD7 || v == 0xF7) { isoHighOther += 1 }
            }
            if canBeSJIS {
                if sjisLeft > 0 {
                    if v < 0x40 || v == 0x7F || v > 0xFC { canBeSJIS = false } else { sjisLeft -= 1 }
                } else if v == 0x80 || v == 0xA0 || v > 0xEF {
                    canBeSJIS = false
                } else if v > 0xA0 && v < 0xE0 {
                    sjisKatakana += 1
                    doubleRun = 0
                    katakanaRun += 1
                    maxKatakanaRun = max(maxKatakanaRun, katakanaRun)
                } else if v > 0x7F {
                    sjisLeft = 1
                    katakanaRun = 0
                    doubleRun += 1
                    maxDoubleRun = max(maxDoubleRun, doubleRun)
                } else {
                    katakanaRun = 0
                    doubleRun = 0
                }
            }
        }
        if utf8Left > 0 { canBeUTF8 = false }
        if sjisLeft > 0 { canBeSJIS = false }

        if canBeUTF8 && (hasBOM || utf8Multi > 0) { return .utf8 }
        if canBeSJIS && (maxKatakanaRun >= 3 || maxDoubleRun >= 3) { return .shiftJIS }
        if canBeISO && canBeSJIS {
            return (maxKatakanaRun == 2 && sjisKatakana == 2) || isoHighOther * 10 >= bytes.count ? .shiftJIS : .iso8859_1
        }
        if canBeISO { return .iso8859_1 }
        if canBeSJIS { return .shiftJIS }
        if canBeUTF8 { return .utf8 }
        return .iso8859_1
    }
}
