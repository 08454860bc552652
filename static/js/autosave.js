// Autosave for the answer form (progressive enhancement: the form posts normally without this).
// Each part of the answer (data-field) is saved on its own while typing (debounced) and when the
// user leaves it. Unsaved text is also kept in localStorage, so a failed save, an expired session
// or a closed tab never loses it. A conflict (a colleague saved something else) shows both texts.
// Every part carries its own version (the one it was loaded at, or the one its own last save
// returned); a save of one part never changes another part's version, so the server can always
// tell whether a colleague changed this part since the user saw it.
(function () {
  "use strict";
  var DELAY = 1200;
  var RETRY = 10000;

  function init() {
    var form = document.getElementById("answer-form");
    if (!form || !form.dataset.editable || !window.fetch) { return; }
    var url = form.dataset.autosaveUrl;
    var loginUrl = form.dataset.loginUrl;
    var storeKey = "remiss-draft-" + form.dataset.response;
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var globalState = document.getElementById("global-save-state");
    var pending = 0;
    var hint = form.querySelector(".autosave-hint");
    if (hint) { hint.hidden = false; }

    function load() { try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; } }
    function store(data) { try { localStorage.setItem(storeKey, JSON.stringify(data)); } catch (e) { /* full or disabled */ } }

    function Group(el) {
      this.el = el;
      this.key = el.dataset.field;
      this.textarea = el.querySelector("textarea");
      this.radios = el.querySelectorAll("input[type=radio]");
      this.state = el.querySelector(".save-state");
      // The part's own version input (version-<proposal id>, version-summary, …), named by the
      // template from remiss.fieldkeys.FieldKey: the script never derives one name from another.
      this.versionInput = el.dataset.versionField ? el.querySelector("input[name='" + el.dataset.versionField + "']") : null;
      this.timer = null;
      this.dirty = false;
      this.saving = false;
      this.failed = false;
    }
    Group.prototype.stance = function () {
      for (var i = 0; i < this.radios.length; i++) { if (this.radios[i].checked) { return this.radios[i].value; } }
      return "";
    };
    Group.prototype.text = function () { return this.textarea ? this.textarea.value : ""; };
    Group.prototype.show = function (message, isError) {
      if (!this.state) { return; }
      this.state.textContent = message;
      this.state.classList.toggle("is-error", !!isError);
    };
    Group.prototype.remember = function () {
      var data = load();
      data[this.key] = { text: this.text(), stance: this.stance(), version: this.versionInput.value };
      store(data);
    };
    Group.prototype.forget = function () { var data = load(); delete data[this.key]; store(data); };
    Group.prototype.changed = function (now) {
      var self = this;
      this.dirty = true;
      this.remember();
      this.show("Ändrat – sparas strax …", false);
      clearTimeout(this.timer);
      this.timer = setTimeout(function () { self.save(); }, now ? 0 : DELAY);
    };
    Group.prototype.save = function () {
      var self = this;
      if (!this.dirty) { return; }
      if (this.saving) { this.timer = setTimeout(function () { self.save(); }, 300); return; }
      this.saving = true;
      this.dirty = false;
      pending++;
      this.show("Sparar …", false);
      post(this, false).then(function (resp) {
        if (resp.type === "opaqueredirect" || resp.status === 401 || resp.status === 403 && !isJson(resp)) {
          return self.expired();
        }
        if (!isJson(resp)) { throw new Error("status " + resp.status); }
        return resp.json().then(function (data) { self.handle(resp.status, data); });
      }).catch(function () {
        self.dirty = true;
        self.failed = true;
        self.show("Kunde inte spara: ingen kontakt med servern. Texten finns kvar här och sparas när kontakten är tillbaka.", true);
        clearTimeout(self.timer);
        self.timer = setTimeout(function () { self.save(); }, RETRY);
      }).then(function () {
        self.saving = false;
        pending--;
      });
    };
    Group.prototype.handle = function (status, data) {
      if (status === 200 && data.ok) {
        this.versionInput.value = data.version;  // this part's version only
        this.failed = false;
        this.clearConflict();
        if (this.dirty) {
          // More was typed while this save was on its way: say so, not "Sparat".
          this.show("Ändrat – sparas strax …", false);
          return;
        }
        this.forget();
        this.show(data.saved_label, false);
        if (globalState) { globalState.textContent = data.saved_label; }
        if (data.progress) { showProgress(data.progress); }
      } else if (data.too_large) {
        // 413: more than the server takes in one post. Retrying would fail the same way, so it does
        // not; the text stays in the field and in the browser until it is shortened.
        this.failed = true;
        this.remember();
        this.show(data.error + " Texten finns kvar i fältet och i webbläsaren.", true);
      } else if (status === 409 && data.conflict) {
        this.failed = true;
        this.conflict(data.conflict, data.error);
      } else {
        this.failed = true;
        this.show((data.error || "Kunde inte spara.") + " Texten finns kvar i fältet.", true);
      }
    };
    Group.prototype.expired = function () {
      this.dirty = true;
      this.failed = true;
      this.remember();
      var link = document.createElement("a");
      link.href = loginUrl;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Logga in igen (öppnas i ett nytt fönster)";
      this.show("Din session har gått ut. Texten är inte förlorad: den finns kvar här och i webbläsaren. ", true);
      if (this.state) { this.state.appendChild(link); }
    };
    Group.prototype.clearConflict = function () {
      var box = this.el.querySelector(".js-conflict");
      if (box) { box.remove(); }
    };
    Group.prototype.conflict = function (c, message) {
      var self = this;
      this.clearConflict();
      var box = document.createElement("div");
      box.className = "alert alert-warning js-conflict mt-2";
      box.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.className = "mb-1";
      p.textContent = (c.theirs_author || "En kollega") + " sparade en annan text" + (c.theirs_at ? " kl. " + c.theirs_at : "") +
        ". Din text finns kvar i fältet. Välj vilken som ska gälla, eller slå ihop dem i fältet och välj ”Behåll min text”.";
      var label = document.createElement("p");
      label.className = "mb-1 fw-semibold";
      label.textContent = "Kollegans text" + (c.theirs_stance ? " (ställningstagande: " + stanceLabel(self, c.theirs_stance) + ")" : "") + ":";
      var theirs = document.createElement("div");
      theirs.className = "border bg-white p-2 mb-2 theirs-text";
      theirs.textContent = c.theirs_text || "(tom)";
      var mine = button("Behåll min text", function () {
        self.versionInput.value = c.version;
        self.clearConflict();
        self.changed(true);
      });
      var take = button("Använd kollegans text", function () {
        if (self.textarea) { self.textarea.value = c.theirs_text; }
        for (var i = 0; i < self.radios.length; i++) { self.radios[i].checked = self.radios[i].value === c.theirs_stance; }
        self.versionInput.value = c.version;
        self.dirty = false;
        self.forget();
        self.clearConflict();
        self.show("Kollegans text används.", false);
      });
      box.appendChild(p); box.appendChild(label); box.appendChild(theirs); box.appendChild(mine); box.appendChild(take);
      this.el.appendChild(box);
      this.show(message || "Krock med en kollegas ändring.", true);
    };

    // The table of contents and the status badge follow what the server has saved.
    function showProgress(progress) {
      var status = document.querySelector(".toc-status");
      if (status) { status.textContent = progress.label; }
      var badge = document.querySelector("[data-status-badge]");
      if (badge && progress.status_label) { badge.textContent = progress.status_label; }
      Object.keys(progress.sections || {}).forEach(function (id) {
        var count = document.querySelector("[data-section-count='" + id + "']");
        if (count) { count.textContent = progress.sections[id]; }
      });
      var answered = {};
      (progress.answered_ids || []).forEach(function (id) { answered[id] = true; });
      Array.prototype.forEach.call(document.querySelectorAll("[data-toc-proposal]"), function (li) {
        var done = !!answered[li.getAttribute("data-toc-proposal")];
        var yes = li.querySelector(".toc-done");
        var no = li.querySelector(".toc-todo");
        if (yes) { yes.hidden = !done; }
        if (no) { no.hidden = done; }
      });
    }

    function stanceLabel(group, value) {
      for (var i = 0; i < group.radios.length; i++) {
        if (group.radios[i].value === value) {
          var l = group.el.querySelector("label[for='" + group.radios[i].id + "']");
          return l ? l.textContent : value;
        }
      }
      return value;
    }
    function button(text, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-sm btn-outline-dark me-2";
      b.textContent = text;
      b.addEventListener("click", onClick);
      return b;
    }
    function post(group, keepalive) {
      var body = new URLSearchParams();
      body.set("field", group.key);
      body.set("text", group.text());
      body.set("stance", group.stance());
      body.set("version", group.versionInput.value);
      return fetch(url, {
        method: "POST", body: body, credentials: "same-origin", redirect: "manual", keepalive: keepalive,
        headers: { "X-CSRFToken": csrf, "HX-Request": "true", "Accept": "application/json" }
      });
    }
    function isJson(resp) { return (resp.headers.get("Content-Type") || "").indexOf("application/json") === 0; }

    var groups = {};
    Array.prototype.forEach.call(form.querySelectorAll(".autosave-group[data-field]"), function (el) {
      var g = new Group(el);
      if (!g.versionInput) { return; }  // without its own version a part is saved with the form only
      groups[g.key] = g;
      if (g.textarea) {
        g.textarea.addEventListener("input", function () { g.changed(false); });
        g.textarea.addEventListener("blur", function () { if (g.dirty) { g.changed(true); } });
      }
      Array.prototype.forEach.call(g.radios, function (r) { r.addEventListener("change", function () { g.changed(true); }); });
    });

    // Text typed before a failed save or an expired session comes back.
    var saved = load();
    var restored = 0;
    Object.keys(saved).forEach(function (key) {
      var g = groups[key];
      var s = saved[key];
      if (!g) { return; }
      if (g.text() === s.text && g.stance() === s.stance) { g.forget(); return; }
      if (g.textarea) { g.textarea.value = s.text; }
      for (var i = 0; i < g.radios.length; i++) { g.radios[i].checked = g.radios[i].value === s.stance; }
      g.versionInput.value = s.version;
      restored++;
      g.changed(true);
    });
    if (restored && globalState) {
      globalState.textContent = "Osparad text från förra gången är återställd och sparas nu.";
    }

    var submitting = false;
    form.addEventListener("submit", function () {
      submitting = true;
      Object.keys(groups).forEach(function (k) { if (groups[k].dirty) { groups[k].remember(); } });
    });
    // Leaving the page (a link, the back button, closing the tab) with text not yet saved: send it
    // with keepalive so the request outlives the page. The text also stays in localStorage until a
    // save is confirmed, and comes back on the next visit if this request does not arrive.
    window.addEventListener("pagehide", function () {
      if (submitting) { return; }
      Object.keys(groups).forEach(function (k) {
        var g = groups[k];
        if (g.dirty && !g.failed) { clearTimeout(g.timer); g.remember(); post(g, true).catch(function () {}); }
      });
    });
    // Ask before leaving only when a save has failed (no contact, expired session, conflict).
    window.addEventListener("beforeunload", function (e) {
      if (submitting) { return; }
      var failing = Object.keys(groups).some(function (k) { return groups[k].dirty && groups[k].failed; });
      if (failing) { e.preventDefault(); e.returnValue = ""; }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
