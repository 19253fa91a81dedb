import Foundation
import Hummingbird

/// Resolves `Authorization: Bearer …` to a registered, non-revoked device.
struct Authenticator: Sendable {
    let store: any RecordStore

    /// - Throws: `.unauthenticated` (no or unknown token → 401), `.forbidden` (revoked → 403).
    func device(from headers: HTTPFields) async throws -> Device {
        guard let value = headers[.authorization], value.hasPrefix("Bearer ") else {
            throw UpstreamError.unauthenticated("Missing bearer token.")
        }
        let token = String(value.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let device = try await store.device(tokenSHA256: DeviceToken.sha256(token)) else {
            throw UpstreamError.unauthenticated("Unknown device token.")
        }
        guard !device.revoked else { throw UpstreamError.forbidden("Device \(device.id) has been revoked.") }
        return device
    }

    func admin(from headers: HTTPFields) async throws -> Device {
        let device = try await device(from: headers)
        guard device.role == .admin else { throw UpstreamError.forbidden("This query needs an operator token.") }
        return device
    }
}
