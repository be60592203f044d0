/* Convenience reply form: refresh the suggested documents while the question is typed.
   Progressive enhancement only: without this script the "find related documents" button does the same
   by reloading the page. Ticked documents are kept; everything is drawn with textContent, never HTML. */
(function () {
  "use strict";
  var source = document.querySelector("[data-suggest-source]");
  var panel = document.querySelector("[data-suggestions]");
  if (!source || !panel || !window.fetch) { return; }
  var documentsList = panel.querySelector("[data-suggestions-documents]");
  var repliesList = panel.querySelector("[data-suggestions-replies]");
  var status = panel.querySelector("[data-suggestions-status]");
  var timer = null;
  var pending = null;
  var lastQuery = source.value.trim();

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  function documentItem(doc) {
    var item = document.createElement("li");
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = "linked_items";
    box.value = String(doc.id);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + doc.title));
    var link = text("a", panel.dataset.msgOpen);
    link.href = doc.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.appendChild(text("span", " " + doc.title, "visually-hidden"));
    item.appendChild(label);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(text("span", doc.index_number, "meta"));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(link);
    return item;
  }

  function showDocuments(documents) {
    var kept = {};
    Array.prototype.slice.call(documentsList.children).forEach(function (item) {
      var box = item.querySelector("input[type=checkbox]");
      if (box && box.checked) { kept[box.value] = true; } else { item.remove(); }
    });
    documents.forEach(function (doc) {
      if (!kept[String(doc.id)]) { documentsList.appendChild(documentItem(doc)); }
    });
    var count = documentsList.children.length;
    status.textContent = count ? panel.dataset.msgFound + count : panel.dataset.msgNone;
  }

  function showReplies(replies) {
    repliesList.textContent = "";
    replies.forEach(function (reply) {
      var item = document.createElement("li");
      var link = text("a", reply.question);
      link.href = reply.url;
      item.appendChild(link);
      item.appendChild(text("p", reply.answer, "meta"));
      repliesList.appendChild(item);
    });
  }

  function search() {
    var query = source.value.trim();
    if (query === lastQuery || query.length < 2) { return; }
    lastQuery = query;
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var url = new URL(panel.dataset.url, window.location.href);
    url.searchParams.set("q", query);
    if (panel.dataset.exclude) { url.searchParams.set("exclude", panel.dataset.exclude); }
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, signal: pending.signal })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (found) {
        if (!found) { return; }
        showDocuments(found.documents);
        showReplies(found.replies);
      })
      .catch(function () { /* The button still works; a failed look-up changes nothing. */ });
  }

  source.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 400);
  });
})();
