import Foundation

/// Maps request paths to files of the built site, never outside it.
public enum StaticFiles {
    public enum Resolution: Equatable, Sendable {
        case file(String)
        case notFound
        /// The path tries to leave the site (`..`, encoded dots, absolute paths, symbolic links).
        case forbidden
    }

    /// `path` is the request's path, already percent-decoded once by the server (never again
    /// here, so `%252e` stays a literal name). `root` must be canonical (no symbolic links).
    public static func resolve(_ path: String, root: String) -> Resolution {
        guard path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix("%2e") || $0.hasPrefix("%2E") }) { return .forbidden }
        if path.hasPrefix("//") { return .forbidden }
        var candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
            candidate += "/index.html"
        }
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notFound
        }
        // A symbolic link may not lead out of the site.
        guard let real = realpath(candidate, nil) else { return .notFound }
        defer { free(real) }
        let resolved = String(cString: real)
        guard resolved.hasPrefix(root + "/") else { return .forbidden }
        return .file(resolved)
    }

    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"  // version 2: deadlines.ics
        case "txt", "md": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
