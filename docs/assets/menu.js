// The menu button. Material's drawer is a hidden checkbox opened by a <label>, which a keyboard
// cannot reach; here a real <button> takes the label's place, so Tab reaches it, Enter or Space
// opens the menu, aria-expanded says whether it is open, Tab stays in it and Escape closes it. A closed drawer's
// links are hidden (stillworried.css), so they give no tab stops. Without JavaScript the label
// stays and opens the menu when tapped.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " sw-menu-button";
  while (label.firstChild) button.appendChild(label.firstChild);  // the icon and the word "Menu"
  label.parentNode.replaceChild(button, label);

  function say() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }
  function set(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    say();
  }
  button.addEventListener("click", function () { set(!toggle.checked); });
  // While the drawer is open the page behind it is dimmed, so Tab goes round the Menu button and
  // the drawer's links only (a phone tester tabbed onto Search and onto half-covered buttons).
  var drawer = document.querySelector(".md-sidebar--primary");
  function stops() {
    var links = drawer ? Array.prototype.slice.call(drawer.querySelectorAll("a[href], button, [tabindex='0']")) : [];
    return [button].concat(links.filter(function (e) { return e.getClientRects().length > 0; }));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    } else if (event.key === "Tab" && toggle.checked && window.getComputedStyle(button).display !== "none") {
      var all = stops(), at = all.indexOf(document.activeElement);
      var next = at < 0 ? 0 : (at + (event.shiftKey ? all.length - 1 : 1)) % all.length;
      event.preventDefault();
      all[next].focus();
    }
  });
  toggle.addEventListener("change", say);
  say();
})();
