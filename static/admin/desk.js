/* The story desk (the story change form): live 字数, a warning before unsaved edits are
   lost, and what a credit line typed as printed will credit.  A static file, as the
   site's Content-Security-Policy allows no inline script. */
"use strict";

(function () {
  // Whitespace as Python's str.isspace() sees it (articles.blocks counts with \s in a
  // str pattern): JavaScript's \s differs (it adds U+FEFF and lacks U+001C-U+001F, U+0085).
  var SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var SPACES = new RegExp("[" + SPACE + "]+", "g");
  var BLANK_LINES = new RegExp("\\n[" + SPACE + "]*\\n");
  var EDGES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");

  function strip(text) {
    return text.replace(EDGES, "");
  }

  /* 字数 as articles.blocks.text_to_blocks and count_characters give it: blocks split
     at blank lines, the ## of an intertitle and the | of a stanza's lines left out,
     whitespace not counted, and a
     character outside the Basic Multilingual Plane counted once (as Python's len). */
  function countCharacters(text) {
    var total = 0;
    text = text.replace(/\r\n/g, "\n").replace(/\r/g, "\n");
    text.split(BLANK_LINES).forEach(function (chunk) {
      var lines = strip(chunk).split("\n").map(strip).filter(Boolean);
      if (!lines.length) {
        return;
      }
      if (lines[0].indexOf("##") === 0) {
        lines[0] = strip(lines[0].replace(/^#+/, ""));
      } else if (lines.every(function (line) { return line.indexOf("|") === 0; })) {
        lines = lines.map(function (line) { return strip(line.slice(1)); });  /* a stanza */
      }
      total += Array.from(lines.join("").replace(SPACES, "")).length;
    });
    return total;
  }
  window.newsroomCountCharacters = countCharacters;

  function liveCount() {
    var body = document.getElementById("id_body");
    var output = document.getElementById("desk-char-count");
    if (!body || !output) {
      return;
    }
    var pageTotal = document.getElementById("desk-page-total");
    var update = function () {
      var count = countCharacters(body.value);
      output.textContent = String(count);
      if (pageTotal) {
        pageTotal.textContent = String(Number(pageTotal.dataset.others || 0) + count);
      }
    };
    body.addEventListener("input", update);
    update();
  }

  function warnBeforeLeaving() {
    var form = document.getElementById("article_form");
    if (!form) {
      return;
    }
    // What the form would post, compared with what it posted when the page was ready:
    // edits by typing, by the search boxes (whose jQuery events native listeners do not
    // hear) and by added or deleted rows all count, and a script that only sets the
    // form up does not.  Inputs outside the form that belong to it (form="article_form",
    // the workflow's comment) are part of it.
    var state = function () {
      var parts = [];
      new FormData(form).forEach(function (value, name) {
        parts.push(name + "=" + (typeof value === "string" ? value : value.name));
      });
      return parts.join("&");
    };
    var saved = null;
    var submitting = false;
    // Once the admin's own scripts have set the form up (they run on DOMContentLoaded),
    // before the pictures have loaded: an editor may start typing at once.
    var snapshot = function () {
      if (saved === null) {
        saved = state();
      }
    };
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(snapshot, 0);
    });
    window.addEventListener("load", snapshot);
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && saved !== null && state() !== saved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function creditPreviews() {
    var panel = document.getElementById("desk-panel");
    var url = panel && panel.dataset.creditsUrl;
    if (!url) {
      return;
    }
    var timers = new WeakMap();

    function show(input, data) {
      var box = input.parentNode.querySelector(".desk-credit-preview");
      if (!box) {
        box = document.createElement("div");
        box.className = "desk-credit-preview";
        box.setAttribute("aria-live", "polite");
        input.insertAdjacentElement("afterend", box);
      }
      box.textContent = "";
      if (data.error) {
        box.classList.add("errors");
        box.textContent = data.error;
        return;
      }
      box.classList.remove("errors");
      var list = document.createElement("ul");
      data.bylines.forEach(function (byline) {
        var item = document.createElement("li");
        item.className = byline.new ? "desk-new" : "desk-known";
        item.textContent = byline.printed + "：" + byline.status;
        list.appendChild(item);
      });
      box.appendChild(list);
      (data.roles || []).forEach(function (role) {
        var note = document.createElement("p");
        note.className = "desk-new-role";
        note.textContent = role.status;
        box.appendChild(note);
      });
      if (data.summary) {
        var summary = document.createElement("p");
        summary.className = "desk-prints-as";
        summary.textContent = data.summary;
        box.appendChild(summary);
      }
    }

    var asked = new WeakMap();

    function ask(input) {
      // Only the answer to the latest question shows: an earlier one may arrive last.
      var number = (asked.get(input) || 0) + 1;
      asked.set(input, number);
      // Spacing as the form compares it (runs of spaces are one): a line padded with
      // thousands of spaces asks about its words, not about its first spaces.
      var line = input.value.replace(SPACES, " ").replace(EDGES, "");
      var query = new URLSearchParams({ line: line });
      if (input.classList.contains("desk-photo-credit")) {
        query.set("photo", "1");
      }
      fetch(url + "?" + query.toString(), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && asked.get(input) === number) {
            show(input, data);
          }
        });
    }

    document.addEventListener("input", function (event) {
      var input = event.target;
      if (!input.classList || !input.classList.contains("desk-credit-line")) {
        return;
      }
      clearTimeout(timers.get(input));
      timers.set(
        input,
        setTimeout(function () {
          ask(input);
        }, 250)
      );
    });
  }

  function start() {
    liveCount();
    warnBeforeLeaving();
    creditPreviews();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
