// dossier: filter the timeline by actor and tag, in the browser, without a server.
// The filter state lives in the URL query (?actor=…&tag=…) so a filtered view can be shared.
(function () {
  "use strict";

  function setup() {
    var form = document.querySelector("[data-dossier-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-event"));
    var count = form.querySelector("output");
    var template = form.getAttribute("data-count-template");
    var params = new URLSearchParams(window.location.search);
    form.actor.value = params.get("actor") || "";
    form.tag.value = params.get("tag") || "";

    function apply() {
      var actor = form.actor.value, tag = form.tag.value, shown = 0;
      events.forEach(function (li) {
        var ok = (!actor || li.dataset.actors.split(" ").indexOf(actor) >= 0) &&
                 (!tag || li.dataset.tags.split(" ").indexOf(tag) >= 0);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      // Hide a period's heading when none of its events is shown.
      document.querySelectorAll(".dossier-timeline").forEach(function (list) {
        var visible = list.querySelector(".dossier-event:not([hidden])") !== null;
        list.hidden = !visible;
        var heading = list.previousElementSibling;
        if (heading && /^H[23]$/.test(heading.tagName)) heading.hidden = !visible;
      });
      count.textContent = template.replace("{shown}", shown).replace("{total}", events.length);
      var query = new URLSearchParams();
      if (actor) query.set("actor", actor);
      if (tag) query.set("tag", tag);
      var url = window.location.pathname + (query.toString() ? "?" + query : "") + window.location.hash;
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
