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
/// line describing what was written; exits 1 on a bad venue file, colour pair or output folder.
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
    @Option(name: .long, help: "Foreground colour, #rrggbb (default #000000).") var foreground = "#000000"
    @Option(name: .long, help: "Background colour, #rrggbb (default #ffffff).") var background = "#ffffff"

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: config, encoding: .utf8) } catch {
            throw ValidationError("\(config): cannot read the file as UTF-8 text")
        }
        let venue: VenueConfig
        do { venue = try VenueConfig.parse(text) } catch {
            throw ValidationError(error.errors.map { "\(config):\($0.description)" }.joined(separator: "\n"))
        }
        guard let fg = PosterColor(hex: foreground) else { throw ValidationError("--foreground \(foreground) is not a #rrggbb colour") }
        guard let bg = PosterColor(hex: background) else { throw ValidationError("--background \(background) is not a #rrggbb colour") }
        let poster: VenuePoster
        do {
            poster = try VenuePoster(venue: venue, colors: PosterColors(foreground: fg, background: bg), moduleSize: moduleSize)
        } catch {
            throw ValidationError(error.description)
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create \(out): \(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: out).appendingPathComponent("venue-\(venue.id)")
        let svgPath = base.appendingPathExtension("svg").path, pngPath = base.appendingPathExtension("png").path
        do { try Data(poster.svg.utf8).write(to: URL(fileURLWithPath: svgPath), options: .atomic) } catch {
            throw ValidationError("cannot write \(svgPath): \(error.localizedDescription)")
        }
        let raster = poster.raster()
        do { try ImageFile.writePNG(raster.image, to: pngPath) } catch {
            throw ValidationError(error.description)
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
