/// Version 2: responses. `dossier new reply FILING`: a timeline entry ready to fill in that answers
/// the filing's latest request with open points, one `changes` mapping per open point. It is
/// printed, never written: the consultant pastes it at the end of the filing's `timeline`.
public enum ReplySkeleton {
    /// How an unwritten change of the skeleton starts (`dossier check` warns about it).
    public static let placeholder = "在这里写修改内容"

    public static func make(filing id: String, content: String, today: Day, fileSystem: FileSystem = .local) throws -> String {
        guard fileSystem.kind(content) == .directory else {
            throw UsageError("content folder '\(content)' does not exist (run dossier init first, or pass --content)")
        }
        let loaded = try ContentLoader(fileSystem: fileSystem).load(root: content)
        let filingFiles = loaded.files.filter {
            if case .page(.filings, _, _) = $0.role { return true }
            return false
        }
        let parsed = ContentParser(includeInternal: true).parse(filingFiles)
        guard let filing = parsed.filings.first(where: { $0.id == id }) else {
            let known = parsed.filings.map(\.id).sorted()
            throw UsageError("unknown filing '\(id)'\(Suggestion.hint(for: id, in: known))")
        }
        let responses = FilingResponses(filing)
        guard let open = responses.latestOpen else {
            throw UsageError("filing '\(id)' has no reviewer's point waiting for an answer (write them as 'items' on its supplement_requested or question)")
        }
        // A new entry's `answers` bind to the nearest earlier entry with items: the last one. Points
        // left open in an earlier request cannot be answered by it.
        guard let request = responses.requests.last, request.number == open.number else {
            let numbers = open.openPoints.map { String($0.number) }.joined(separator: ", ")
            throw UsageError("filing '\(id)': the open points \(numbers) of the \(open.type.rawValue) of \(open.date) can only be answered by an entry dated before the next entry with items (answers bind to the nearest earlier one), and the latest request has no open point: add the changes to an entry of that round")
        }
        let entry = filing.timeline[request.entryIndex]
        let type = request.type == .question ? TimelineEntry.EntryType.reply : .supplementSent
        var lines = [
            "  # 答复 \(request.date) 的 \(request.type.rawValue)：\(entry.summary)",
            "  # 粘贴到 \(filing.page.displayPath) 的 timeline 末尾，逐条写明修改内容、依据条款和材料页码。",
            "  - date: \(today)",
            "    type: \(type.rawValue)",
            "    from: us",
            "    channel: \(entry.channel?.rawValue ?? "portal")",
            "    summary: " + Scaffold.yamlScalar("按审计式格式答复 \(request.date) 的审核意见"),
            "    changes:",
        ]
        for point in request.openPoints {
            lines.append("      # \(point.number). \(oneLine(point.text))\(point.isInternal ? "（内部）" : "")")
            lines.append("      - text: " + Scaffold.yamlScalar("\(placeholder)（第 \(point.number) 点）"))
            lines.append("        answers: [\(point.number)]")
            lines.append("        clauses: []")
            lines.append("        pages: []")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
