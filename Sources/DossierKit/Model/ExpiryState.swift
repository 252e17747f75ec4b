/// Where a granted permit stands against its expiry on the build's date (version 2: deadlines).
public enum ExpiryState: String, Sendable {
    /// Valid, renewal not yet close.
    case valid
    /// The renewal day is within `window` days or has passed, and the permit has not expired: time
    /// to renew. Without `renew_before_days`, expiry within `window` days.
    case renewal
    case expired

    /// Days ahead of the renewal day (or of expiry, without one) that count as the renewal window.
    public static let window = 60

    public static func of(_ deadlines: [Deadline], today: Day) -> ExpiryState? {
        guard let expiry = deadlines.first(where: { $0.kind == .expiry }) else { return nil }
        if expiry.date < today { return .expired }
        let mark = deadlines.first { $0.kind == .renewal }?.date ?? expiry.date
        return today.days(to: mark) <= window ? .renewal : .valid
    }
}
