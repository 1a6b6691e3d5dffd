/* The shared page's behaviour: the persona and journey filters, the touchpoint panel,
   the pains table's sorting and filters, and the pictures' zoom. The page is whole
   without it; this script only adds to it. Listeners sit on the document, so that
   cjmap preview can swap in a rebuilt body and call cjmapPage.init() again. */
(function () {
  "use strict";
  var doc = document;
  var details = {};
  var lastFocus = null;

  function mapOf(el) {
    var scope = el.closest("[data-map]");
    return scope ? scope.getAttribute("data-map") : "0";
  }

  function words(el, name) {
    var value = el.getAttribute(name);
    return value === null ? null : value.split(" ").filter(Boolean);
  }

  function show(el, visible) {
    if (visible) {
      el.removeAttribute("hidden");
    } else {
      el.setAttribute("hidden", "");
    }
  }

  function filterSelect(kind) {
    return doc.querySelector('select[data-filter="' + kind + '"]');
  }

  function chosen() {
    var persona = filterSelect("persona");
    var journey = filterSelect("journey");
    return {
      persona: persona ? persona.value : "",
      journey: journey ? journey.value : ""
    };
  }

  /* Whether touchpoint `id` of map `map` is kept by the persona and journey picked. */
  function keeps(map, id, picked) {
    var article = details[map + " " + id];
    if (!article) {
      return true;
    }
    var personas = words(article, "data-personas");
    if (picked.persona && personas !== null && personas.indexOf(picked.persona) < 0) {
      return false;
    }
    var journeys = words(article, "data-journeys") || [];
    return !picked.journey || journeys.indexOf(picked.journey) >= 0;
  }

  function journeyKept(el, picked) {
    if (picked.persona && el.getAttribute("data-persona") !== picked.persona) {
      return false;
    }
    return !picked.journey || el.getAttribute("data-journey") === picked.journey;
  }

  function painKept(row, picked) {
    var table = row.closest("section");
    var about = row.getAttribute("data-about");
    var keep = about === null || keeps(mapOf(row), about, picked);
    if (!table) {
      return keep;
    }
    table.querySelectorAll("select[data-pain-filter]").forEach(function (select) {
      var want = select.value;
      if (!want || !keep) {
        return;
      }
      var kind = select.getAttribute("data-pain-filter");
      if (kind === "severity") {
        var order = ["low", "medium", "high", "critical"];
        keep = order.indexOf(row.getAttribute("data-severity")) >= order.indexOf(want);
      } else if (kind === "stage") {
        keep = row.getAttribute("data-stage") === want;
      } else if (kind === "channel") {
        keep = (words(row, "data-channels") || []).indexOf(want) >= 0;
      } else if (kind === "persona") {
        keep = (words(row, "data-personas") || []).indexOf(want) >= 0;
      }
    });
    return keep;
  }

  function applyFilters() {
    var picked = chosen();
    var journeySelect = filterSelect("journey");
    if (journeySelect) {
      /* A journey of another persona cannot be picked with a persona. */
      Array.prototype.forEach.call(journeySelect.options, function (option) {
        var persona = option.getAttribute("data-persona");
        option.disabled = Boolean(picked.persona && persona && persona !== picked.persona);
      });
      if (journeySelect.selectedOptions.length && journeySelect.selectedOptions[0].disabled) {
        journeySelect.value = "";
        picked.journey = "";
      }
    }
    var total = 0;
    var kept = 0;
    doc.querySelectorAll("[data-touchpoint], [data-about]").forEach(function (el) {
      if (el.hasAttribute("data-pain")) {
        return;
      }
      var id = el.getAttribute("data-touchpoint") || el.getAttribute("data-about");
      var keep = keeps(mapOf(el), id, picked);
      show(el, keep);
      if (el.hasAttribute("data-details")) {
        total += 1;
        kept += keep ? 1 : 0;
      }
    });
    doc.querySelectorAll("[data-journey]").forEach(function (el) {
      if (el.tagName.toLowerCase() !== "option") {
        show(el, journeyKept(el, picked));
      }
    });
    doc.querySelectorAll("tr[data-pain]").forEach(function (row) {
      show(row, painKept(row, picked));
    });
    doc.querySelectorAll(".pain-count").forEach(function (status) {
      var section = status.closest("section");
      var rows = section.querySelectorAll("tr[data-pain]");
      var visible = section.querySelectorAll("tr[data-pain]:not([hidden])");
      status.textContent = "Showing " + visible.length + " of " + rows.length + " pains.";
      show(status, true);
    });
    var status = doc.querySelector(".filter-status");
    if (status) {
      status.textContent = picked.persona || picked.journey
        ? "Showing " + kept + " of " + total + " touchpoints."
        : "";
    }
  }

  function openPanel(trigger) {
    var id = trigger.getAttribute("data-touchpoint");
    var article = details[mapOf(trigger) + " " + id];
    var panel = doc.getElementById("panel");
    if (!article || !panel) {
      return;
    }
    var copy = article.cloneNode(true);
    copy.removeAttribute("hidden");
    copy.removeAttribute("data-about");
    copy.removeAttribute("data-details");
    copy.removeAttribute("aria-labelledby");
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(function (el) {
      el.removeAttribute("id");
    });
    var heading = copy.querySelector("h1, h2, h3, h4, h5, h6");
    if (heading) {
      heading.id = "panel-title";
      heading.setAttribute("tabindex", "-1");
    }
    panel.querySelector(".panel-body").replaceChildren(copy);
    panel.removeAttribute("aria-label");
    panel.setAttribute("aria-labelledby", "panel-title");
    panel.setAttribute("data-open", mapOf(trigger) + " " + id);
    if (!panel.hidden) {
      /* Switching from one touchpoint to another keeps the way back to the first trigger. */
    } else {
      lastFocus = trigger;
    }
    panel.hidden = false;
    (heading || panel.querySelector(".close")).focus();
  }

  function closePanel() {
    var panel = doc.getElementById("panel");
    if (!panel || panel.hidden) {
      return;
    }
    panel.hidden = true;
    panel.removeAttribute("data-open");
    if (lastFocus && doc.contains(lastFocus)) {
      lastFocus.focus();
    }
    lastFocus = null;
  }

  function sortBy(header) {
    var table = header.closest("table");
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var numeric = header.getAttribute("data-sort") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.cells[column];
      var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
      if (numeric) {
        return value === "" ? Infinity : Number(value);
      }
      return value.trim().toLowerCase();
    }
    rows.sort(function (a, b) {
      var x = key(a);
      var y = key(b);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function upgrade() {
    /* Controls that only work with this script appear with it. */
    doc.querySelectorAll(".toolbar, .pain-filters, .zoom").forEach(function (el) {
      show(el, true);
    });
    doc.querySelectorAll("th[data-sort]").forEach(function (th) {
      if (th.querySelector("button")) {
        return;
      }
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.replaceChildren(button);
    });
  }

  function init() {
    details = {};
    doc.querySelectorAll("[data-details]").forEach(function (article) {
      details[mapOf(article) + " " + article.getAttribute("data-details")] = article;
    });
    upgrade();
    applyFilters();
    doc.documentElement.setAttribute("data-ready", "1");
  }

  /* What cjmap preview keeps across a rebuild: the filters and the open panel. */
  function state() {
    var panel = doc.getElementById("panel");
    var filters = {};
    doc.querySelectorAll("select[data-filter], select[data-pain-filter]").forEach(function (select) {
      if (select.id) {
        filters[select.id] = select.value;
      }
    });
    return { filters: filters, open: panel && !panel.hidden ? panel.getAttribute("data-open") : null };
  }

  function restore(saved) {
    Object.keys(saved.filters).forEach(function (id) {
      var select = doc.getElementById(id);
      if (select && Array.prototype.some.call(select.options, function (o) { return o.value === saved.filters[id]; })) {
        select.value = saved.filters[id];
      }
    });
    applyFilters();
    if (saved.open) {
      var parts = saved.open.split(" ");
      var trigger = doc.querySelector('[data-map="' + parts[0] + '"] [data-touchpoint="' + CSS.escape(parts[1]) + '"]');
      if (trigger) {
        openPanel(trigger);
      }
    }
  }

  doc.addEventListener("click", function (event) {
    var target = event.target.closest("[data-touchpoint], .close, .zoom, th[data-sort] button");
    if (!target) {
      return;
    }
    if (target.hasAttribute("data-touchpoint")) {
      event.preventDefault();
      openPanel(target);
    } else if (target.classList.contains("close")) {
      closePanel();
    } else if (target.classList.contains("zoom")) {
      var figure = target.closest("figure");
      var fit = figure.classList.toggle("fit");
      target.textContent = fit ? "Actual size" : "Fit to width";
    } else {
      sortBy(target.closest("th"));
    }
  });

  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closePanel();
      return;
    }
    var target = event.target;
    if (!(target instanceof Element) || !target.hasAttribute("data-touchpoint")) {
      return;
    }
    /* Buttons open on Enter and Space by themselves (as a click); shapes in a picture
       are given the same keys here. */
    if (target.tagName.toLowerCase() !== "button" && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openPanel(target);
    }
  });

  doc.addEventListener("change", function (event) {
    if (event.target.matches("select[data-filter], select[data-pain-filter]")) {
      applyFilters();
    }
  });

  window.cjmapPage = { init: init, state: state, restore: restore };
  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
