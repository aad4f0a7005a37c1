/* "Someone is editing" (articles/editorial/presence.py): when an editor leaves a story's
   change form without saving it (closes the tab, follows a link, goes back), tell the
   server at once instead of leaving the notice up for ten minutes.  A save clears it on
   the server.  A static file: the Content-Security-Policy allows no inline script. */
"use strict";

(function () {
  var match = window.location.pathname.match(/^(.*\/)change\/$/);
  if (!match || !navigator.sendBeacon) {
    return;
  }
  var leaveUrl = match[1] + "leave/";
  var submitting = false;

  document.addEventListener("submit", function () {
    submitting = true;
  }, true);

  window.addEventListener("pagehide", function () {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (submitting || !token) {
      return;
    }
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token.value);
    navigator.sendBeacon(leaveUrl, data);
  });
})();
