/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String = "Content"
    public var outputDirectory: String = "Output"
    /// Folder holding themes; nil means `Themes/` beside the content folder, else `./Themes`.
    public var themesDirectory: String?
    /// Overrides `theme` in site.yml.
    public var theme: String?
    public var includeDrafts = false
    public var audience: Audience = .internal
    public var today: Day
    public var force = false
    /// When set, the built brief is encrypted with this passphrase (client audience only).
    public var passphrase: String?
    /// Lets a passphrase shorter than `BriefEncryptor.minimumPassphraseLength` through.
    public var allowsWeakPassphrase = false

    public init(today: Day) {
        self.today = today
    }
}
