/// The page listing every client.
struct ClientsPageView: TemplateView {
    var ui: TemplateValue
    var clients: [ClientItemView]

    static let fields = ViewFields<ClientsPageView>("clients page", [
        .strings("ui") { $0.ui },
        .views("clients") { $0.clients },
    ])
}
