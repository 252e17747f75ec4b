@testable import DossierKit
import Testing

/// Everything that differs between the kinds of content page is said once, in `PageKind`: where
/// files sit, templates, who sees them. These tests hold the rest of the program to it, so a kind
/// added there without its view, template or strings fails here rather than rendering nothing.
@Suite("Page kinds")
struct PageKindTests {
    @Test("files are classified by their kind's folder and layout")
    func classification() {
        for kind in PageKind.allCases {
            #expect(ContentRole.classify("\(kind.folder)/x.md") == .page(kind, id: "x", isFolder: false))
            let nested = ContentRole.classify("\(kind.folder)/sub/x.md")
            let folder = ContentRole.classify("\(kind.folder)/x/index.md")
            let beside = ContentRole.classify("\(kind.folder)/x/scan.pdf")
            switch kind.fileLayout {
            case .flat:
                #expect(nested == .unknown && folder == .unknown && beside == .unknown, "\(kind)")
            case .nested:
                #expect(nested == .page(kind, id: "x", isFolder: false), "\(kind)")
                #expect(folder == .page(kind, id: "index", isFolder: false), "\(kind)")
            case .folderDossier:
                #expect(folder == .page(kind, id: "x", isFolder: true), "\(kind)")
                #expect(beside == .attachment(filingID: "x") && nested == .attachment(filingID: "sub"), "\(kind)")
            }
            #expect(ContentRole.classify("\(kind.folder)/x.txt") == .unknown)
        }
        // The layouts the content format names.
        #expect(PageKind.kb.fileLayout == .nested && PageKind.filings.fileLayout == .folderDossier)
        #expect(PageKind.permits.fileLayout == .flat && PageKind.clients.fileLayout == .flat)
    }

    @Test("every kind's page and list templates are in the theme, with a declared view and strings in both languages")
    func templatesViewsAndStrings() throws {
        let theme = try #require(Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme)
        for kind in PageKind.allCases {
            for template in [kind.pageTemplate, kind.listTemplate] {
                #expect(Theme.templateNames.contains(template), "\(kind): \(template)")
                #expect(ThemeViews.roots[template] != nil, "\(kind): no view for \(template)")
                #expect(theme.library.names.contains(template), "\(kind): the default theme has no \(template)")
            }
            for language in ["zh-CN", "en"] {
                #expect(theme.strings[language]?[kind.folder] != nil, "\(language): ui.\(kind.folder)")
                #expect(theme.strings[language]?[kind.singularKey] != nil, "\(language): ui.\(kind.singularKey)")
            }
        }
    }

    @Test("who sees each kind: filings not on the public site, client pages only in the wiki")
    func audiences() {
        #expect(PageKind.allCases.allSatisfy { $0.isShown(to: .internal) })
        #expect(PageKind.filings.isShown(to: .client("a")) && !PageKind.filings.isShown(to: .public))
        #expect(!PageKind.clients.isShown(to: .client("a")) && !PageKind.clients.isShown(to: .public))
        #expect(PageKind.kb.isShown(to: .public) && PageKind.permits.isShown(to: .public))
    }
}
