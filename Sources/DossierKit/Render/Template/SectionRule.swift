/// Mustache's rule for a section, the one place both renderers take it from (the renderer by name
/// in `TemplateLibrary` and the renderer of resolved templates in `ResolvedRendering`):
/// `{{#name}}` renders its body once per item of a list, once for `true`, once with any other
/// present value pushed on the stack, and not at all otherwise; `{{^name}}` renders it only when
/// the value is missing, false or empty (an empty list is pushed, as swift-mustache does).
enum SectionRule {
    static func render(_ value: TemplateValue?, inverted: Bool, stack: inout [TemplateValue],
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
