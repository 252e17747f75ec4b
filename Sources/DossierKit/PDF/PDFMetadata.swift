import Foundation

/// The PDF's document information: title, author (the organisation), subject and the
/// build's date as both creation and modification date (midnight, China Standard Time), with
/// Dossier as the creator instead of Chromium's user agent. Written by qpdf's
/// `--update-from-json` into the information dictionary Chromium made.
struct PDFMetadata: Sendable {
    var title: String
    var author: String
    var subject: String
    var date: Day

    /// `D:YYYYMMDD000000+08'00'`.
    var pdfDate: String {
        "D:" + date.description.replacingOccurrences(of: "-", with: "") + "000000+08'00'"
    }

    /// qpdf JSON (version 2) that replaces the information dictionary `info` (`"N 0 R"`).
    func qpdfUpdate(info: String) throws -> Data {
        let value: [String: String] = [
            "/Title": "u:" + title,
            "/Author": "u:" + author,
            "/Subject": "u:" + subject,
            "/Creator": "u:Dossier",
            "/Producer": "u:Dossier (Chromium, qpdf)",
            "/CreationDate": "u:" + pdfDate,
            "/ModDate": "u:" + pdfDate,
        ]
        let update: [String: Any] = ["qpdf": [
            ["jsonversion": 2, "pushedinheritedpageresources": false, "calledgetallpages": false, "maxobjectid": 1] as [String: Any],
            ["obj:" + info: ["value": value]],
        ]]
        return try JSONSerialization.data(withJSONObject: update, options: [.sortedKeys])
    }
}
