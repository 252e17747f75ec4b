/// Mustache's rules, the one place both renderers take them from (the renderer by name in
/// `TemplateLibrary` and the renderer of resolved templates in `ResolvedRendering`): they differ
/// only in how a name finds its value.
enum MustacheRules {
    /// `{{name}}` (escaped) or `{{{name}}}`: text and numbers as they are, `true`/`false`;
    /// lists, objects, views and missing values write nothing.
    static func variable(_ value: TemplateValue?, escaped: Bool, into output: inout String) {
        switch value {
        case .text(let text)?: escaped ? HTML.appendEscaped(text, to: &output) : (output += text)
        case .number(let text)?: output += text
        case .bool(let flag)?: output += flag ? "true" : "false"
        case .list?, .object?, .view?, nil: break
        }
    }

    /// The nodes of a partial included with `indentation`: every piece that starts a new line is
    /// indented (none without an indentation).
    static func indented<Node>(_ nodes: [Node], indentation: String?, into output: inout String,
                               render: (Node, inout String) -> Void) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &output) }
            return
        }
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, &piece)
            if !piece.isEmpty && local.utf8.last == UInt8(ascii: "\n") { local += indentation }
            local += piece
        }
        output += local
    }

    /// `{{#name}}` renders its body once per item of a list, once for `true`, once with any other
    /// present value pushed on the stack, and not at all otherwise; `{{^name}}` renders it only when
    /// the value is missing, false or empty (an empty list is pushed, as swift-mustache does).
    static func section(_ value: TemplateValue?, inverted: Bool, stack: inout [TemplateValue],
                        body: (inout [TemplateValue]) -> Void) {
        if inverted {
            switch value {
            case .list(let items)? where items.isEmpty:
                stack.append(.list(items))
                body(&stack)
                stack.removeLast()
            case let value? where value.isPresent:
                break
            default:
                body(&stack)
            }
            return
        }
        switch value {
        case .list(let items)?:
            for item in items {
                stack.append(item)
                body(&stack)
                stack.removeLast()
            }
        case .bool(true)?:
            body(&stack)
        case let value? where value.isPresent:
            stack.append(value)
            body(&stack)
            stack.removeLast()
        default:
            break
        }
    }
}
