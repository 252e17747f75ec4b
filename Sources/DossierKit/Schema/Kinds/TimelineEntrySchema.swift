/// One item of a filing's `timeline`.
public enum TimelineEntrySchema {
    public static let date = SchemaKey<Day>.day("date", required: true, "the day it happened")
    public static let type = SchemaKey<TimelineEntry.EntryType>.choice("type", required: true, "`submitted`, `accepted`, `supplement_requested`, `supplement_sent`, `extended`, `question`, `reply`, `call`, `meeting`, `email`, `approved`, `rejected`, `withdrawn`, `note`, `excluded` or `forwarded`")
    public static let summary = SchemaKey<String>.text("summary", required: true, "one line")
    public static let days = SchemaKey<Int>(
        "days", .wholeNumber(1...3650), required: false, note: "with `extended`", "days the authority added to its period")
    public static let note = SchemaKey<MarkdownDocument>.markdown("note", "Markdown (links and wiki links work as in bodies)")
    public static let from = SchemaKey<TimelineEntry.Sender>.choice("from", "`us`, `authority` or `client`")
    public static let channel = SchemaKey<TimelineEntry.Channel>.choice("channel", "`portal`, `email`, `phone`, `meeting`, `letter` or `other`")
    public static let changes = SchemaKey<[DeclaredValues]>.textsOrMappings("changes", ResponseSchema.change, "list: what was changed (修改点), each a text or a *change* mapping (below)")
    public static let clauses = SchemaKey<[String]>.texts("clauses", "list: clauses relied on (依据条款)")
    public static let pages = SchemaKey<[String]>.texts("pages", "list: pages of the submitted material concerned (关联材料页码)")
    public static let refs = SchemaKey<[Located<String>]>.references("refs", "list of link targets: an id (`supplement-period`, `kb/supplement-period`) or a relative `.md` path, each optionally with `#heading`")
    public static let isInternal = SchemaKey<Bool>.bool("internal", "`true`: shown only in the internal wiki")
    // Version 2: deadlines
    public static let due = SchemaKey<Day>.day("due", "on `supplement_requested`: the day the authority wants the material by")
    public static let served = SchemaKey<Day>.day("served", "on `approved` and `rejected`: the day the decision reached the applicant (签收); remedies run from it. Default: the entry's date")

    // Version 2: the clock
    public static let clock = SchemaKey<TimelineEntry.RoundRule>(
        "clock", .choice(TimelineEntry.RoundRule.allCases.map(\.rawValue)), required: false, note: "on `supplement_requested`",
        "`pause`, `restart` or `continue` for this round alone, overriding the permit's `on_supplement`")
    public static let until = SchemaKey<Day>(
        "until", .day, required: false, note: "on `excluded`", "the last day excluded; without it the exclusion runs to today")
    public static let reason = SchemaKey<TimelineEntry.ExclusionReason>(
        "reason", .choice(TimelineEntry.ExclusionReason.allCases.map(\.rawValue)), required: false, note: "on `excluded`",
        "`听证`, `招标`, `拍卖`, `检验`, `检测`, `检疫`, `鉴定` or `专家评审` (art. 45)")
    public static let notified = SchemaKey<Bool>(
        "notified", .bool, required: false, note: "on `excluded`", "`true`: the authority told the applicant in writing how long it needs")
    public static let stage = SchemaKey<String>(
        "stage", .text, required: false, note: "on `forwarded`", "name of the review stage it starts, for the page")
    public static let received = SchemaKey<Day>(
        "received", .day, required: false, note: "on `forwarded`", "the day the next stage's authority received the file; that stage starts on it (default: the entry's date)")

    // Version 2: responses
    public static let items = SchemaKey<[DeclaredValues]>.textsOrMappings("items", ResponseSchema.item, "on `supplement_requested` and `question`: the reviewer's points, numbered 1, 2, ... in the order written; each a text or a *point* mapping (below)")

    public static let declaration = SchemaDeclaration([
        date.erased, type.erased, days.erased, from.erased, channel.erased, summary.erased, changes.erased,
        clauses.erased, pages.erased, refs.erased, note.erased, isInternal.erased,
        // Version 2: the clock
        clock.erased, until.erased, reason.erased, notified.erased, stage.erased, received.erased,
        // Version 2: deadlines
        due.erased, served.erased,
        // Version 2: responses
        items.erased,
    ], missingWhat: "timeline entry", mappingWhat: "a timeline entry", check: ContentParser.checkTimelineEntry)
}

extension TimelineEntry.EntryType: DeclaredType {}
extension TimelineEntry.Sender: DeclaredType {}
extension TimelineEntry.Channel: DeclaredType {}

// Version 2: the clock
extension TimelineEntry.RoundRule: DeclaredType {}
extension TimelineEntry.ExclusionReason: DeclaredType {}
