// The story-area editor: the page's areas drawn over its picture, moved, resized, added
// and removed with the mouse (or a finger); the form posts them as JSON.  A static file,
// as the admin's CSP asks; boxes are placed through the CSSOM, never a style attribute.
(function () {
  "use strict";

  var MIN = 0.01;

  function init() {
    var editor = document.querySelector("[data-area-editor]");
    var dataNode = document.getElementById("area-data");
    if (!editor || !dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    var form = document.querySelector("[data-area-form]");
    var field = form.querySelector('input[name="areas"]');
    var picker = form.querySelector("[data-area-story]");
    var editable = editor.classList.contains("is-editable");
    var areas = data.areas.map(function (area) { return Object.assign({}, area); });
    var selected = null;

    function clamp(area) {
      area.width = Math.min(Math.max(area.width, MIN), 1);
      area.height = Math.min(Math.max(area.height, MIN), 1);
      area.left = Math.min(Math.max(area.left, 0), 1 - area.width);
      area.top = Math.min(Math.max(area.top, 0), 1 - area.height);
    }

    function place(area) {
      var box = area.node;
      box.style.left = area.left * 100 + "%";
      box.style.top = area.top * 100 + "%";
      box.style.width = area.width * 100 + "%";
      box.style.height = area.height * 100 + "%";
    }

    function store() {
      field.value = JSON.stringify(areas.map(function (area) {
        return {
          id: area.id || null, article: area.article,
          left: area.left, top: area.top, width: area.width, height: area.height
        };
      }));
      var covered = {};
      areas.forEach(function (area) { covered[area.article] = true; });
      var missing = 0;
      document.querySelectorAll("[data-area-missing] li[data-article]").forEach(function (item) {
        item.hidden = Boolean(covered[item.getAttribute("data-article")]);
        if (!item.hidden) missing += 1;
      });
      var none = document.querySelector("[data-area-missing] li.none");
      if (none) none.hidden = missing > 0;
    }

    function select(area) {
      areas.forEach(function (other) { other.node.classList.toggle("is-selected", other === area); });
      selected = area;
    }

    function draw(area) {
      var box = document.createElement("div");
      box.className = "area-box" + (area.source === "auto" ? "" : " is-manual");
      box.setAttribute("data-article", area.article);
      var label = document.createElement("span");
      label.className = "area-label";
      label.textContent = data.stories[String(area.article)] || "";
      box.appendChild(label);
      box.title = label.textContent;
      if (editable) {
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "area-remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", (editor.getAttribute("data-remove") || "×") + " " + label.textContent);
        remove.addEventListener("click", function (event) {
          event.stopPropagation();
          areas.splice(areas.indexOf(area), 1);
          box.remove();
          store();
        });
        box.appendChild(remove);
        var handle = document.createElement("span");
        handle.className = "area-resize";
        handle.setAttribute("data-resize", "");
        box.appendChild(handle);
      }
      area.node = box;
      place(area);
      editor.appendChild(box);
      return area;
    }

    function fraction(event) {
      var rect = editor.getBoundingClientRect();
      return { x: (event.clientX - rect.left) / rect.width, y: (event.clientY - rect.top) / rect.height };
    }

    areas.forEach(draw);
    store();
    if (!editable) return;

    var action = null;
    editor.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || event.target.closest(".area-remove")) return;
      var at = fraction(event);
      var box = event.target.closest(".area-box");
      if (box) {
        var area = areas.filter(function (a) { return a.node === box; })[0];
        select(area);
        action = {
          kind: event.target.hasAttribute("data-resize") ? "resize" : "move",
          area: area, start: at,
          origin: { left: area.left, top: area.top, width: area.width, height: area.height }
        };
      } else {
        var made = draw({ article: Number(picker.value), left: at.x, top: at.y, width: MIN, height: MIN, source: "manual" });
        areas.push(made);
        select(made);
        action = { kind: "draw", area: made, start: at, origin: { left: at.x, top: at.y, width: 0, height: 0 } };
      }
      editor.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    editor.addEventListener("pointermove", function (event) {
      if (!action) return;
      var at = fraction(event);
      var dx = at.x - action.start.x;
      var dy = at.y - action.start.y;
      var area = action.area;
      var origin = action.origin;
      if (action.kind === "move") {
        area.left = origin.left + dx;
        area.top = origin.top + dy;
      } else if (action.kind === "resize") {
        area.width = origin.width + dx;
        area.height = origin.height + dy;
      } else {
        area.left = Math.min(action.start.x, at.x);
        area.top = Math.min(action.start.y, at.y);
        area.width = Math.abs(dx);
        area.height = Math.abs(dy);
      }
      clamp(area);
      place(area);
    });
    function finish() {
      if (!action) return;
      if (action.kind === "draw" && (action.area.width < 0.02 || action.area.height < 0.02)) {
        // A click, not a drag: no area of almost no size.
        areas.splice(areas.indexOf(action.area), 1);
        action.area.node.remove();
      }
      action = null;
      store();
    }
    editor.addEventListener("pointerup", finish);
    editor.addEventListener("pointercancel", finish);

    form.querySelector("[data-area-add]").addEventListener("click", function () {
      var made = draw({ article: Number(picker.value), left: 0.35, top: 0.4, width: 0.3, height: 0.2, source: "manual" });
      areas.push(made);
      select(made);
      store();
    });
    form.addEventListener("submit", store);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
