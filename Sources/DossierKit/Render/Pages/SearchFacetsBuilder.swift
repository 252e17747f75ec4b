extension SiteRenderer {
    /// A page's search facets: its kind, the permits of this site it concerns (a permit the
    /// audience does not get is left out), its region and its status, with their labels.
    func searchFacets(_ kind: PageKind, permits: [String] = [], region: String? = nil, status: Filing.Status? = nil)
        -> SearchFacets {
        SearchFacets(
            kind: SearchFacets.Value(key: kind.rawValue, label: ui[kind.singularKey] ?? kind.rawValue),
            permits: permits.compactMap { id in site.permit(id).map { SearchFacets.Value(key: id, label: $0.name) } },
            region: region.map { SearchFacets.Value(key: $0, label: regionName($0)) },
            status: status.map { SearchFacets.Value(key: $0.rawValue, label: ui["status.\($0.rawValue)"] ?? $0.rawValue) })
    }
}
