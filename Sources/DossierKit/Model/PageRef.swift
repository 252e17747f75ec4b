/// Names a content page: its kind (the folder it lives in) and id.
public struct PageRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case kb, permits, filings, clients

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// Where the page is written, relative to the output folder.
    public var outputPath: String { "\(kind.rawValue)/\(id)/index.html" }

    public var description: String { "\(kind.rawValue)/\(id)" }

    public static func < (lhs: PageRef, rhs: PageRef) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
}
