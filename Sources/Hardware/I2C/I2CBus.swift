/// An I2C bus. SMBus "read word" devices such as the MLX90614 need a write-then-read with a
/// repeated start: a full I2C adapter does it as one combined transfer (``transfer``), an
/// SMBus-only adapter (many PC SMBus controllers; the kernel's i2c-stub) only as the SMBus
/// command itself (``readWord``), which the kernel refuses to emulate with raw messages.
public protocol I2CBus: AnyObject {
    var name: String { get }
    /// False on SMBus-only adapters, where ``transfer`` fails and ``readWord`` must be used.
    var supportsCombinedTransfers: Bool { get }
    /// True when ``readWord(address:command:pec:)`` can have the kernel check the SMBus PEC.
    var supportsPEC: Bool { get }
    /// Writes `write` to `address`, then reads `readCount` bytes in the same transaction.
    func transfer(address: UInt8, write: [UInt8], readCount: Int) throws(HardwareError) -> [UInt8]
    /// SMBus read-word-data of `command` (low byte first on the wire); with `pec` the adapter
    /// verifies the packet error code and fails the read on a mismatch.
    func readWord(address: UInt8, command: UInt8, pec: Bool) throws(HardwareError) -> UInt16
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
