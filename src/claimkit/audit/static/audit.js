/* claimkit audit: sort and filter the index's document table. No dependencies, no network.
 *
 * Loaded from a file of its own (the page's Content-Security-Policy allows no inline script);
 * handlers are attached here, never written into the HTML.
 */
(function () {
  "use strict";
  var table = document.getElementById("docs");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);
  // Title and path, read once: the filter runs on every key press over every row.
  var haystack = rows.map(function (row) {
    return (row.cells[0].textContent + " " + row.cells[1].textContent).toLowerCase();
  });
  var order = rows.map(function (_row, i) {
    return i;
  });
  var query = document.getElementById("q");
  var rule = document.getElementById("rule");
  var shown = document.getElementById("shown");

  function value(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.getAttribute("data-v");
    if (raw === null) {
      raw = cell.textContent.trim();
    }
    if (!numeric) {
      return raw.toLowerCase();
    }
    var number = parseFloat(raw);
    return isNaN(number) ? null : number;
  }

  function sortBy(column) {
    var th = heads[column];
    var numeric = th.getAttribute("data-type") === "num";
    var current = th.getAttribute("aria-sort");
    // Numbers start with the largest (the documents in most trouble), text from A.
    var ascending = current ? current !== "ascending" : !numeric;
    for (var i = 0; i < heads.length; i++) {
      heads[i].removeAttribute("aria-sort");
    }
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var sign = ascending ? 1 : -1;
    var keyed = order.map(function (index) {
      return [value(rows[index], column, numeric), index];
    });
    keyed.sort(function (a, b) {
      // Empty cells (no rated outlet) go last either way; ties keep the original order.
      if (a[0] === null || b[0] === null) {
        return a[0] === b[0] ? a[1] - b[1] : a[0] === null ? 1 : -1;
      }
      if (a[0] < b[0]) {
        return -sign;
      }
      if (a[0] > b[0]) {
        return sign;
      }
      return a[1] - b[1];
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (pair) {
      fragment.appendChild(rows[pair[1]]);
    });
    body.appendChild(fragment);
  }

  function filter() {
    var text = query.value.trim().toLowerCase();
    var code = rule.value;
    var visible = 0;
    rows.forEach(function (row, i) {
      var codes = " " + row.getAttribute("data-codes") + " ";
      var match =
        (!text || haystack[i].indexOf(text) !== -1) &&
        (!code || codes.indexOf(" " + code + " ") !== -1);
      row.hidden = !match;
      if (match) {
        visible += 1;
      }
    });
    shown.textContent = visible + " of " + rows.length + " documents";
  }

  // "#rule=CK101" (the links of the rules table) selects that rule.
  function fromHash() {
    var match = /^#rule=(CK[0-9]{3})$/.exec(window.location.hash);
    if (match) {
      rule.value = match[1];
      filter();
      table.scrollIntoView();
    }
  }

  Array.prototype.forEach.call(heads, function (th, column) {
    var button = th.querySelector("button");
    if (button) {
      button.addEventListener("click", function () {
        sortBy(column);
      });
    }
  });
  query.addEventListener("input", filter);
  rule.addEventListener("change", filter);
  window.addEventListener("hashchange", fromHash);
  filter();
  fromHash();
})();
