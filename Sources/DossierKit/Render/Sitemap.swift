/// `sitemap.xml`: every HTML page but `404.html`, at absolute addresses under `baseURL` (the
/// sitemap protocol allows no relative ones). Only the public site has one (see `SitePrivacy`).
public enum Sitemap {
    public static func xml(paths: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix(".html") && path != "404.html" {
            let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            xml += "  <url><loc>\(XML.escape(baseURL + HTML.encodePath(pretty)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}

public enum XML {
    /// Escapes text for XML, dropping characters XML 1.0 does not allow.
    public static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
