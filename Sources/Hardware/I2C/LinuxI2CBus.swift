#if canImport(Glibc)
import Glibc
#endif
import CGPIO

/// `/dev/i2c-N` through the `I2C_RDWR` ioctl: one combined transaction per read, so no other
/// master can slip between the register write and the read. On an SMBus-only adapter (which
/// refuses `I2C_RDWR`) reads go through the kernel's `I2C_SMBUS` command instead, which is just
/// as atomic; the adapter's abilities come from `I2C_FUNCS` when the bus is opened.
public final class LinuxI2CBus: I2CBus {
    public let name: String
    private var fd: Int32
    private let functionality: UInt

    public init(path: String) throws(HardwareError) {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(path, "open") }
        var functionality: UInt = 0
        guard ioctl(fd, THRESHOLD_I2C_FUNCS, &functionality) >= 0 else {
            let error = HardwareError.errno(path, "I2C_FUNCS")
            Glibc.close(fd)
            throw error
        }
        self.fd = fd
        self.name = path
        self.functionality = functionality
    }

    public var supportsCombinedTransfers: Bool { functionality & THRESHOLD_I2C_FUNC_I2C != 0 }
    public var supportsPEC: Bool { functionality & THRESHOLD_I2C_FUNC_SMBUS_PEC != 0 }

    public func readWord(address: UInt8, command: UInt8, pec: Bool) throws(HardwareError) -> UInt16 {
        guard fd >= 0 else { throw .released(device: name) }
        guard functionality & THRESHOLD_I2C_FUNC_SMBUS_READ_WORD_DATA != 0 else {
            throw .unsupported(device: name, detail: "the adapter offers no SMBus read-word command")
        }
        guard ioctl(fd, THRESHOLD_I2C_SLAVE, CInt(address)) >= 0 else { throw .errno(name, "I2C_SLAVE(0x\(String(address, radix: 16)))") }
        guard ioctl(fd, THRESHOLD_I2C_PEC, CInt(pec ? 1 : 0)) >= 0 else { throw .errno(name, "I2C_PEC") }
        var data = i2c_smbus_data()
        let ok = withUnsafeMutablePointer(to: &data) { pointer in
            var request = i2c_smbus_ioctl_data(read_write: THRESHOLD_I2C_SMBUS_READ, command: command,
                                               size: THRESHOLD_I2C_SMBUS_WORD_DATA, data: pointer)
            return ioctl(fd, THRESHOLD_I2C_SMBUS, &request) >= 0
        }
        guard ok else { throw .errno(name, "I2C_SMBUS read word 0x\(String(command, radix: 16)) from 0x\(String(address, radix: 16))") }
        return data.word
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    public func transfer(address: UInt8, write: [UInt8], readCount: Int) throws(HardwareError) -> [UInt8] {
        guard fd >= 0 else { throw .released(device: name) }
        var out = write
        var input = [UInt8](repeating: 0, count: readCount)
        let ok = out.withUnsafeMutableBufferPointer { w in
            input.withUnsafeMutableBufferPointer { r in
                var messages = [
                    i2c_msg(addr: UInt16(address), flags: 0, len: UInt16(w.count), buf: w.baseAddress),
                    i2c_msg(addr: UInt16(address), flags: THRESHOLD_I2C_M_RD, len: UInt16(r.count), buf: r.baseAddress),
                ]
                return messages.withUnsafeMutableBufferPointer { m in
                    var data = i2c_rdwr_ioctl_data(msgs: m.baseAddress, nmsgs: UInt32(m.count))
                    return ioctl(fd, THRESHOLD_I2C_RDWR, &data) >= 0
                }
            }
        }
        guard ok else { throw .errno(name, "I2C_RDWR(0x\(String(address, radix: 16)))") }
        return input
    }
}
