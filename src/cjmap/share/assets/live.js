/* cjmap preview: when the server says the page was rebuilt, fetch it and swap in its
   body, keeping the persona and journey picked, the open panel and the scroll
   position. Only a page served by cjmap preview carries this script. */
(function () {
  "use strict";
  var doc = document;
  var current = doc.documentElement.getAttribute("data-build");
  var fetching = false;
  var wanted = null;

  function refresh() {
    if (fetching) {
      return;
    }
    fetching = true;
    fetch("/", { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("the page could not be fetched: " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var build = fresh.documentElement.getAttribute("data-build");
        var saved = window.cjmapPage ? window.cjmapPage.state() : null;
        var x = window.scrollX;
        var y = window.scrollY;
        doc.body.replaceWith(doc.adoptNode(fresh.body));
        doc.title = fresh.title;
        doc.documentElement.setAttribute("data-build", build);
        current = build;
        if (window.cjmapPage) {
          window.cjmapPage.init();
          if (saved) {
            window.cjmapPage.restore(saved);
          }
        }
        window.scrollTo(x, y);
      })
      .catch(function () {
        /* The next event tries again. */
      })
      .then(function () {
        fetching = false;
        if (wanted !== null && wanted !== current) {
          refresh();
        }
      });
  }

  var events = new EventSource("/events");
  events.addEventListener("build", function (event) {
    wanted = event.data;
    if (event.data !== current) {
      refresh();
    }
  });
})();
