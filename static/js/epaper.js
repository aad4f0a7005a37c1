// The 数字报 page: story areas light up with their title in the list (and the other way
// round), and the page picture can be zoomed and dragged.  A static file, as the site's
// CSP asks; without it the areas and titles are still plain links.
(function () {
  "use strict";

  var LEVELS = [1, 1.5, 2, 3];

  function marked(article) {
    return document.querySelectorAll('[data-article="' + article + '"]');
  }

  function highlight(event, on) {
    var item = event.target.closest && event.target.closest("[data-article]");
    if (!item) return;
    marked(item.getAttribute("data-article")).forEach(function (node) {
      node.classList.toggle("is-active", on);
    });
  }

  function linkAreasAndTitles() {
    document.querySelectorAll(".epaper-areas, .epaper-titles").forEach(function (holder) {
      holder.addEventListener("mouseover", function (e) { highlight(e, true); });
      holder.addEventListener("mouseout", function (e) { highlight(e, false); });
      holder.addEventListener("focusin", function (e) { highlight(e, true); });
      holder.addEventListener("focusout", function (e) { highlight(e, false); });
    });
  }

  function zoomable(viewport) {
    var canvas = viewport.querySelector("[data-epaper-canvas]");
    var tools = viewport.parentNode.querySelector(".epaper-tools");
    var level = 0;

    function zoomTo(next) {
      next = Math.max(0, Math.min(LEVELS.length - 1, next));
      // Keep the point in the middle of the view where it was.
      var middleX = (viewport.scrollLeft + viewport.clientWidth / 2) / canvas.offsetWidth;
      var middleY = (viewport.scrollTop + viewport.clientHeight / 2) / canvas.offsetHeight;
      level = next;
      canvas.style.width = LEVELS[level] * 100 + "%";
      viewport.classList.toggle("is-zoomed", level > 0);
      viewport.scrollLeft = middleX * canvas.offsetWidth - viewport.clientWidth / 2;
      viewport.scrollTop = middleY * canvas.offsetHeight - viewport.clientHeight / 2;
    }

    if (tools) {
      tools.hidden = false;
      tools.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-zoom]");
        if (!button) return;
        var how = button.getAttribute("data-zoom");
        zoomTo(how === "in" ? level + 1 : how === "out" ? level - 1 : 0);
      });
    }

    // Drag with the mouse to move a zoomed page; fingers scroll the box natively.
    var start = null;
    var dragged = false;
    viewport.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || level === 0 || event.button !== 0) return;
      start = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
      dragged = false;
    });
    viewport.addEventListener("pointermove", function (event) {
      if (!start) return;
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 6) return;
      dragged = true;
      viewport.classList.add("is-dragging");
      viewport.scrollLeft = start.left - dx;
      viewport.scrollTop = start.top - dy;
    });
    function stop() {
      start = null;
      viewport.classList.remove("is-dragging");
    }
    viewport.addEventListener("pointerup", stop);
    viewport.addEventListener("pointerleave", stop);
    // A drag that ends on an area does not open its story.
    viewport.addEventListener("click", function (event) {
      if (dragged) {
        event.preventDefault();
        dragged = false;
      }
    }, true);
    viewport.addEventListener("dragstart", function (event) { event.preventDefault(); });
  }

  function init() {
    linkAreasAndTitles();
    document.querySelectorAll("[data-epaper-viewport]").forEach(zoomable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
