/// A theme's parsed templates, by name, and the renderer that presents a page's view through them.
/// Values are looked up the Mustache way: a name is searched in the innermost value first, then
/// outwards; a dotted name then descends from where its first part was found.
public struct TemplateLibrary: Sendable {
    var templates: [String: [TemplateNode]] = [:]
    /// The root templates resolved against their views (see `ResolvedTemplate`), once the theme is checked.
    var resolved: [String: ResolvedTemplate] = [:]

    public init() {}

    /// Parses and registers a template; a syntax error carries its line and column.
    mutating func register(_ text: String, named name: String) throws(TemplateParser.SyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    public var names: [String] { templates.keys.sorted() }

    /// Whether template `name`, or a partial it includes, writes `snippet` as literal text (in
    /// any section): a property of the theme, looked at once rather than in every page it makes.
    func writesText(_ snippet: String, in name: String) -> Bool {
        var visited: Set<String> = []
        func search(_ template: String) -> Bool {
            guard visited.insert(template).inserted, let nodes = templates[template] else { return false }
            return contains(nodes)
        }
        func contains(_ nodes: [TemplateNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .text(let text): return text.contains(snippet)
                case .variable: return false
                case .section(_, let children, _, _): return contains(children)
                case .partial(let partial, _, _): return search(partial)
                }
            }
        }
        return search(name)
    }

    /// Renders the template `name` with `context` as the outermost value; "" if there is no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        if let template = resolved[name], case .view(let view) = context, ObjectIdentifier(type(of: view)) == template.rootType {
            return render(template, context)
        }
        guard let nodes = templates[name] else { return "" }
        var output = ""
        var stack = [context]
        render(nodes, stack: &stack, indentation: nil, into: &output)
        return output
    }

    func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], indentation: String?, into output: inout String) {
        MustacheRules.indented(nodes, indentation: indentation, into: &output) { node, output in
            render(node, stack: &stack, indentation: indentation, into: &output)
        }
    }

    private func render(_ node: TemplateNode, stack: inout [TemplateValue], indentation: String?, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped, _):
            MustacheRules.variable(lookup(name, in: stack), escaped: escaped, into: &output)
        case .section(let name, let children, let inverted, _):
            let value = lookup(name, in: stack)
            MustacheRules.section(value, inverted: inverted, stack: &stack) { stack in
                render(children, stack: &stack, indentation: indentation, into: &output)
            }
        case .partial(let name, let ownIndentation, _):
            guard let nodes = templates[name] else { return }
            let combined: String? = ownIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(nodes, stack: &stack, indentation: combined, into: &output)
        }
    }

    func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let top = stack.last else { return nil }
        if name.isCurrent { return top }
        guard let first = name.components.first else { return top }
        var found: TemplateValue?
        if name.climbs {
            for value in stack.reversed() {
                if let child = value.member(first) {
                    found = child
                    break
                }
            }
        } else {
            found = top.member(first)
        }
        for component in name.components.dropFirst() {
            found = found?.member(component)
            if found == nil { return nil }
        }
        return found
    }
}
