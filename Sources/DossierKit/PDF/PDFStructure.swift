import Foundation

/// What `dossier pdf` reads of a printed PDF, from `qpdf --json` (JSON version 2): its page
/// count, the page each named destination is on (Chromium writes one for every element a link
/// inside the document points at: the contents' entries) and the object of its information
/// dictionary (the metadata).
struct PDFStructure: Sendable, Equatable {
    var pageCount: Int
    /// Destination name (an element's `id`) → page, from 1.
    var destinations: [String: Int]
    /// `"N 0 R"` of the trailer's `/Info`, when there is one.
    var info: String?

    init(pageCount: Int, destinations: [String: Int], info: String?) {
        self.pageCount = pageCount
        self.destinations = destinations
        self.info = info
    }

    /// Reads `qpdf --json` output; nil when it is not what qpdf writes.
    init?(qpdfJSON data: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let pages = root["pages"] as? [[String: Any]],
              let qpdf = root["qpdf"] as? [Any], qpdf.count > 1, let objects = qpdf[1] as? [String: Any] else { return nil }
        var pageOf: [String: Int] = [:]
        for page in pages {
            if let object = page["object"] as? String, let number = page["pageposfrom1"] as? Int { pageOf[object] = number }
        }
        func value(_ reference: String) -> Any? { (objects["obj:" + reference] as? [String: Any])?["value"] }
        let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any]
        var destinations: [String: Int] = [:]
        if let rootRef = trailer?["/Root"] as? String, let catalog = value(rootRef) as? [String: Any] {
            var dests = catalog["/Dests"]
            if let reference = dests as? String { dests = value(reference) }
            for (name, target) in (dests as? [String: Any]) ?? [:] {
                var array = target
                if let reference = array as? String { array = value(reference) }
                if let dictionary = array as? [String: Any] { array = dictionary["/D"] }
                if let first = (array as? [Any])?.first as? String, let page = pageOf[first] {
                    destinations[String(name.dropFirst())] = page
                }
            }
        }
        self.init(pageCount: pages.count, destinations: destinations, info: trailer?["/Info"] as? String)
    }
}
