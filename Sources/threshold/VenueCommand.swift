import ArgumentParser
import Foundation
import ImageFiles
import Policy
import VenuePoster

/// `threshold venue poster CONFIG --out DIR`
struct VenueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "venue", abstract: "Things a venue prints and hangs up.", subcommands: [VenuePosterCommand.self])
}

/// Writes `venue-<id>.svg` and `venue-<id>.png` into DIR: the venue's own code (level H, quiet
/// zone ≥ 4 modules), its name, address and a caption, with ≥ 4.5:1 contrast. Prints one JSON
/// line describing what was written; exits 64 on a bad colour pair, 66/78 on a missing or bad venue file, 73 on an output folder it cannot write.
struct VenuePosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poster",
        abstract: "Render the venue's own QR code as an SVG and a PNG poster.",
        discussion: """
            The code holds thv1:venue/<id>?name=<name> (see Policy.VenueCode). The PNG draws text \
            with a built-in ASCII bitmap font: a line with other characters (e.g. a Chinese name) \
            appears only in the SVG, and the JSON line lists it under "png_omitted".
            """)

    @Argument(help: "Venue configuration file (TOML).") var config: String
    @Option(name: .long, help: "Folder to write the poster files into (created if missing).") var out: String
    @Option(name: .long, help: "Pixels per module in the PNG (8…64; the SVG uses the same page size).")
    var moduleSize = VenuePoster.defaultModuleSize
    @Option(name: .long, help: "Foreground colour, #rrggbb.") var foreground = "#000000"
    @Option(name: .long, help: "Background colour, #rrggbb.") var background = "#ffffff"

    func run() throws {
        guard let fg = PosterColor(hex: foreground) else { throw ValidationError("--foreground \(foreground) is not a #rrggbb colour") }
        guard let bg = PosterColor(hex: background) else { throw ValidationError("--background \(background) is not a #rrggbb colour") }
        let venue = try RunCommand.loadVenue(config)
        let poster: VenuePoster
        do {
            poster = try VenuePoster(venue: venue, colors: PosterColors(foreground: fg, background: bg), moduleSize: moduleSize)
        } catch {
            if case .encoding = error { throw CommandFailure(.config, "\(config): \(error.description)") }
            throw ValidationError(error.description)  // the colours or module size given on the command line
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(.cannotCreate, "cannot create \(out): \(FileProblem.describe(error, path: out))")
        }
        let base = URL(fileURLWithPath: out).appendingPathComponent("venue-\(venue.id)")
        let svgPath = base.appendingPathExtension("svg").path, pngPath = base.appendingPathExtension("png").path
        do { try Data(poster.svg.utf8).write(to: URL(fileURLWithPath: svgPath), options: .atomic) } catch {
            throw CommandFailure(.cannotCreate, "cannot write \(svgPath): \(FileProblem.describe(error, path: svgPath))")
        }
        let raster = poster.raster()
        do { try ImageFile.writePNG(raster.image, to: pngPath) } catch {
            throw CommandFailure(.cannotCreate, error.description)
        }
        print(JSON.object([
            ("code", .string(poster.code.text)),
            ("version", .int(poster.symbol.version)),
            ("ec", .string(poster.symbol.ecLevel.rawValue)),
            ("quiet_zone_modules", .int(poster.layout.quietZone)),
            ("module_px", .int(poster.layout.moduleSize)),
            ("contrast", .number((poster.colors.contrast * 100).rounded() / 100)),
            ("svg", .string(svgPath)),
            ("png", .string(pngPath)),
            ("png_size", .array([.int(raster.image.width), .int(raster.image.height)])),
            ("png_omitted", .array(raster.omitted.map(JSON.string))),
        ]).text)
    }
}
