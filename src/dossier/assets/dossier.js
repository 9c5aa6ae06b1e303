// dossier: filter the timeline by actor and tag, in the browser, without a server.
// The filter state lives in the URL query (?actor=…&tag=…) so a filtered view can be shared.
// On source pages: the highlight control and the card of an opened passage.
(function () {
  "use strict";

  function setup() {
    var form = document.querySelector("[data-dossier-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-event"));
    // The overview axis has one mark per event; the filter hides the same ones there.
    var marks = Array.prototype.slice.call(document.querySelectorAll(".dossier-axis__item"));
    var reset = form.querySelector(".dossier-filter__reset");
    var count = form.querySelector("output");
    var template = form.getAttribute("data-count-template");
    var params = new URLSearchParams(window.location.search);
    form.actor.value = params.get("actor") || "";
    form.tag.value = params.get("tag") || "";

    function apply() {
      var actor = form.actor.value, tag = form.tag.value, shown = 0;
      function matches(el) {
        return (!actor || el.dataset.actors.split(" ").indexOf(actor) >= 0) &&
               (!tag || el.dataset.tags.split(" ").indexOf(tag) >= 0);
      }
      events.forEach(function (li) {
        var ok = matches(li);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      marks.forEach(function (li) { li.hidden = !matches(li); });
      if (reset) reset.hidden = !(actor || tag);
      // Hide a period's heading when none of its events is shown.
      document.querySelectorAll(".dossier-timeline").forEach(function (list) {
        var visible = list.querySelector(".dossier-event:not([hidden])") !== null;
        list.hidden = !visible;
        var heading = list.previousElementSibling;
        if (heading && /^H[23]$/.test(heading.tagName)) {
          heading.hidden = !visible;
          // The table of contents and the jumps lose the period too.
          document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"], .dossier-jumps a[href="#' + heading.id + '"]')
            .forEach(function (a) { (a.closest("li") || a).hidden = !visible; });
        }
      });
      count.textContent = template.replace("{shown}", shown).replace("{total}", events.length);
      var query = new URLSearchParams();
      if (actor) query.set("actor", actor);
      if (tag) query.set("tag", tag);
      var url = window.location.pathname + (query.toString() ? "?" + query : "") + window.location.hash;
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
    }

    form.addEventListener("change", apply);
    if (reset) reset.addEventListener("click", function (e) {
      e.preventDefault();
      form.actor.value = "";
      form.tag.value = "";
      apply();
    });
    // On a narrow screen the axis scrolls sideways: start at its right end, the crowded recent years.
    var axis = document.querySelector("[data-dossier-axis]");
    if (axis && axis.scrollWidth > axis.clientWidth) axis.scrollLeft = axis.scrollWidth;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // ---- Source pages: which highlights show, remembered across pages -------------------------------------
  var KEY = "dossier-highlights";

  function storedHighlights() {
    try { return window.localStorage.getItem(KEY) || "all"; } catch (e) { return "all"; }
  }

  function setupHighlights() {
    var control = document.querySelector("[data-dossier-highlights]");
    if (!control || control.dataset.ready) return;
    control.dataset.ready = "1";
    var buttons = Array.prototype.slice.call(control.querySelectorAll("button[data-highlights]"));
    function show(mode) {
      document.documentElement.setAttribute("data-highlights", mode);
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.highlights === mode)); });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        show(b.dataset.highlights);
        try { window.localStorage.setItem(KEY, b.dataset.highlights); } catch (e) { /* private mode */ }
      });
    });
    show(storedHighlights());
  }

  // ---- Source pages: the card of the passage a link opened ------------------------------------------------
  // The note beside (or under) the paragraph says what the passage is evidence for; the card repeats it
  // right under the passage, with the way back and the other sources, so it needs no hovering.
  function closeCard() {
    var old = document.querySelector(".dossier-card");
    if (old) old.parentNode.removeChild(old);
    document.querySelectorAll(".dossier-anno--current").forEach(function (n) { n.classList.remove("dossier-anno--current"); });
  }

  function openCard(scroll) {
    closeCard();
    var id = decodeURIComponent(window.location.hash.slice(1));
    var mark = id && document.getElementById(id);
    var note = id && document.getElementById("n-" + id);
    if (!mark || !note || !mark.classList.contains("dossier-passage")) return;
    note.classList.add("dossier-anno--current");
    var body = note.querySelector(".dossier-anno__body");
    var card = document.createElement("span");
    card.className = "dossier-card " + note.className.replace("dossier-anno--current", "").replace("dossier-anno ", "");
    card.setAttribute("role", "note");
    var heading = document.createElement("span");
    heading.className = "dossier-card__heading";
    var headings = JSON.parse(document.querySelector("[data-dossier-card]").dataset.dossierCard);
    var kind = (note.className.match(/dossier-anno--(\w+)/) || [])[1];
    heading.textContent = headings[kind] || "";
    card.appendChild(heading);
    card.appendChild(body.cloneNode(true));
    // Back to the page the reader came from, if it is a page of this site (not on file://, which sends none).
    var from = document.referrer;
    if (from && from.split("#")[0] !== window.location.href.split("#")[0] &&
        from.indexOf(window.location.origin) === 0 && window.history.length > 1) {
      var back = document.createElement("a");
      back.href = from;
      back.textContent = "← " + headings.back;
      back.addEventListener("click", function (e) { e.preventDefault(); window.history.back(); });
      var line = document.createElement("span");
      line.className = "dossier-anno__back";
      line.appendChild(back);
      card.appendChild(line);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "dossier-card__close";
    close.setAttribute("aria-label", headings.close);
    close.textContent = "×";
    close.addEventListener("click", closeCard);
    card.appendChild(close);
    // After the passage's own number, which follows its highlight.
    var anchor = mark.closest("p").querySelector('a.dossier-nref[href="#' + CSS.escape(id) + '"]') || mark;
    anchor.parentNode.insertBefore(card, anchor.nextSibling);
    if (scroll) mark.scrollIntoView({block: "start"});
  }

  function setupCards() {
    if (!document.querySelector("[data-dossier-card]") || document.body.dataset.dossierCards) return;
    document.body.dataset.dossierCards = "1";
    window.addEventListener("hashchange", function () { openCard(true); });
    openCard(true);
  }

  function ready() {
    setup();
    setupHighlights();
    setupCards();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(ready);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
