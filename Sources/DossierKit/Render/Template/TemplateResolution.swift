/// Resolves a library's root templates against their views' shapes (see `ResolvedTemplate`). It
/// walks the templates as `TemplateCheck` does, with a stack of frames mirroring the values
/// `TemplateLibrary` pushes. Where the frames a section pushes cannot be known (a name found in
/// views of different kinds), what is inside is left to be looked up by name.
struct TemplateResolution {
    let library: TemplateLibrary

    private enum Frame {
        case view(ViewShape, fields: [String: FieldShape], index: [String: Int])
        /// An interface string table: its members are read by name.
        case strings
        /// A value without fields (a text, a number, an empty list).
        case plain
        /// Not known: a name that reaches it is looked up by name.
        case unknown

        /// Whether two frames are the same kind of value (the same view type).
        func matches(_ other: Frame) -> Bool {
            switch (self, other) {
            case (.view(let a, _, _), .view(let b, _, _)): a.typeID == b.typeID
            case (.strings, .strings), (.plain, .plain): true
            default: false
            }
        }
    }

    /// What a name leads to, from where it was found.
    private enum Found {
        case field(FieldShape)
        case string
    }

    private var known: [ObjectIdentifier: (fields: [String: FieldShape], index: [String: Int])] = [:]

    init(library: TemplateLibrary) {
        self.library = library
    }

    mutating func resolve(roots: [String: ViewShape]) -> [String: ResolvedTemplate] {
        var result: [String: ResolvedTemplate] = [:]
        for (name, shape) in roots.sorted(by: { $0.key < $1.key }) {
            guard let nodes = library.templates[name] else { continue }
            var stack = [frame(shape)]
            var including = [name]
            result[name] = ResolvedTemplate(rootType: shape.typeID, nodes: resolve(nodes, &stack, &including))
        }
        return result
    }

    private mutating func frame(_ shape: ViewShape) -> Frame {
        if let cached = known[shape.typeID] { return .view(shape, fields: cached.fields, index: cached.index) }
        let made = (fields: shape.fields, index: shape.index)
        known[shape.typeID] = made
        return .view(shape, fields: made.fields, index: made.index)
    }

    private mutating func resolve(_ nodes: [TemplateNode], _ stack: inout [Frame], _ including: inout [String]) -> [ResolvedNode] {
        nodes.map { node in
            switch node {
            case .text(let text):
                return .text(text)
            case .variable(let name, let escaped, _):
                return .variable(ResolvedName(name: name, lookup: name.isCurrent ? nil : lookup(name, stack).lookup), escaped: escaped)
            case .section(let name, let children, let inverted, _):
                if name.isCurrent {
                    return .section(ResolvedName(name: name, lookup: nil), children: resolve(children, &stack, &including),
                                    inverted: inverted)
                }
                let (found, leadsTo) = lookup(name, stack)
                // The frame the section pushes, the same whichever candidate is found; else unknown.
                var pushed: Frame??
                for target in leadsTo {
                    let frame = inverted ? Self.invertedFrame(target) : frame(for: target)
                    switch (pushed, frame) {
                    case (nil, _): pushed = .some(frame)
                    case (.some(nil), nil): continue
                    case (.some(let a?), let b?) where a.matches(b): continue
                    default: pushed = .some(.unknown)
                    }
                }
                let frame: Frame? = found == nil ? .unknown : (pushed ?? .unknown)
                if let frame { stack.append(frame) }
                let resolved = resolve(children, &stack, &including)
                if frame != nil { stack.removeLast() }
                return .section(ResolvedName(name: name, lookup: found), children: resolved, inverted: inverted)
            case .partial(let partial, let indentation, _):
                guard let nodes = library.templates[partial], !including.contains(partial) else {
                    return .partial(partial, indentation: indentation, nodes: nil)
                }
                including.append(partial)
                let resolved = resolve(nodes, &stack, &including)
                including.removeLast()
                return .partial(partial, indentation: indentation, nodes: resolved)
            }
        }
    }

    /// What a section over a value of `found` pushes (as `TemplateCheck.frame`).
    private mutating func frame(for found: Found) -> Frame? {
        switch found {
        case .string: .plain
        case .field(.view(let view)), .field(.views(let view)): frame(view)
        case .field(.text), .field(.number), .field(.texts): .plain
        case .field(.flag): nil
        case .field(.strings): .strings
        }
    }

    private static func invertedFrame(_ found: Found) -> Frame? {
        switch found {
        case .field(.views), .field(.texts): .plain
        default: nil
        }
    }

    /// Where `name` may be found and what each candidate leads to; a nil lookup when it is not
    /// resolved (it is then looked up by name).
    private mutating func lookup(_ name: TemplateName, _ stack: [Frame]) -> (lookup: ResolvedName.Lookup?, leadsTo: [Found]) {
        guard let firstName = name.components.first else { return (nil, []) }
        let searched = name.climbs ? stack.count : min(1, stack.count)
        var first: [(depth: Int, step: ResolvedName.Step)] = []
        var leadsTo: [Found] = []
        // Every frame that may hold the name, innermost first: a view's field may read as
        // nothing, and the lookup then climbs on.
        for depth in 0..<searched {
            switch stack[stack.count - 1 - depth] {
            case .view(let view, let fields, let index):
                guard let position = index[firstName], let shape = fields[firstName] else { continue }
                first.append((depth, .field(type: view.typeID, index: position)))
                leadsTo.append(.field(shape))
            case .strings:
                first.append((depth, .member(firstName)))
                leadsTo.append(.string)
            case .plain:
                continue
            case .unknown:
                return (nil, [])
            }
        }
        guard !first.isEmpty else { return (nil, []) }
        if name.components.count == 1 {
            return (ResolvedName.Lookup(stackCount: stack.count, first: first, rest: []), leadsTo)
        }
        // A dotted name descends from what its first part found: resolved when only one frame holds it.
        guard first.count == 1, var current = leadsTo.first else { return (nil, []) }
        var rest: [ResolvedName.Step] = []
        for component in name.components.dropFirst() {
            switch current {
            case .field(.view(let view)):
                guard case .view(_, let fields, let index) = frame(view), let position = index[component],
                      let shape = fields[component] else { return (nil, []) }
                rest.append(.field(type: view.typeID, index: position))
                current = .field(shape)
            case .field(.strings):
                rest.append(.member(component))
                current = .string
            default:
                return (nil, [])
            }
        }
        return (ResolvedName.Lookup(stackCount: stack.count, first: first, rest: rest), [current])
    }
}
