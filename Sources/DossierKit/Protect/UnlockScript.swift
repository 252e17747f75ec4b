/// The script of an encrypted brief (written to `_dossier/unlock.js`). It refuses a page whose
/// declared path is not the address it is on, derives the keys from the passphrase with WebCrypto
/// (PBKDF2-HMAC-SHA256, then HKDF-SHA256 to a non-extractable AES-GCM key), decrypts the page
/// with the page's path as associated data, strips the padding and shows it. The key is kept as a
/// non-extractable `CryptoKey` in IndexedDB under a random id that only `sessionStorage` knows, so
/// the passphrase is asked once per browser session; no key bytes are ever in web storage.
enum UnlockScript {
    static let source = #"""
    // Dossier: opens an encrypted brief (format v2). No third-party code.
    (function () {
      "use strict";
      var FORMAT = "dossier-brief-v2";
      var MAX_AGE = 12 * 60 * 60 * 1000;  // a kept key is used for 12 hours at most
      var script = document.currentScript;
      var meta = JSON.parse(document.getElementById("dossier-protected").textContent);
      var form = document.getElementById("dossier-unlock");
      var input = document.getElementById("dossier-passphrase");
      var error = document.getElementById("dossier-error");
      var refused = document.getElementById("dossier-refused");
      var encoder = new TextEncoder();
      var sessionName = "dossier-session:" + meta.salt;

      function refuse() {
        // Removed, not hidden: the theme lays the form out with `display: flex`.
        if (form.parentNode) form.parentNode.removeChild(form);
        error.hidden = true;
        refused.hidden = false;
      }
      // The path of this page inside the brief: the address, relative to where the script is
      // (<root>/_dossier/unlock.js); "…/" is "…/index.html".
      function here() {
        var src = script && script.src ? script.src.replace(/[?#].*$/, "") : "";
        var suffix = "_dossier/unlock.js";
        if (src.slice(-suffix.length) !== suffix) return null;
        var root = src.slice(0, -suffix.length);
        var page = location.href.replace(/[?#].*$/, "");
        if (page.indexOf(root) !== 0) return null;
        var path = page.slice(root.length);
        try { path = decodeURIComponent(path); } catch (e) { return null; }
        if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
        return path;
      }
      function isHere() {
        if (meta.v !== 2 || typeof meta.path !== "string") return false;
        // A web server shows the error page at any missing address.
        if (meta.path === "404.html") return true;
        var path = here();
        // Hosts with "clean URLs" serve p/ab12.html at p/ab12.
        return path !== null && (path === meta.path || path + ".html" === meta.path);
      }

      function fromBase64(text) {
        var binary = atob(text), bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return bytes;
      }
      function derive(passphrase) {
        var subtle = crypto.subtle;
        return subtle.importKey("raw", encoder.encode(passphrase), "PBKDF2", false, ["deriveBits"])
          .then(function (base) {
            return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromBase64(meta.salt),
                                       iterations: meta.iterations }, base, 256);
          })
          .then(function (bits) { return subtle.importKey("raw", bits, "HKDF", false, ["deriveKey"]); })
          .then(function (master) {
            return subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0),
                                      info: encoder.encode(FORMAT + " encryption") },
                                    master, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
          });
      }
      // ISO/IEC 7816-4 padding: the plaintext, 0x80, zeros.
      function unpad(bytes) {
        var end = bytes.length - 1;
        while (end >= 0 && bytes[end] === 0) end--;
        if (end < 0 || bytes[end] !== 0x80) throw new Error("bad padding");
        return bytes.subarray(0, end);
      }
      function decrypt(key) {
        var data = fromBase64(meta.data);
        return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12),
                                       additionalData: encoder.encode(FORMAT + "\n" + meta.path) },
                                     key, data.slice(12))
          .then(function (plain) { return new TextDecoder().decode(unpad(new Uint8Array(plain))); });
      }
      function show(html) {
        document.open();
        document.write(html);
        document.close();
      }

      // The key of this session: a CryptoKey (not extractable) in IndexedDB, under a random id
      // that only this session's sessionStorage holds.
      function database() {
        return new Promise(function (resolve, reject) {
          var request = indexedDB.open("dossier-brief", 1);
          request.onupgradeneeded = function () { request.result.createObjectStore("keys", { keyPath: "id" }); };
          request.onsuccess = function () { resolve(request.result); };
          request.onerror = function () { reject(request.error); };
          request.onblocked = function () { reject(new Error("blocked")); };
        });
      }
      // IndexedDB can stall (some private modes): never wait on it for more than two seconds.
      function withStore(mode, work) {
        var timeout = new Promise(function (resolve, reject) {
          setTimeout(function () { reject(new Error("IndexedDB did not answer")); }, 2000);
        });
        return Promise.race([timeout, database().then(function (db) {
          return new Promise(function (resolve, reject) {
            var transaction = db.transaction("keys", mode), result = null;
            work(transaction.objectStore("keys"), function (value) { result = value; });
            transaction.oncomplete = function () { db.close(); resolve(result); };
            transaction.onerror = transaction.onabort = function () { db.close(); reject(transaction.error); };
          });
        })]);
      }
      function sessionIds() {
        var ids = {};
        for (var i = 0; i < sessionStorage.length; i++) {
          var name = sessionStorage.key(i);
          if (name !== sessionName && name.indexOf("dossier-session:") === 0) ids[sessionStorage.getItem(name)] = true;
        }
        return ids;
      }
      function randomId() {
        var bytes = crypto.getRandomValues(new Uint8Array(16)), id = "";
        for (var i = 0; i < bytes.length; i++) id += (bytes[i] + 256).toString(16).slice(1);
        return id;
      }
      function storedKey() {
        return new Promise(function (resolve) { resolve(sessionStorage.getItem(sessionName)); })
          .then(function (id) {
            if (!id) return null;
            return withStore("readonly", function (store, done) {
              var request = store.get(id);
              request.onsuccess = function () { done(request.result || null); };
            });
          })
          .then(function (record) {
            if (!record || record.salt !== meta.salt || !(Date.now() - record.created < MAX_AGE)) return null;
            return record.key;
          })
          .catch(function () { return null; });
      }
      // Keeps the key for this session; forgets keys older than 12 hours and those of other sessions.
      function remember(key) {
        var id = randomId(), now = Date.now();
        return new Promise(function (resolve) { resolve(sessionIds()); })
          .then(function (mine) {
            return withStore("readwrite", function (store) {
              var cursor = store.openCursor();
              cursor.onsuccess = function () {
                var entry = cursor.result;
                if (!entry) {
                  store.put({ id: id, salt: meta.salt, created: now, key: key });
                  return;
                }
                if (!mine[entry.value.id] || !(now - entry.value.created < MAX_AGE)) entry["delete"]();
                entry["continue"]();
              };
            });
          })
          .then(function () { sessionStorage.setItem(sessionName, id); })
          .catch(function () { /* no IndexedDB or sessionStorage: the passphrase is asked on each page */ });
      }

      if (!isHere()) {
        refuse();
        return;
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        error.hidden = true;
        var key;
        derive(input.value)
          .then(function (derived) { key = derived; return decrypt(derived); })
          .then(function (html) { return remember(key).then(function () { show(html); }); })
          .catch(function () { error.hidden = false; });
      });
      function reopen() {
        storedKey().then(function (key) {
          if (!key) return;
          // The key of this brief does not open the page: it was altered or moved here.
          decrypt(key).then(show, refuse);
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
