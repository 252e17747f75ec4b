import Yams

/// What other pages can see of a page: its kind and id, its whole front matter, its headings and
/// its outgoing links. Titles, dates, statuses, permits and timelines show in lists, indexes,
/// link texts and related pages; headings are link targets; links make backlinks. A page whose
/// face is unchanged changed nothing on any other page: only its own page is made again (its
/// face's digest goes into the key of every page; see `CacheKeys.site`).
///
/// The front matter goes in whole, as composed from its YAML, so a key added later is in the
/// face without being named here. Left out: the body's text (only its own page shows it) and
/// positions (no page shows where another page wrote a heading or a link; diagnostics are made
/// again on every build).
///
/// Aliases are composed into copies of what they name, so a few lines of YAML can stand for
/// billions of values (an alias bomb): past a budget proportional to its text, the front matter
/// goes in as the text written instead.
struct PageFace {
    var role: ContentRole
    /// The composed front matter; nil when the file could not be read as far as its front matter.
    var frontMatter: YAMLNode?
    /// The front matter as written.
    var frontMatterText: String
    var headings: [Heading]
    /// Headings cut with an internal section (a link to one is told from a link to nothing).
    var hiddenHeadingIDs: Set<String>
    var links: [LinkReference]

    init(role: ContentRole, frontMatter: Yams.Node? = nil, text: String = "", document: MarkdownDocument = .empty) {
        self.init(role: role, node: frontMatter.map(YAMLNode.init), text: text, document: document)
    }

    /// The face of front matter read by either path (`YAMLText.read`): both give the same digest.
    init(role: ContentRole, node: YAMLNode?, text: String, document: MarkdownDocument) {
        self.role = role
        self.frontMatter = node
        frontMatterText = text
        headings = document.headings
        hiddenHeadingIDs = document.hiddenHeadingIDs
        links = document.links
    }

    /// SHA-256 of all of it, as stored in the page cache.
    var digest: String {
        var hasher = StableHasher()
        switch role {
        case .page(let kind, let id, let isFolder): hasher.add(isFolder ? kind.noun + " folder" : kind.noun); hasher.add(id)
        default: hasher.add(String(describing: role))
        }
        if let frontMatter {
            var canonical = StableHasher()
            var budget = 4 * frontMatterText.utf8.count + 1024
            if Self.add(frontMatter, to: &canonical, budget: &budget) {
                hasher.add(tag: 1)
                hasher.add(canonical.finalize())
            } else {
                hasher.add(tag: 2)
                hasher.add(frontMatterText)
            }
        } else {
            hasher.add(tag: 0)
        }
        hasher.add(count: headings.count)
        for heading in headings {
            hasher.add(count: heading.level)
            hasher.add(heading.text)
            hasher.add(heading.id)
        }
        hasher.add(count: hiddenHeadingIDs.count)
        for id in hiddenHeadingIDs.sorted() { hasher.add(id) }
        hasher.add(count: links.count)
        for link in links {
            switch link.form {
            case .markdown(let isImage): hasher.add(tag: isImage ? 1 : 0)
            case .wiki: hasher.add(tag: 2)
            }
            hasher.add(link.destination)
        }
        return hasher.finalize()
    }

    /// `add` for a node read by either path. A node of the fast path (`FlatYAML`) hashes as Yams'
    /// node of the same YAML does. The fast path reads only untagged nodes and no aliases, whose
    /// tags as Yams leaves them are: `str` for a quoted or block scalar (libyaml marks it so) and
    /// for a mapping's key (Yams resolves the keys' tags when it looks for repeated keys), none
    /// (`""`) for a plain value, a mapping or a list.
    static func add(_ node: YAMLNode, isKey: Bool = false, to hasher: inout StableHasher, budget: inout Int) -> Bool {
        if case .tree(let tree) = node.storage { return add(tree, to: &hasher, budget: &budget) }
        budget -= 1
        guard budget >= 0 else { return false }
        switch node.shape {
        case .scalar:
            guard let scalar = node.scalar else { return false }
            budget -= scalar.string.utf8.count
            guard budget >= 0 else { return false }
            hasher.add(tag: 1)
            hasher.add(isKey || scalar.style != .plain ? Tag.Name.str.rawValue : Tag.Name.implicit.rawValue)
            hasher.add(count: Int(scalar.style.rawValue))
            hasher.add(scalar.string)
        case .mapping:
            let pairs = node.pairs ?? []
            hasher.add(tag: 2)
            hasher.add(Tag.Name.implicit.rawValue)
            hasher.add(count: pairs.count)
            for (key, value) in pairs {
                guard add(key, isKey: true, to: &hasher, budget: &budget), add(value, to: &hasher, budget: &budget) else { return false }
            }
        case .sequence:
            let items = node.items ?? []
            hasher.add(tag: 3)
            hasher.add(Tag.Name.implicit.rawValue)
            hasher.add(count: items.count)
            for item in items where !add(item, to: &hasher, budget: &budget) { return false }
        case .alias:
            return false
        }
        return true
    }

    /// A YAML node in a canonical form: every scalar with its tag and style (`"1"` and `1` are
    /// read differently), mappings in the order written, no positions or comments. False when it
    /// is larger than `budget` (each node and each byte of a scalar counts one).
    static func add(_ node: Yams.Node, to hasher: inout StableHasher, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar(let scalar):
            budget -= scalar.string.utf8.count
            guard budget >= 0 else { return false }
            hasher.add(tag: 1)
            hasher.add(scalar.tag.rawValue)
            hasher.add(count: Int(scalar.style.rawValue))
            hasher.add(scalar.string)
        case .mapping(let mapping):
            hasher.add(tag: 2)
            hasher.add(mapping.tag.rawValue)
            hasher.add(count: mapping.count)
            for (key, value) in mapping {
                guard add(key, to: &hasher, budget: &budget), add(value, to: &hasher, budget: &budget) else { return false }
            }
        case .sequence(let sequence):
            hasher.add(tag: 3)
            hasher.add(sequence.tag.rawValue)
            hasher.add(count: sequence.count)
            for item in sequence where !add(item, to: &hasher, budget: &budget) { return false }
        case .alias(let alias):
            hasher.add(tag: 4)
            hasher.add(alias.anchor.rawValue)
        }
        return true
    }
}
