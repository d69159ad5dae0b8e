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
// every page at 390 and 1366 px).
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

    // Inline code: a short span never breaks (up to 30 characters, about 250 px, a command such
    // as `cargo run -p listing-10-01`; in a table's narrower columns up to 16); a longer one
    // breaks only between its words, each kept whole if short, and a longer word after a `::`,
    // a `/` or a `=`, or before a `.` that starts a name (`asyncio` / `.create_task(coro)`).
    document.querySelectorAll(':not(pre) > code').forEach(function (code) {
        if (code.children.length > 0) return;
        const SHORT = code.closest('td, th') ? 16 : 30;
        const text = code.textContent;
        if (text.length <= SHORT) {
            code.classList.add('code-short');
            return;
        }
        const parts = text.split(/( +)/).map(function (word) {
            if (word.trim() === '') return document.createTextNode(word);
            if (word.length <= SHORT) {
                const span = document.createElement('span');
                span.className = 'code-word';
                span.textContent = word;
                return span;
            }
            const pieces = document.createDocumentFragment();
            word.split(/(?<=::|\/|=)|(?<=[\w)])(?=\.[A-Za-z_]\w{3})/).forEach(function (piece, i) {
                if (i > 0) pieces.append(document.createElement('wbr'));
                pieces.append(piece);
            });
            return pieces;
        });
        code.replaceChildren(...parts);
    });

    // Tables: each cell labelled with its column's name, and the table's roles kept, which a
    // table laid out as blocks loses; a table wider than its wrapper becomes cards (fixes.css),
    // measured again whenever the wrapper's width changes.
    const cards = function (table) {
        table.classList.remove('cards');
        if (table.getBoundingClientRect().width > table.parentElement.clientWidth + 1) {
            table.classList.add('cards');
        }
    };
    const tables = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
            const table = entry.target.querySelector(':scope > table');
            if (table) cards(table);
        });
    });
    document.querySelectorAll('main table').forEach(function (table) {
        const names = Array.from(table.querySelectorAll('thead th')).map(function (th) {
            return th.textContent.trim();
        });
        table.setAttribute('role', 'table');
        table.querySelectorAll('thead, tbody').forEach(function (group) {
            group.setAttribute('role', 'rowgroup');
        });
        table.querySelectorAll('tr').forEach(function (row) {
            row.setAttribute('role', 'row');
            Array.from(row.children).forEach(function (cell, i) {
                if (cell.tagName === 'TH') {
                    cell.setAttribute('role', 'columnheader');
                } else {
                    cell.setAttribute('role', 'cell');
                    if (names[i]) cell.setAttribute('data-label', names[i]);
                }
            });
        });
        cards(table);
        tables.observe(table.parentElement);
    });
})();
