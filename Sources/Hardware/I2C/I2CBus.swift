/// An I2C bus that can do a combined write-then-read transaction (repeated start), which SMBus
/// "read word" devices such as the MLX90614 require.
public protocol I2CBus: AnyObject {
    var name: String { get }
    /// Writes `write` to `address`, then reads `readCount` bytes in the same transaction.
    func transfer(address: UInt8, write: [UInt8], readCount: Int) throws(HardwareError) -> [UInt8]
}

/// SMBus packet error code: CRC-8, polynomial x⁸ + x² + x + 1 (0x07), initial 0.
public func smbusPEC(_ bytes: [UInt8]) -> UInt8 {
    var crc: UInt8 = 0
    for byte in bytes {
        crc ^= byte
        for _ in 0..<8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x07 : crc << 1 }
    }
    return crc
}
