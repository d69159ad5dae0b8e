// Accessibility fixes on top of the stock mdBook 0.5.4 theme, found by axe-core and Lighthouse
// (tests/browser/book.test.mjs runs axe on every page). It runs after book.js, at the end of
// <body>, and changes roles, attributes and one element: the look stays the stock look.
(function () {
    'use strict';

    // The sidebar toggle is a <label> carrying aria-label, aria-controls and aria-expanded,
    // which a label may not have (nor the role of a button), and it cannot take keyboard focus.
    // A real button takes its place. book.js keeps its handler on the label, which this click
    // still runs; the checkbox the label stood for then opens or closes the sidebar as before.
    const label = document.getElementById('mdbook-sidebar-toggle');
    const checkbox = document.getElementById('mdbook-sidebar-toggle-anchor');
    if (label && checkbox && label.tagName === 'LABEL') {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = label.className;
        for (const name of ['title', 'aria-label', 'aria-controls', 'aria-expanded']) {
            if (label.hasAttribute(name)) button.setAttribute(name, label.getAttribute(name));
        }
        button.append(...label.childNodes);
        label.replaceWith(button);
        button.id = 'mdbook-sidebar-toggle';
        button.addEventListener('click', function () {
            const wasChecked = checkbox.checked;
            label.click();
            if (checkbox.checked === wasChecked) checkbox.click();
        });
        checkbox.addEventListener('change', function () {
            button.setAttribute('aria-expanded', checkbox.checked);
        });
    }

    // The menu bar (sidebar toggle, title, print link) sat outside every landmark.
    const menuBar = document.getElementById('mdbook-menu-bar');
    if (menuBar) {
        menuBar.setAttribute('role', 'banner');
    }
    const searchForm = document.getElementById('mdbook-searchbar-outer');
    if (searchForm) {
        searchForm.setAttribute('role', 'search');
    }

    // A code block wider than the page scrolls sideways; keyboard users can scroll it only if
    // it can take focus.
    document.querySelectorAll('pre > code').forEach(function (code) {
        code.setAttribute('tabindex', '0');
    });
})();

// Layout on a phone (fixes.css says what each part is for; tests/browser/book.test.mjs measures
// every page at 390 and 1366 px). What changes the layout is done in head.hbs, before the first
// paint; this only draws.
(function () {
    'use strict';

    // A code block that scrolls sideways gets the shadows that show it does; measured again
    // whenever its width changes (a phone turned, a sidebar opened).
    const blocks = document.querySelectorAll('pre > code');
    const mark = function (code) {
        code.classList.toggle('scrolls', code.scrollWidth > code.clientWidth);
    };
    const observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { mark(entry.target); });
    });
    blocks.forEach(function (code) { observer.observe(code); });
})();
