// dossier: search on a site opened from a folder (file://), without a server and without a third party.
//
// Chromium refuses `new Worker(url)` on a file:// page, so Material's search worker cannot start there.
// Material's offline plugin inlines the search index into search/search_index.js and suggests the
// `iframe-worker` shim from a CDN, which would make every page load ask another host. This is our own
// small stand-in: on file:// only, `Worker` becomes an object that runs the worker script inside a hidden
// same-origin iframe and passes messages by events. Material's worker supports this: it looks for
// `IFrameWorker` in its parent and awaits `importScripts`, which here loads scripts one after another.
(function () {
  "use strict";
  if (window.location.protocol !== "file:" || window.IFrameWorker) return;

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + url)); };
      doc.head.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var self = this;
      this.onmessage = null;
      this.onerror = null;
      this._queue = [];
      this._frame = document.createElement("iframe");
      this._frame.hidden = true;
      this._frame.tabIndex = -1;
      this._frame.setAttribute("aria-hidden", "true");
      this._frame.title = "search";
      (document.body || document.documentElement).appendChild(this._frame);
      var win = this._frame.contentWindow, doc = this._frame.contentDocument;
      win.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, src) {
          return done.then(function () { return loadScript(doc, new URL(src, window.location.href).href); });
        }, Promise.resolve());
      };
      win.postMessage = function (data) { self._emit("message", data); };
      loadScript(doc, new URL(url, window.location.href).href).then(function () {
        self._win = win;
        var queued = self._queue;
        self._queue = null;
        queued.forEach(function (data) { self.postMessage(data); });
      }, function (error) { self._emit("error", error); });
    }

    _emit(type, data) {
      var event = type === "message" ? new MessageEvent("message", { data: data })
                                     : new ErrorEvent("error", { error: data, message: String(data) });
      var handler = type === "message" ? this.onmessage : this.onerror;
      if (handler) handler.call(this, event);
      this.dispatchEvent(event);
    }

    postMessage(data) {
      if (this._queue) { this._queue.push(data); return; }
      var win = this._win;
      setTimeout(function () { win.dispatchEvent(new win.MessageEvent("message", { data: data })); }, 0);
    }

    terminate() {
      this._queue = [];
      if (this._frame.parentNode) this._frame.parentNode.removeChild(this._frame);
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
