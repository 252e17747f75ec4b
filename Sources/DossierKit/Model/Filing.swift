/// A filing dossier (`filings/<slug>.md` or `filings/<slug>/index.md`).
public struct Filing: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case preparing, submitted, accepted, supplementing
        case underReview = "under_review"
        case approved, rejected, withdrawn, cancelled
    }

    public var id: String
    public var title: String
    public var client: Located<String>
    public var permit: Located<String>
    public var status: Status
    /// Where `status` is written, for warnings that concern it.
    public var statusPosition: SourcePosition
    public var opened: Day?
    public var region: Located<String>?
    public var owner: String?
    public var reference: String?
    public var memo: Memo?
    /// Where `memo` is written (or the front matter, when there is none).
    public var memoPosition: SourcePosition
    public var timeline: [TimelineEntry]
    /// Paths relative to the content folder of the files beside a folder dossier's `index.md`.
    public var attachments: [String]
    public var page: PageSource
}

/// The three-sentence brief for reviewers: purpose, logic, risk control.
public struct Memo: Sendable {
    public var purpose: String?
    public var logic: String?
    public var risk: String?

    public var isComplete: Bool {
        [purpose, logic, risk].allSatisfy { !($0 ?? "").isEmpty }
    }
}
