import Mustache

/// In our view models an empty text means "absent": `{{#summary}}...{{/summary}}` renders nothing
/// for "", and `{{^summary}}` renders. Keys are always present, so a missing value never makes
/// Mustache climb to an outer context and show the parent's value instead.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}
