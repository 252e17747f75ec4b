import DossierKit
import Foundation

/// `--encrypt` and `--allow-weak-passphrase`, as `build` and `pdf` read them: only for a client's
/// brief, with the passphrase from `DOSSIER_PASSPHRASE` (never from the command line).
enum Passphrase {
    /// Puts the passphrase into `options`, or says what is wrong with how the command was called.
    /// `what` names what is protected in the messages ("brief", "PDF").
    static func apply(encrypt: Bool, allowWeak: Bool, what: String, to options: inout BuildOptions) throws {
        if allowWeak && !encrypt {
            throw UsageError("--allow-weak-passphrase is for --encrypt (a passphrase-protected \(what))")
        }
        guard encrypt else { return }
        // The wrong audience is the real mistake, whatever the environment holds.
        guard options.audience.clientID != nil else { throw UsageError(Pipeline.encryptNeedsClient) }
        let passphrase = ProcessInfo.processInfo.environment["DOSSIER_PASSPHRASE"] ?? ""
        if passphrase.isEmpty {
            throw UsageError("--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE (never on the command line)")
        }
        options.passphrase = passphrase
        options.allowsWeakPassphrase = allowWeak
    }
}
