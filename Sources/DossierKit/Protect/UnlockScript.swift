/// The script of an encrypted brief (written to `_dossier/unlock.js`): it derives the key from
/// the passphrase with WebCrypto (PBKDF2-HMAC-SHA256), decrypts the page (AES-256-GCM) and shows
/// it. The derived key is kept in `sessionStorage`, so the passphrase is asked once per browser
/// session and forgotten when the session ends.
enum UnlockScript {
    static let source = #"""
    // Dossier: opens an encrypted brief. No third-party code.
    (function () {
      "use strict";
      var meta = JSON.parse(document.getElementById("dossier-protected").textContent);
      var storageKey = "dossier-key:" + meta.salt;
      var aad = new TextEncoder().encode("dossier-brief-v1");

      function fromBase64(text) {
        var binary = atob(text), bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return bytes;
      }
      function toBase64(bytes) {
        var binary = "";
        for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
        return btoa(binary);
      }
      function derive(passphrase) {
        return crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveBits"])
          .then(function (base) {
            return crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromBase64(meta.salt),
                                              iterations: meta.iterations }, base, 256);
          })
          .then(function (bits) { return new Uint8Array(bits); });
      }
      function decrypt(raw) {
        var data = fromBase64(meta.data);
        return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"])
          .then(function (key) {
            return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12), additionalData: aad }, key, data.slice(12));
          })
          .then(function (plain) { return new TextDecoder().decode(plain); });
      }
      function show(html) {
        document.open();
        document.write(html);
        document.close();
      }
      function stored() {
        try { return sessionStorage.getItem(storageKey); } catch (e) { return null; }
      }
      function remember(raw) {
        try { sessionStorage.setItem(storageKey, toBase64(raw)); } catch (e) { /* private mode: ask again */ }
      }
      var form = document.getElementById("dossier-unlock");
      var error = document.getElementById("dossier-error");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        error.hidden = true;
        var raw;
        derive(document.getElementById("dossier-passphrase").value)
          .then(function (bits) { raw = bits; return decrypt(bits); })
          .then(function (html) { remember(raw); show(html); })
          .catch(function () { error.hidden = false; });
      });
      function reopen() {
        var saved = stored();
        if (!saved) return;
        decrypt(fromBase64(saved)).then(show).catch(function () {
          try { sessionStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
        });
      }
      // document.open() replaces the page only once the parser is done with it.
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", reopen);
      } else {
        reopen();
      }
    })();
    """#
}
