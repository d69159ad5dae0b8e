// Makes tabs of each mdbook-listing figure that shows a listing's Rust program and its asyncio
// twin (`.listing-programs`), as in the WAI-ARIA tabs pattern: a tab list above the panels, one
// panel shown at a time, Left and Right arrows, Home and End to move between the tabs. Without
// JavaScript, and in print (listing.css), both panels stand one under the other. A link to the
// twin (`#listing-1-3-twin`) opens its tab.
(function () {
    'use strict';

    let count = 0;
    const groups = [];

    for (const group of document.querySelectorAll('.listing-programs')) {
        const panels = Array.from(group.children).filter(function (child) {
            return child.classList.contains('listing-program');
        });
        if (panels.length < 2) continue;
        const figure = group.closest('figure');
        const number = figure && figure.id.replace(/^listing-/, '');
        const list = document.createElement('div');
        list.className = 'listing-tabs';
        list.setAttribute('role', 'tablist');
        list.setAttribute('aria-label', number ? 'Listing ' + number + ', programs' : 'Programs');
        const tabs = panels.map(function (panel) {
            count += 1;
            const tab = document.createElement('button');
            tab.type = 'button';
            tab.id = 'listing-tab-' + count;
            tab.setAttribute('role', 'tab');
            tab.textContent = panel.getAttribute('data-label') || 'Program';
            if (!panel.id) panel.id = 'listing-panel-' + count;
            tab.setAttribute('aria-controls', panel.id);
            panel.setAttribute('role', 'tabpanel');
            panel.setAttribute('aria-labelledby', tab.id);
            panel.tabIndex = 0;
            list.append(tab);
            return tab;
        });

        const select = function (chosen, focus) {
            tabs.forEach(function (tab, index) {
                const selected = index === chosen;
                tab.setAttribute('aria-selected', String(selected));
                tab.tabIndex = selected ? 0 : -1;
                panels[index].hidden = !selected;
            });
            if (focus) tabs[chosen].focus();
        };
        tabs.forEach(function (tab, index) {
            tab.addEventListener('click', function () {
                select(index, false);
            });
        });
        list.addEventListener('keydown', function (event) {
            const current = tabs.indexOf(document.activeElement);
            const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: -1 };
            if (current < 0 || !(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            // book.js turns the page on Left and Right; here they move between the tabs.
            event.preventDefault();
            event.stopPropagation();
            select((moves[event.key] + tabs.length) % tabs.length, true);
        });
        group.prepend(list);
        select(0, false);
        groups.push({ panels: panels, select: select });
    }

    // A link to an element inside a hidden panel opens that panel. On loading, this runs before
    // the browser scrolls to the link's target; after a link on the page, it scrolls there.
    const reveal = function (scroll) {
        const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (!target) return;
        for (const group of groups) {
            const index = group.panels.findIndex(function (panel) {
                return panel.contains(target);
            });
            if (index >= 0 && group.panels[index].hidden) {
                group.select(index, false);
                if (scroll) target.scrollIntoView();
            }
        }
    };
    window.addEventListener('hashchange', function () {
        reveal(true);
    });
    reveal(false);
})();
