/// A rendered page: its HTML, the sections the search index records of it (none when it is not
/// indexed) and the JSON-LD its head carries.
struct RenderedPage: Sendable {
    var html: String
    var sections: [SearchDocument.Section]
    var jsonLD: String?
}
