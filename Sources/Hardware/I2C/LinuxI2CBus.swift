#if canImport(Glibc)
import Glibc
#endif
import CGPIO

/// `/dev/i2c-N` through the `I2C_RDWR` ioctl: one combined transaction per read, so no other
/// master can slip between the register write and the read.
public final class LinuxI2CBus: I2CBus {
    public let name: String
    private var fd: Int32

    public init(path: String) throws(HardwareError) {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(path, "open") }
        self.fd = fd
        self.name = path
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
