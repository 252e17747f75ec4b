@testable import DossierKit
import Testing

/// The Markdown passes run in one walk over cmark's tree and write HTML into one byte buffer:
/// what a reader sees must be what the separate passes made. Each case mixes extensions where
/// their order matters; the expected HTML is written out by hand.
@Suite("Markdown in one walk")
struct MarkdownOneWalkTests {
    func html(_ markdown: String) -> String {
        MarkdownRendering.standalone(markdown, unsafeHTML: false, strings: [:]).html
    }

    @Test("inside a link, an address stays the link's text while strikethrough still applies")
    func linkText() {
        #expect(html("[见 www.example.com 与 ~~旧~~](https://a.example/)\n")
                == "<p><a href=\"https://a.example/\">见 www.example.com 与 <del>旧</del></a></p>\n")
    }

    @Test("a callout whose body is a task list: title, checkboxes and the count")
    func calloutWithTasks() {
        #expect(html("> [!NOTE] 材料\n> - [x] 已交\n> - [ ] 未交\n") == """
            <div class="callout callout-note">
            <p class="callout-title">材料</p>
            <ul class="task-list" data-tasks="1 / 2">
            <li><input type="checkbox" checked="" disabled="" /> 已交</li>
            <li><input type="checkbox" disabled="" /> 未交</li>
            </ul>
            </div>

            """)
    }

    @Test("a footnote's text gets autolinks as the body does; & < > \" are escaped in the byte buffer")
    func footnoteAutolink() {
        #expect(html("正文[^1]，A&B 1 < 2 > 0 \"引\"。\n\n[^1]: 见 https://example.com/a 。\n") == """
            <p>正文<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>，A&amp;B 1 &lt; 2 &gt; 0 &quot;引&quot;。</p>
            <section class="footnotes">
            <ol>
            <li id="fn1">
            <p>见 <a href="https://example.com/a">https://example.com/a</a> 。 <a href="#fnref1" class="footnote-backref">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("a table whose only pipes are on its delimiter row is still a table")
    func tableWithPipeOnDelimiterOnly() {
        #expect(html("甲\n| --- |\n") == "<table>\n<thead>\n<tr>\n<th>甲</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("after a table and Chinese text, a broken footnote is reported at its line and character column")
    func positionsAfterTable() {
        let result = MarkdownRendering.standalone("| 甲 | 乙 |\n| --- | --- |\n| 一 | 二 |\n\n第一条 见注[^x]。\n",
                                                  unsafeHTML: false, strings: [:])
        #expect(result.problems.map(\.0) == [SourcePosition(line: 5, column: 7)])
        #expect(result.problems.map(\.1) == ["footnote '[^x]' has no definition '[^x]: ...'"])
        #expect(result.html.hasPrefix("<table>\n<thead>\n<tr>\n<th>甲</th>\n<th>乙</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>一</td>\n<td>二</td>\n</tr>\n</tbody>\n</table>\n"))
    }
}
