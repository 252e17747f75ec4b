import Crypto
import _CryptoExtras
import Foundation

/// Passphrase-protected briefs: every page, attachment and asset of a rendered site is encrypted
/// with AES-256-GCM under one key derived from the passphrase with PBKDF2-HMAC-SHA256 (random
/// salt, 600,000 iterations). What stays readable is a small page shell with a passphrase form,
/// the theme's stylesheet and the unlock script. Page paths become opaque tokens, so titles,
/// URLs and the sitemap reveal nothing but the number of pages.
public struct BriefEncryptor {
    public static let iterations = 600_000
    /// Additional authenticated data: binds each payload to this format.
    static let associatedData = Data("dossier-brief-v1".utf8)

    let key: SymmetricKey
    let salt: Data
    let language: InterfaceLanguage
    /// Interface strings for the unlock form and download pages (`unlock.*`, `download`, `home`).
    public var strings: [String: String] = [:]

    /// Derives the key from `passphrase` with a fresh random salt.
    public init(passphrase: String, language: InterfaceLanguage) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try self.init(passphrase: passphrase, salt: salt, language: language)
    }

    init(passphrase: String, salt: Data, language: InterfaceLanguage) throws {
        self.salt = salt
        self.language = language
        self.key = try KDF.Insecure.PBKDF2.deriveKey(from: Data(passphrase.utf8), salt: salt, using: .sha256,
                                                      outputByteCount: 32, rounds: Self.iterations)
    }

    /// Files that stay as they are: the theme (not confidential) and the marker.
    static func isPublic(_ path: String) -> Bool { path.hasPrefix("_theme/") }

    /// The opaque path of a file of the brief. The home page keeps `index.html` and the error page
    /// `404.html`, so a shared link and a web server still find them.
    func opaquePath(_ path: String) -> String {
        if path == "index.html" || path == "404.html" { return path }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("path:" + path).utf8), using: key)
        let token = mac.prefix(10).map { String(format: "%02x", $0) }.joined()
        return "p/\(token).html"
    }

    /// Encrypts a rendered site. Feeds and data exports are dropped (their text would show).
    public func protect(_ files: [OutputFile]) throws -> [OutputFile] {
        var mapping: [String: String] = [:]
        var assets: [String: Data] = [:]
        for file in files where !Self.isPublic(file.path) && file.path != "sitemap.xml" && file.path != "feed.xml"
            && !file.path.hasPrefix("data/") {
            mapping[file.path] = opaquePath(file.path)
            if !file.path.hasSuffix(".html") { assets[file.path] = file.data }
        }
        var result: [OutputFile] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            if Self.isPublic(file.path) {
                result.append(file)
                continue
            }
            guard let target = mapping[file.path] else { continue }
            let document: String
            if file.path.hasSuffix(".html") {
                document = LinkRewriter.rewrite(String(decoding: file.data, as: UTF8.self), from: file.path, to: target,
                                                mapping: mapping, inline: assets)
            } else {
                document = downloadPage(name: String(file.path.split(separator: "/").last ?? "file"), data: file.data,
                                        at: target, mapping: mapping)
            }
            result.append(OutputFile(path: target, text: try shell(for: Data(document.utf8), at: target)))
        }
        result.append(OutputFile(path: "_dossier/unlock.js", text: UnlockScript.source))
        let pages = result.map(\.path).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        result.append(OutputFile(path: "sitemap.xml", text: Sitemap.xml(paths: pages, baseURL: nil)))
        return result
    }

    /// AES-256-GCM: base64 of nonce (12 bytes), ciphertext and tag (16 bytes).
    func seal(_ plaintext: Data) throws -> String {
        let box = try AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(), authenticating: Self.associatedData)
        guard let combined = box.combined else { throw FileSystemError(path: "", reason: "encryption failed") }
        return combined.base64EncodedString()
    }

    /// Opens what `seal` made (the tests use it; the browser does the same with WebCrypto).
    func open(_ base64: String) throws -> Data {
        guard let combined = Data(base64Encoded: base64) else { throw FileSystemError(path: "", reason: "not base64") }
        return try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key, authenticating: Self.associatedData)
    }

    /// The readable page around one encrypted payload: a passphrase form, nothing else.
    func shell(for plaintext: Data, at path: String) throws -> String {
        func text(_ key: String) -> String { HTML.escape(strings[key] ?? key) }
        let words = (title: text("unlock.title"), label: text("unlock.label"), button: text("unlock.button"),
                     error: text("unlock.error"), noscript: text("unlock.noscript"))
        let root = MarkdownHTML.relative("", from: path)
        let payload = "{\"v\":1,\"salt\":\"\(salt.base64EncodedString())\",\"iterations\":\(Self.iterations),\"data\":\"\(try seal(plaintext))\"}"
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(words.title)</title>
        <link rel="stylesheet" href="\(root)_theme/style.css">
        </head>
        <body>
        <main id="main" class="unlock">
        <h1>\(words.title)</h1>
        <form id="dossier-unlock">
        <label for="dossier-passphrase">\(words.label)</label>
        <input id="dossier-passphrase" type="password" autocomplete="current-password" required>
        <button type="submit">\(words.button)</button>
        </form>
        <p id="dossier-error" role="alert" hidden>\(words.error)</p>
        <noscript><p>\(words.noscript)</p></noscript>
        </main>
        <script type="application/json" id="dossier-protected">\(payload)</script>
        <script src="\(root)_dossier/unlock.js"></script>
        </body>
        </html>

        """
    }

    /// What an attachment decrypts to: a page that offers the file for download.
    func downloadPage(name: String, data: Data, at path: String, mapping: [String: String]) -> String {
        let escaped = HTML.escape(name)
        let label = HTML.escape(strings["download"] ?? "Download")
        let home = MarkdownHTML.relative("index.html", from: path)
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><title>\(escaped)</title><link rel="stylesheet" href="\(MarkdownHTML.relative("_theme/style.css", from: path))"></head>
        <body><main id="main"><h1>\(escaped)</h1>
        <p><a download="\(escaped)" href="data:application/octet-stream;base64,\(data.base64EncodedString())">\(label) \(escaped)</a></p>
        <p><a href="\(home)">\(HTML.escape(strings["home"] ?? "Home"))</a></p>
        </main></body></html>

        """
    }
}
