import Crypto
import _CryptoExtras
import Foundation

/// Passphrase-protected briefs (format v2). PBKDF2-HMAC-SHA256 (random 16-byte salt, 600,000
/// iterations) turns the passphrase into a master secret; HKDF-SHA256 derives two separate keys
/// from it: one for AES-256-GCM, one for the HMAC that names the opaque paths. Every page,
/// attachment and image is padded to a size bucket and encrypted with associated data that binds
/// the format version and the page's own opaque path, so a payload moved to another page fails
/// authentication. What stays readable is a small page shell with a passphrase form, the theme's
/// stylesheet and the unlock script.
public struct BriefEncryptor {
    public static let iterations = 600_000
    /// Passphrases shorter than this (in characters) are refused unless explicitly allowed.
    public static let minimumPassphraseLength = 12
    static let format = "dossier-brief-v2"
    static let encryptionInfo = Data("dossier-brief-v2 encryption".utf8)
    static let pathInfo = Data("dossier-brief-v2 paths".utf8)

    /// Additional authenticated data: binds each payload to this format and to the page it is on.
    static func associatedData(path: String) -> Data { Data((format + "\n" + path).utf8) }

    let encryptionKey: SymmetricKey
    let pathKey: SymmetricKey
    let salt: Data
    let language: InterfaceLanguage
    /// Interface strings for the unlock form and download pages (`unlock.*`, `download`, `home`).
    public var strings: [String: String] = [:]
    /// The site's `base_url`: absolute links into the site are made relative.
    public var baseURL: String?

    /// Derives the keys from `passphrase` with a fresh random salt.
    public init(passphrase: String, language: InterfaceLanguage) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try self.init(passphrase: passphrase, salt: salt, language: language)
    }

    init(passphrase: String, salt: Data, language: InterfaceLanguage) throws {
        self.salt = salt
        self.language = language
        (_, encryptionKey, pathKey) = try Self.keys(passphrase: passphrase, salt: salt)
    }

    /// The PBKDF2 master secret and the two keys HKDF-SHA256 derives from it (with an empty salt:
    /// the master secret is already salted; the unlock script does the same with WebCrypto).
    static func keys(passphrase: String, salt: Data) throws -> (master: SymmetricKey, encryption: SymmetricKey, path: SymmetricKey) {
        let master = try KDF.Insecure.PBKDF2.deriveKey(from: Data(passphrase.utf8), salt: salt, using: .sha256,
                                                        outputByteCount: 32, rounds: iterations)
        return (master,
                HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data(), info: encryptionInfo, outputByteCount: 32),
                HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data(), info: pathInfo, outputByteCount: 32))
    }

    /// The opaque name of a path under `key`: the first 10 bytes of HMAC-SHA256 of "path:" + path, in hex.
    static func token(_ path: String, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(("path:" + path).utf8), using: key).prefix(10)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `passphrase` is long enough: counted in characters, so each Chinese character is one.
    public static func isStrongEnough(_ passphrase: String) -> Bool {
        passphrase.count >= minimumPassphraseLength
    }

    /// Files that stay as they are: the theme and `robots.txt` (not confidential) and the marker.
    static func isPublic(_ path: String) -> Bool { path.hasPrefix("_theme/") || path == "robots.txt" }

    /// The opaque path of a file of the brief. The home page keeps `index.html` and the error page
    /// `404.html`, so a shared link and a web server still find them.
    func opaquePath(_ path: String) -> String {
        if path == "index.html" || path == "404.html" { return path }
        return "p/\(Self.token(path, key: pathKey)).html"
    }

    /// Files of a plain build that an encrypted brief leaves out: the sitemap (it would give the
    /// page count), the feed and data exports (their text would show).
    static func isDropped(_ path: String) -> Bool {
        path == "sitemap.xml" || path == "feed.xml" || path.hasPrefix("data/")
    }

    /// Encrypts a rendered site.
    public func protect(_ files: [OutputFile]) throws -> [OutputFile] {
        var mapping: [String: String] = [:]
        var assets: [String: Data] = [:]
        for file in files where !Self.isPublic(file.path) && !Self.isDropped(file.path) {
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
                                                mapping: mapping, inline: assets, baseURL: baseURL)
            } else {
                document = downloadPage(name: String(file.path.split(separator: "/").last ?? "file"), data: file.data,
                                        at: target, mapping: mapping)
            }
            result.append(OutputFile(path: target, text: try shell(for: Data(document.utf8), at: target)))
        }
        result.append(OutputFile(path: "_dossier/unlock.js", text: UnlockScript.source))
        return result
    }

    /// The padded size of a plaintext of `count` bytes: the smallest of 4, 8, 16 … 1024 KiB that
    /// holds it and the padding's first byte, above that a whole number of MiB.
    static func bucket(for count: Int) -> Int {
        let needed = count + 1
        var size = 4096
        while size < needed && size < 1 << 20 { size *= 2 }
        if size >= needed { return size }
        return (needed + (1 << 20) - 1) / (1 << 20) * (1 << 20)
    }

    /// ISO/IEC 7816-4 padding: 0x80, then zeros up to the bucket size.
    static func pad(_ data: Data) -> Data {
        var padded = data
        padded.append(0x80)
        padded.append(Data(count: bucket(for: data.count) - padded.count))
        return padded
    }

    static func unpad(_ data: Data) throws -> Data {
        guard let last = data.lastIndex(where: { $0 != 0 }), data[last] == 0x80 else {
            throw FileSystemError(path: "", reason: "bad padding")
        }
        return Data(data[data.startIndex..<last])
    }

    /// AES-256-GCM of the padded plaintext, authenticating the page's path: base64 of nonce
    /// (12 bytes), ciphertext and tag (16 bytes).
    func seal(_ plaintext: Data, path: String) throws -> String {
        let box = try AES.GCM.seal(Self.pad(plaintext), using: encryptionKey, nonce: AES.GCM.Nonce(),
                                   authenticating: Self.associatedData(path: path))
        guard let combined = box.combined else { throw FileSystemError(path: "", reason: "encryption failed") }
        return combined.base64EncodedString()
    }

    /// Opens what `seal` made for `path` (the tests use it; the browser does the same with WebCrypto).
    func open(_ base64: String, path: String) throws -> Data {
        guard let combined = Data(base64Encoded: base64) else { throw FileSystemError(path: "", reason: "not base64") }
        let padded = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: encryptionKey,
                                      authenticating: Self.associatedData(path: path))
        return try Self.unpad(padded)
    }

    /// What the shell allows, and so what the decrypted page (written into the same document)
    /// may load: scripts and styles from the brief's own origin only, images from it or inlined.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    /// The readable page around one encrypted payload: a passphrase form, nothing else.
    func shell(for plaintext: Data, at path: String) throws -> String {
        func text(_ key: String) -> String { HTML.escape(strings[key] ?? key) }
        let words = (title: text("unlock.title"), label: text("unlock.label"), button: text("unlock.button"),
                     error: text("unlock.error"), refused: text("unlock.refused"), noscript: text("unlock.noscript"))
        let root = MarkdownHTML.relative("", from: path)
        // `path` is index.html, 404.html or p/<hex>.html: nothing in it needs escaping in JSON.
        let payload = "{\"v\":2,\"path\":\"\(path)\",\"salt\":\"\(salt.base64EncodedString())\",\"iterations\":\(Self.iterations),"
            + "\"data\":\"\(try seal(plaintext, path: path))\"}"
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(SitePrivacy.robotsMeta)
        \(SitePrivacy.referrerMeta)
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
        <p id="dossier-refused" role="alert" hidden>\(words.refused)</p>
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
