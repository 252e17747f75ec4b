/// Who has to act next on a filing, and since when.
public struct WhoseMove: Sendable, Equatable {
    public enum Party: String, Sendable {
        case us, authority
        /// Decided, withdrawn or cancelled: nobody.
        case closed
    }

    public var party: Party
    public var since: Day?
    /// Calendar days from `since` to today.
    public var days: Int?

    /// Reads the timeline (in date order): the ball is with the authority after we submit or
    /// answer, with us after a supplement request or an authority's question.
    public static func compute(status: Filing.Status, entries: [TimelineEntry], opened: Day?, today: Day) -> WhoseMove {
        var party: Party = .us
        var since: Day? = opened ?? entries.first?.date
        func hand(to next: Party, on day: Day) {
            if next != party { since = day }
            party = next
        }
        for entry in entries {
            switch entry.type {
            case .submitted, .supplementSent, .accepted:
                hand(to: .authority, on: entry.date)
            case .supplementRequested:
                hand(to: .us, on: entry.date)
            case .question, .reply:
                if entry.from == .authority { hand(to: .us, on: entry.date) }
                if entry.from == .us { hand(to: .authority, on: entry.date) }
            case .approved, .rejected, .withdrawn:
                hand(to: .closed, on: entry.date)
            default:
                break
            }
        }
        if [.approved, .rejected, .withdrawn, .cancelled].contains(status) { party = .closed }
        if status == .preparing && party != .closed { party = .us }
        guard party != .closed else { return WhoseMove(party: .closed, since: since, days: nil) }
        return WhoseMove(party: party, since: since, days: since.map { max(0, $0.days(to: today)) })
    }
}
