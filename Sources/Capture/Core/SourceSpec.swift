import Foundation

/// Opens a frame source from what a person types: a camera node, a Y4M file, a folder of
/// images, or anything else ffmpeg can read. Shared by `threshold read` and the kiosk so both
/// accept the same `--source` values.
public enum SourceSpec {
    public enum Kind: Equatable, Sendable { case camera, y4m, imageSequence, ffmpeg }

    /// How `spec` will be opened (by path shape, then by what is on disk).
    public static func kind(of spec: String) -> Kind {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return .imageSequence }
        if spec.hasPrefix("/dev/video") || spec.hasPrefix("/dev/v4l/") || spec.hasPrefix("/dev/threshold-camera") { return .camera }
        if spec.lowercased().hasSuffix(".y4m") { return .y4m }
        return .ffmpeg
    }

    public static func open(_ spec: String, camera: V4L2Camera.Configuration = .init(), pacing: Pacing = .asFastAsPossible,
                            imageDecoders: [ImageSequenceSource.ImageDecoder] = [.pnm]) throws(CaptureError) -> any FrameSource {
        switch kind(of: spec) {
        case .camera: return try V4L2Camera(path: spec, configuration: camera)
        case .y4m: return try Y4MReader(path: spec, pacing: pacing)
        case .imageSequence: return try ImageSequenceSource(directory: spec, decoders: imageDecoders, pacing: pacing)
        case .ffmpeg: return try FFmpegSource(input: spec, pacing: pacing)
        }
    }
}
