/// A build's options resolved once, before anything is read: the folders, the theme (when the
/// options name it), the audience, the date, where the output and its caches go, and which
/// caches the build keeps. Making one checks how the options go together and where the output
/// would be: a mistake in how the program was called throws `UsageError` before any work.
struct BuildPlan: Sendable {
    var options: BuildOptions
    /// Whether the build writes (false for `dossier check`).
    var write: Bool
    /// The output folder and what lies beside it.
    var locations: OutputLocations
    /// `--themes`, else `Themes/` beside the content folder, else the bundled themes.
    var themesDirectory: String
    var policy: CachePolicy
    /// The content and themes folders as the file system names them (for the build cache's key).
    var canonicalContent: String
    var canonicalThemes: String

    var content: String { options.contentDirectory }
    var output: String { options.outputDirectory }
    var audience: Audience { options.audience }
    var today: Day { options.today }
    /// Set for an encrypted brief.
    var passphrase: String? { options.passphrase }

    init(_ options: BuildOptions, write: Bool, fileSystem: FileSystem) throws {
        // How the options go together first, then the environment and the file system.
        if options.passphrase != nil && options.audience.clientID == nil {
            throw UsageError(Pipeline.encryptNeedsClient)
        }
        if write { try Self.checkOutputPlacement(options, fileSystem: fileSystem) }
        if let passphrase = options.passphrase, passphrase.isEmpty {
            throw UsageError("--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE")
        }
        if let passphrase = options.passphrase, !options.allowsWeakPassphrase, !BriefEncryptor.isStrongEnough(passphrase) {
            throw UsageError("the passphrase in DOSSIER_PASSPHRASE has fewer than \(BriefEncryptor.minimumPassphraseLength) characters; "
                + "anyone with the files can guess a short one offline. Use a longer one, or pass --allow-weak-passphrase")
        }
        self.options = options
        self.write = write
        locations = OutputLocations(output: options.outputDirectory)
        themesDirectory = options.themesDirectory ?? Pipeline.defaultThemesDirectory(content: options.contentDirectory,
                                                                                     fileSystem: fileSystem)
        policy = CachePolicy(write: write, encrypted: options.passphrase != nil, audience: options.audience)
        canonicalContent = fileSystem.canonical(options.contentDirectory) ?? options.contentDirectory
        canonicalThemes = fileSystem.canonical(themesDirectory) ?? themesDirectory
    }

    /// The theme: `--theme`, else the one site.yml names, else `default`.
    func themeName(_ settings: SiteSettings?) -> String {
        options.theme ?? settings?.theme ?? "default"
    }

    /// The key of this build's build and search caches with theme `themeName` (see `CacheKeys.build`).
    func cacheKey(themeName: String) -> String {
        CacheKeys.build(content: canonicalContent, themes: canonicalThemes, themeName: themeName, audience: audience,
                        includeDrafts: options.includeDrafts, encrypted: passphrase != nil)
    }

    /// The output folder may not be the content folder, inside it, or a folder that contains it.
    static func checkOutputPlacement(_ options: BuildOptions, fileSystem: FileSystem) throws {
        guard let content = fileSystem.canonical(options.contentDirectory) else { return }
        let (parent, name) = splitPath(options.outputDirectory)
        let output: String
        if let existing = fileSystem.canonical(joinPath(parent, name)) {
            output = existing
        } else {
            if let canonicalParent = fileSystem.canonical(parent) {
                output = joinPath(canonicalParent, name)
            } else {
                // Folders missing above the output are created by the build (see `OutputParents`).
                output = try OutputParents(output: options.outputDirectory, fileSystem: fileSystem).canonicalOutput
            }
        }
        if output == content || output.hasPrefix(content + "/") || content.hasPrefix(output + "/") || output == "/" {
            throw UsageError("output folder '\(options.outputDirectory)' overlaps the content folder '\(options.contentDirectory)'; choose a folder outside it")
        }
    }
}
