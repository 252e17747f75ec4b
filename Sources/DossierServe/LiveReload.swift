/// The script `dossier serve` adds to every page it serves (never to `dossier build` output): it
/// listens to `/_dossier/events`, reloads the page after a new build, and shows the errors of a
/// failed build over the page.
public enum LiveReload {
    public static let scriptPath = "/_dossier/live.js"
    public static let eventsPath = "/_dossier/events"

    /// Adds the script before `</body>`.
    public static func inject(into html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\"></script>\n"
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range, with: tag + "</body>")
    }

    public static let script = #"""
    // dossier serve: live reload and build errors. Not part of a built site.
    (function () {
      "use strict";
      var version = null;
      function overlay(errors) {
        var box = document.getElementById("dossier-errors");
        if (!errors.length) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "dossier-errors";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
            "background:#2b0b0b;color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
            "border-top:4px solid #ff5c5c;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "dossier: the build failed; this is the last good page.\n\n" + errors.join("\n");
      }
      function connect() {
        var source = new EventSource("/_dossier/events");
        source.onmessage = function (event) {
          var state = JSON.parse(event.data);
          if (version !== null && state.version !== version) { location.reload(); return; }
          version = state.version;
          overlay(state.errors || []);
        };
        source.onerror = function () { source.close(); setTimeout(connect, 1000); };
      }
      connect();
    })();
    """#
}
