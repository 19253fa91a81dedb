import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Policy
import TestSupport

/// Venue files the posters are made from: the bundled ones under sim/venues, and one written
/// here with a Chinese name full of XML specials.
enum PosterFixtures {
    static func bundled(_ name: String) throws -> VenueConfig {
        let url = Corpora.packageRoot().appendingPathComponent("sim/venues/\(name).toml")
        return try VenueConfig.parse(String(contentsOf: url, encoding: .utf8))
    }

    static func chinese() throws -> VenueConfig {
        try VenueConfig.parse("""
        [venue]
        id = "xuhui-library"
        name = "徐汇图书馆 <A&B> \\"东\\""
        address = "上海市徐汇区南丹东路80号"
        type = "other"
        """)
    }
}

/// Collects the SVG's elements with Foundation's XMLParser (which refuses a malformed document).
final class SVGCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ svg: String) throws -> [Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGCollector()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.elements
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: ""))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
