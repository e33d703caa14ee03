// dateline serve: brushing the date histogram. Clicking a bar follows its link
// (that bucket's dates); dragging across bars narrows to the whole range.
(function () {
  "use strict";
  var svg = document.getElementById("histogram");
  if (!svg) { return; }
  var bars = Array.prototype.slice.call(svg.querySelectorAll("a.bar"));
  var from = null, to = null;
  function mark() {
    bars.forEach(function (bar, i) {
      var on = from !== null && i >= Math.min(from, to) && i <= Math.max(from, to);
      bar.classList.toggle("brushed", on);
    });
  }
  bars.forEach(function (bar, i) {
    bar.addEventListener("mousedown", function (event) {
      event.preventDefault();
      from = i; to = i; mark();
    });
    bar.addEventListener("mouseenter", function () {
      if (from !== null) { to = i; mark(); }
    });
  });
  document.addEventListener("mouseup", function () {
    if (from === null) { return; }
    var lo = Math.min(from, to), hi = Math.max(from, to);
    from = null; mark();
    // One bar: the browser's click follows its link. Across bars (mousedown and
    // mouseup on different links, so no click fires): the whole range.
    if (lo === hi) { return; }
    var url = new URL(window.location.href);
    url.searchParams.set("since", bars[lo].dataset.start);
    url.searchParams.set("until", bars[hi].dataset.end);
    url.searchParams.delete("page");
    window.location.assign(url.toString());
  });
})();
