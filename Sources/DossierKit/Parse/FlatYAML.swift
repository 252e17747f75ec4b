import CYaml

/// A YAML document read straight from libyaml's event stream into one flat array, without Yams'
/// node tree: each node is one entry (a container is followed by its children and knows where
/// its subtree ends), each scalar's text is made once from libyaml's bytes.
///
/// It reads the YAML people write as front matter: plain and quoted scalars, block and flow
/// mappings and sequences. Anything else is left to Yams (`read` answers `.unsupported`), which
/// then reads or reports it exactly as before: anchors and aliases, tags, `%` directives, keys
/// that are not scalars or that repeat, more than one document, and every syntax error.
struct FlatYAML {
    enum Kind: UInt8 {
        case scalar, mapping, sequence
    }

    struct Entry {
        var kind: Kind
        /// libyaml's scalar style, whose numbers are those of Yams' `Node.Scalar.Style`.
        var style: UInt8
        /// Where the node starts, 1-based, as Yams marks it.
        var line: Int32
        var column: Int32
        /// The index after this node and everything in it.
        var end: Int32
        /// Entries directly inside (a mapping counts each key and each value).
        var count: Int32
        /// A scalar's text (empty for containers).
        var text: String
    }

    enum Outcome {
        /// No document at all (only comments or blank lines).
        case empty
        case document(FlatYAML)
        /// Something only Yams reads or reports: compose it with Yams instead.
        case unsupported
    }

    private(set) var entries: [Entry]

    var root: YAMLNode { YAMLNode(self, 0) }

    /// Reads `text` (UTF-8). Never fails: what it does not read is `.unsupported`.
    static func read(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes -> Outcome in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .unsupported }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer {
                parser.deallocate()
                event.deallocate()
            }
            // libyaml keeps a pointer to the parser in itself: it must not move, hence the allocation.
            guard yaml_parser_initialize(parser) == 1 else { return .unsupported }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            var reader = EventReader()
            while true {
                guard yaml_parser_parse(parser, event) == 1 else { return .unsupported }
                let step = reader.take(event.pointee)
                yaml_event_delete(event)
                switch step {
                case .more: continue
                case .unsupported: return .unsupported
                case .done: return reader.entries.isEmpty ? .empty : .document(FlatYAML(entries: reader.entries))
                }
            }
        }
    }

    /// Turns events into entries, one at a time.
    private struct EventReader {
        enum Step { case more, unsupported, done }

        var entries: [Entry] = []
        /// The containers still open, innermost last.
        var open: [Int] = []
        var documents = 0

        mutating func take(_ event: yaml_event_t) -> Step {
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                return .more
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                let start = event.data.document_start
                guard documents == 1, start.version_directive == nil, start.tag_directives.start == nil else { return .unsupported }
                return .more
            case YAML_STREAM_END_EVENT:
                return open.isEmpty ? .done : .unsupported
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil, let value = scalar.value else { return .unsupported }
                let text = String(decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
                append(.scalar, style: UInt8(truncatingIfNeeded: scalar.style.rawValue), event, text: text)
                return .more
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil else { return .unsupported }
                append(.sequence, style: 0, event, text: "")
                open.append(entries.count - 1)
                return .more
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil else { return .unsupported }
                append(.mapping, style: 0, event, text: "")
                open.append(entries.count - 1)
                return .more
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let container = open.popLast() else { return .unsupported }
                entries[container].end = Int32(entries.count)
                if entries[container].kind == .mapping && !keysAreDistinctScalars(container) { return .unsupported }
                return .more
            default:
                // Aliases (and anything libyaml may add).
                return .unsupported
            }
        }

        private mutating func append(_ kind: Kind, style: UInt8, _ event: yaml_event_t, text: String) {
            if let parent = open.last { entries[parent].count += 1 }
            entries.append(Entry(kind: kind, style: style, line: Int32(truncatingIfNeeded: event.start_mark.line + 1),
                                 column: Int32(truncatingIfNeeded: event.start_mark.column + 1),
                                 end: Int32(truncatingIfNeeded: entries.count + 1), count: 0, text: text))
        }

        /// Yams refuses a mapping with a key written twice, and a key that is a mapping or a list
        /// is not one Dossier reads: both are left to it.
        private func keysAreDistinctScalars(_ mapping: Int) -> Bool {
            let end = Int(entries[mapping].end)
            var keys: [String] = []
            var seen: Set<String> = []
            let many = entries[mapping].count > 32
            var child = mapping + 1
            while child < end {
                let key = entries[child]
                guard key.kind == .scalar else { return false }
                if many {
                    guard seen.insert(key.text).inserted else { return false }
                } else {
                    // Compared as Swift compares them (canonical equivalence), as Yams does.
                    if keys.contains(key.text) { return false }
                    keys.append(key.text)
                }
                let value = Int(key.end)
                guard value < end else { return false }
                child = Int(entries[value].end)
            }
            return true
        }
    }
}
