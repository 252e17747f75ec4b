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
    /// Every declared key as written (see `FilingSchema`): a view shows a new key from here. The
    /// timeline is left out: its entries are `timeline`, each with its own.
    public var values: DeclaredValues
}

extension Filing {
    /// The one place a filing's properties are filled from its declared values. Defaults stand in
    /// for required values that are missing or wrong (already errors).
    init(id: String, values: DeclaredValues, page: PageSource) {
        self.init(id: id, values: values.removing([FilingSchema.timeline.name]),
                  timeline: Self.entries(values[FilingSchema.timeline] ?? []), page: page)
    }

    /// The valid entries, in an array exactly as long as they are: a large site keeps 100,000 of
    /// them, and an array grown by appending holds up to twice the room it needs.
    private static func entries(_ written: [DeclaredValues]) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(written.count)
        for values in written {
            if let entry = TimelineEntry(values: values) { entries.append(entry) }
        }
        return entries
    }

    /// A filing whose timeline entries are already made (read back from the page cache).
    init(id: String, values: DeclaredValues, timeline: [TimelineEntry], page: PageSource, attachments: [String] = []) {
        self.init(
            id: id,
            title: values[FilingSchema.title] ?? id,
            client: values.located(FilingSchema.client) ?? Located("", values.position),
            permit: values.located(FilingSchema.permit) ?? Located("", values.position),
            // 'cancelled' stands in for a missing or wrong status because no check compares it
            // with the timeline (no warning about a status the author never wrote).
            status: values[FilingSchema.status] ?? .cancelled,
            statusPosition: values.valuePosition(FilingSchema.status) ?? values.position,
            opened: values[FilingSchema.opened],
            region: values.located(FilingSchema.region),
            owner: values[FilingSchema.owner],
            reference: values[FilingSchema.reference],
            memo: values[FilingSchema.memo].map(Memo.init(values:)),
            memoPosition: values.keyPosition(FilingSchema.memo) ?? values.position,
            timeline: timeline,
            attachments: attachments,
            page: page,
            values: values)
    }
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

extension Memo {
    init(values: DeclaredValues) {
        self.init(purpose: values[MemoSchema.purpose], logic: values[MemoSchema.logic], risk: values[MemoSchema.risk])
    }
}

extension Filing: ContentPage {
    public static let kind = PageKind.filings
    public var linkTitle: String { title }
}
