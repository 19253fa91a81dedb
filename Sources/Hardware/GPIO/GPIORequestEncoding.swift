import CGPIO

/// Builds the GPIO uAPI v2 structures: kept pure so tests can check the bytes sent to the kernel.
enum GPIORequestEncoding {
    static let maxLines = Int(GPIO_V2_LINES_MAX)
    static let maxConsumer = Int(GPIO_MAX_NAME_SIZE) - 1

    /// `struct gpio_v2_line_request` for output lines with an initial value.
    static func lineRequest(_ settings: GPIOLineSettings, device: String) throws(HardwareError) -> gpio_v2_line_request {
        guard !settings.offsets.isEmpty, settings.offsets.count <= maxLines else {
            throw .badLine(device: device, offset: 0, detail: "a request holds 1…\(maxLines) lines, not \(settings.offsets.count)")
        }
        guard Set(settings.offsets).count == settings.offsets.count else {
            throw .badLine(device: device, offset: settings.offsets[0], detail: "the same line is listed twice")
        }
        var request = gpio_v2_line_request()
        withUnsafeMutableBytes(of: &request.offsets) { raw in
            let slots = raw.bindMemory(to: UInt32.self)
            for (i, offset) in settings.offsets.enumerated() { slots[i] = offset }
        }
        let name = Array(settings.consumer.utf8.prefix(maxConsumer))
        withUnsafeMutableBytes(of: &request.consumer) { raw in
            for (i, byte) in name.enumerated() { raw[i] = byte }
        }
        request.num_lines = UInt32(settings.offsets.count)
        var flags = UInt64(GPIO_V2_LINE_FLAG_OUTPUT.rawValue)
        if settings.activeLow { flags |= UInt64(GPIO_V2_LINE_FLAG_ACTIVE_LOW.rawValue) }
        request.config.flags = flags
        request.config.num_attrs = 1
        let all = allMask(settings.offsets.count)
        request.config.attrs.0.attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES.rawValue
        request.config.attrs.0.attr.values = settings.initial ? all : 0
        request.config.attrs.0.mask = all
        return request
    }

    /// `struct gpio_v2_line_values`: bit i is the i-th line of the request.
    static func values(_ values: [UInt32: Bool], offsets: [UInt32], device: String) throws(HardwareError) -> gpio_v2_line_values {
        var out = gpio_v2_line_values()
        for (offset, value) in values {
            guard let i = offsets.firstIndex(of: offset) else {
                throw .badLine(device: device, offset: offset, detail: "not part of this request \(offsets)")
            }
            out.mask |= 1 << UInt64(i)
            if value { out.bits |= 1 << UInt64(i) }
        }
        return out
    }

    static func allMask(_ count: Int) -> UInt64 { count >= 64 ? ~0 : (1 << UInt64(count)) - 1 }
}
