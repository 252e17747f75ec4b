@testable import DossierKit
import DossierServe
import Foundation
import Testing

/// `deadlines.ics` (version 2): RFC 5545 as calendar clients read it, one all-day event per
/// deadline of the filing pages, stable `UID`s, deterministic bytes, and only the audience's own.
@Suite("Calendar feed")
struct CalendarFeedTests {
    /// Whether Python's `icalendar` (PyPI) is installed: `.ci/run` installs it.
    static var icalendarAvailable: Bool {
        (try? TestSupport.runProcess("/usr/bin/env", ["python3", "-c", "import icalendar"], allowFailure: true, withStatus: true))?
            .status == 0
    }

    /// Each event as `icalendar` parses it: uid, the start day, whether it is a date (all-day),
    /// summary, description, url, and the alarm's trigger.
    static let reader = """
    import json, sys, icalendar
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    out = {"name": str(cal.get('X-WR-CALNAME')), "version": str(cal.get('VERSION')), "prodid": str(cal.get('PRODID')),
           "scale": str(cal.get('CALSCALE')), "events": []}
    for event in cal.walk('VEVENT'):
        start = event.decoded('DTSTART')
        alarms = [str(a.get('TRIGGER').to_ical(), 'ascii') for a in event.walk('VALARM')]
        out["events"].append({"uid": str(event.get('UID')), "date": start.isoformat(), "allDay": not hasattr(start, 'hour'),
                              "summary": str(event.get('SUMMARY')), "description": str(event.get('DESCRIPTION')),
                              "url": str(event.get('URL') or ''), "stamp": event.decoded('DTSTAMP').isoformat(), "alarms": alarms})
    print(json.dumps(out, ensure_ascii=False))
    """

    struct Parsed: Decodable {
        struct Event: Decodable {
            var uid: String
            var date: String
            var allDay: Bool
            var summary: String
            var description: String
            var url: String
            var stamp: String
            var alarms: [String]
        }
        var name: String
        var version: String
        var prodid: String
        var scale: String
        var events: [Event]
    }

    static func parse(_ data: Data) throws -> Parsed {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("deadlines.ics")
        try data.write(to: file)
        let result = try TestSupport.runProcess("/usr/bin/env", ["python3", "-c", reader, file.path], allowFailure: true, withStatus: true)
        #expect(result.status == 0, "\(result.output)")
        let json = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode(Parsed.self, from: Data(json.utf8))
    }

    @Test("icalendar reads every event; each event's day is a deadline of its filing's page, and every deadline has its event",
          .enabled(if: icalendarAvailable, "needs Python's icalendar (pip install icalendar; .ci/run installs it)"))
    func parsesAndMatchesPages() throws {
        let (tree, _) = try DeadlineTests.build()
        let feed = try Self.parse(tree["deadlines.ics"] ?? Data())
        // icalendar leaves a non-standard property as written: the title's comma and semicolon escaped.
        #expect(feed.name == "期限测试\\, \"Deadlines\"\\; fixture")
        #expect(feed.version == "2.0" && feed.scale == "GREGORIAN" && feed.prodid.contains("Dossier"))
        var fromFeed: [String: [String]] = [:]
        for event in feed.events {
            #expect(event.allDay)
            #expect(event.stamp == "2026-11-29T00:00:00+00:00")
            #expect(event.alarms == ["-P3D"])
            let id = event.url.replacingOccurrences(of: "https://wiki.example.com/filings/", with: "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            #expect(event.url.hasPrefix("https://wiki.example.com/filings/"))
            #expect(event.uid.hasPrefix("dossier-\(id)-"), "\(event.uid)")
            fromFeed[id, default: []].append(event.date)
            #expect(event.summary.contains(" · "), "\(event.summary)")
        }
        let ids = tree.keys.filter { $0.hasPrefix("filings/") && $0.hasSuffix("/index.html") && $0 != "filings/index.html" }
            .map { String($0.dropFirst("filings/".count).dropLast("/index.html".count)) }
        #expect(ids.count == 9)
        var total = 0
        for id in ids {
            let onPage = DeadlineTests.filingDeadlines(tree, id).map { String($0.split(separator: " ")[1]) }
            total += onPage.count
            #expect((fromFeed[id] ?? []).sorted() == onPage.sorted(), "\(id)")
        }
        #expect(feed.events.count == total)
        // The summary names the kind and the filing; the internal deadline's text comes back unescaped.
        #expect(feed.events.contains { $0.summary == "补正期限：提交补正材料 · 等待补正" })
        #expect(feed.events.contains { $0.summary == "其他期限：INTERNALDEADLINEMARK, 内部; 核对\\ · 等待补正" })
        #expect(feed.events.contains { $0.description.hasPrefix("客户乙\n自") })
        // UIDs are unique.
        #expect(Set(feed.events.map(\.uid)).count == feed.events.count)
    }

    @Test("a client's brief: only that client's deadlines, none internal; the public site and an encrypted brief have no feed",
          .enabled(if: icalendarAvailable, "needs Python's icalendar (pip install icalendar; .ci/run installs it)"))
    func audiences() throws {
        let (brief, _) = try DeadlineTests.build(audience: .client("d"))
        let feed = try Self.parse(brief["deadlines.ics"] ?? Data())
        #expect(Set(feed.events.map { $0.url }) == [
            "https://wiki.example.com/filings/refused/", "https://wiki.example.com/filings/refused-late/",
            "https://wiki.example.com/filings/running/", "https://wiki.example.com/filings/silent/",
        ])
        #expect(LeakScan.leaks(["deadlines.ics": brief["deadlines.ics"] ?? Data()], ["客户甲", "INTERNALDEADLINEMARK", "等待补正"]) == [])
        let (publicSite, _) = try DeadlineTests.build(audience: .public)
        #expect(publicSite["deadlines.ics"] == nil)
        #expect(!DeadlineTests.text(publicSite, "index.html").contains("deadlines.ics"))
        let folder = try TestSupport.temporaryFolder()
        var options = TestSupport.options(content: DeadlineTests.fixture, output: folder.appendingPathComponent("Out").path,
                                          today: DeadlineTests.today)
        options.audience = .client("c")
        options.passphrase = "correct horse battery staple"
        #expect(try Pipeline().run(options, write: true).wrote)
        let encrypted = try TestSupport.tree(folder.appendingPathComponent("Out"))
        #expect(encrypted["deadlines.ics"] == nil)
        #expect(LeakScan.leaks(encrypted, ["BEGIN:VCALENDAR", "2026-12-04", "20261204"]) == [])
    }

    @Test("RFC 5545 lines: CRLF only, at most 75 octets, folded on whole UTF-8 characters; the same bytes on every build; UIDs do not change with the date")
    func linesAndStability() throws {
        let (tree, _) = try DeadlineTests.build()
        let data = tree["deadlines.ics"] ?? Data()
        let bytes = [UInt8](data)
        #expect(bytes.starts(with: Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n".utf8)))
        // Every LF follows a CR; every line is at most 75 octets and valid UTF-8 on its own.
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 10 {
                #expect(index > 0 && bytes[index - 1] == 13)
                lines.append(current.last == 13 ? Array(current.dropLast()) : current)
                current = []
            } else {
                current.append(byte)
            }
        }
        #expect(current.isEmpty, "the file ends with CRLF")
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validatingUTF8: $0.map { CChar(bitPattern: $0) } + [0]) != nil })
        #expect(lines.contains { $0.first == 32 }, "long Chinese summaries are folded")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("X-WR-CALNAME:期限测试\\, \"Deadlines\"\\; fixture\r\n"))
        #expect(text.contains("CALSCALE:GREGORIAN\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261204\r\n"))
        #expect(text.contains("DTSTAMP:20261129T000000Z\r\n"))
        #expect(text.contains("UID:dossier-waiting-supplement-supplement-1@wiki.example.com\r\n"))
        // Same input, same bytes.
        let (again, _) = try DeadlineTests.build()
        #expect(again["deadlines.ics"] == data)
        // A later build: the days left change, the UIDs of the deadlines that remain do not.
        let (later, _) = try DeadlineTests.build(today: "2026-12-15")
        func uids(_ data: Data) -> Set<String> {
            Set(ICalendarText.unfold(String(decoding: data, as: UTF8.self)).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
        }
        // On 2026-12-15 the running clock (deadline 2026-12-14) has passed: a 不予答复 remedy is added.
        #expect(uids(later["deadlines.ics"] ?? Data()).subtracting(uids(data)) == ["UID:dossier-running-remedy-no-reply@wiki.example.com"])
        #expect(uids(data).isSubset(of: uids(later["deadlines.ics"] ?? Data())))
    }

    @Test("dossier serve sends the feed as text/calendar, as a calendar client expects")
    func servedType() {
        #expect(StaticFiles.contentType(for: "deadlines.ics") == "text/calendar; charset=utf-8")
    }

    @Test("escaping and folding by hand: commas, semicolons, backslashes, newlines; a 75-octet limit inside Chinese text")
    func escapeAndFold() {
        #expect(ICalendarText.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        // "SUMMARY:" is 8 octets, each 期 3: 22 characters fill 74 octets, a 23rd would make 77.
        let line = "SUMMARY:" + String(repeating: "期", count: 30)
        let folded = ICalendarText.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts == ["SUMMARY:" + String(repeating: "期", count: 22), " " + String(repeating: "期", count: 8), ""])
        #expect(ICalendarText.unfold(folded) == line + "\r\n")
        #expect(ICalendarText.unescape("a\\,b\\;c\\\\d\\ne") == "a,b;c\\d\ne")
    }
}
