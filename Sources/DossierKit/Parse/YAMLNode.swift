import Yams

/// One node of parsed YAML, as `YAMLFields` and `SchemaReader` read it: either a node of a flat
/// document read straight from libyaml's events (`FlatYAML`, the fast path) or a node composed by
/// Yams (anything the fast path leaves to it: anchors, aliases, tags, complex or repeated keys,
/// syntax errors). Both answer the same questions with the same values and positions.
struct YAMLNode {
    enum Storage {
        case flat(FlatYAML, Int)
        case tree(Yams.Node)
    }

    /// A scalar's text and how it was written (plain, quoted, `|`, `>`).
    struct Scalar {
        var string: String
        var style: Node.Scalar.Style
    }

    enum Shape {
        case scalar, mapping, sequence, alias
    }

    let storage: Storage

    init(_ node: Yams.Node) { storage = .tree(node) }

    init(_ flat: FlatYAML, _ index: Int) { storage = .flat(flat, index) }

    /// An empty mapping (front matter that could not be read).
    static var emptyMapping: YAMLNode { YAMLNode(.mapping(Node.Mapping([]))) }

    var shape: Shape {
        switch storage {
        case .flat(let flat, let index):
            switch flat.entries[index].kind {
            case .scalar: return .scalar
            case .mapping: return .mapping
            case .sequence: return .sequence
            }
        case .tree(let node):
            switch node {
            case .scalar: return .scalar
            case .mapping: return .mapping
            case .sequence: return .sequence
            case .alias: return .alias
            }
        }
    }

    /// Line and column (1-based) in the YAML text, before any line offset.
    var mark: (line: Int, column: Int)? {
        switch storage {
        case .flat(let flat, let index):
            let entry = flat.entries[index]
            return (Int(entry.line), Int(entry.column))
        case .tree(let node):
            return node.mark.map { ($0.line, $0.column) }
        }
    }

    var scalar: Scalar? {
        switch storage {
        case .flat(let flat, let index):
            let entry = flat.entries[index]
            guard entry.kind == .scalar else { return nil }
            return Scalar(string: entry.text, style: Node.Scalar.Style(rawValue: UInt32(entry.style)) ?? .any)
        case .tree(let node):
            guard case .scalar(let scalar) = node else { return nil }
            return Scalar(string: scalar.string, style: scalar.style)
        }
    }

    /// The text of a scalar (nil for anything else), as Yams' `Node.string`.
    var string: String? {
        switch storage {
        case .flat(let flat, let index):
            let entry = flat.entries[index]
            return entry.kind == .scalar ? entry.text : nil
        case .tree(let node):
            return node.string
        }
    }

    /// A mapping's keys and values in the order written; nil for anything else.
    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        switch storage {
        case .flat(let flat, let index):
            guard flat.entries[index].kind == .mapping else { return nil }
            var result: [(key: YAMLNode, value: YAMLNode)] = []
            result.reserveCapacity(Int(flat.entries[index].count) / 2)
            var child = index + 1
            let end = Int(flat.entries[index].end)
            while child < end {
                let value = Int(flat.entries[child].end)
                guard value < end else { break }
                result.append((YAMLNode(flat, child), YAMLNode(flat, value)))
                child = Int(flat.entries[value].end)
            }
            return result
        case .tree(let node):
            guard case .mapping(let mapping) = node else { return nil }
            return mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }
        }
    }

    /// A sequence's items in order; nil for anything else.
    var items: [YAMLNode]? {
        switch storage {
        case .flat(let flat, let index):
            guard flat.entries[index].kind == .sequence else { return nil }
            var result: [YAMLNode] = []
            result.reserveCapacity(Int(flat.entries[index].count))
            var child = index + 1
            let end = Int(flat.entries[index].end)
            while child < end {
                result.append(YAMLNode(flat, child))
                child = Int(flat.entries[child].end)
            }
            return result
        case .tree(let node):
            guard case .sequence(let sequence) = node else { return nil }
            return sequence.map(YAMLNode.init)
        }
    }
}
