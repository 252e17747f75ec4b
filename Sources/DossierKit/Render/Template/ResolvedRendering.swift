/// Rendering a resolved template (see `ResolvedTemplate`): the same output as `TemplateLibrary`'s
/// rendering by name, with fields read by position. A lookup whose values are not what the
/// resolution expected (another stack height, another view type) is done by name instead.
extension TemplateLibrary {
    /// Resolves every root template against its view's shape (after `TemplateCheck` passed).
    mutating func resolve(roots: [String: ViewShape]) {
        var resolution = TemplateResolution(library: self)
        resolved = resolution.resolve(roots: roots)
    }

    func render(_ template: ResolvedTemplate, _ context: TemplateValue) -> String {
        var output = ""
        var stack = [context]
        render(template.nodes, stack: &stack, indentation: nil, into: &output)
        return output
    }

    private func render(_ nodes: [ResolvedNode], stack: inout [TemplateValue], indentation: String?, into output: inout String) {
        MustacheRules.indented(nodes, indentation: indentation, into: &output) { node, output in
            render(node, stack: &stack, indentation: indentation, into: &output)
        }
    }

    private func render(_ node: ResolvedNode, stack: inout [TemplateValue], indentation: String?, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            MustacheRules.variable(value(of: name, in: stack), escaped: escaped, into: &output)
        case .section(let name, let children, let inverted):
            let value = value(of: name, in: stack)
            MustacheRules.section(value, inverted: inverted, stack: &stack) { stack in
                render(children, stack: &stack, indentation: indentation, into: &output)
            }
        case .partial(let name, let ownIndentation, let nodes):
            let combined: String? = ownIndentation.map { (indentation ?? "") + $0 } ?? indentation
            if let nodes {
                render(nodes, stack: &stack, indentation: combined, into: &output)
            } else if let nodes = templates[name] {
                render(nodes, stack: &stack, indentation: combined, into: &output)
            }
        }
    }

    /// What one step reads from `value`: a value, nothing, or (`mismatch`) not what was expected.
    private enum Read {
        case value(TemplateValue)
        case absent
        case mismatch
    }

    private func read(_ step: ResolvedName.Step, of value: TemplateValue) -> Read {
        switch step {
        case .field(let type, let index):
            guard case .view(let view) = value, ObjectIdentifier(Swift.type(of: view)) == type else { return .mismatch }
            return view.templateValue(at: index).map(Read.value) ?? .absent
        case .member(let name):
            return value.member(name).map(Read.value) ?? .absent
        }
    }

    /// The value of `name` where `stack` stands, as `lookup` finds it by name.
    private func value(of name: ResolvedName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let resolved = name.lookup, stack.count == resolved.stackCount else { return lookup(name.name, in: stack) }
        var found: TemplateValue?
        for candidate in resolved.first {
            switch read(candidate.step, of: stack[stack.count - 1 - candidate.depth]) {
            case .value(let value): found = value
            case .absent: continue
            case .mismatch: return lookup(name.name, in: stack)
            }
            break
        }
        guard var current = found else { return nil }
        for step in resolved.rest {
            switch read(step, of: current) {
            case .value(let value): current = value
            case .absent: return nil
            case .mismatch: return lookup(name.name, in: stack)
            }
        }
        return current
    }
}
