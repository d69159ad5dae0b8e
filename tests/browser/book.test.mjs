// End-to-end test of the built book (target/book, built by `cargo test`) in headless Chromium:
// every page loads without a console error or a request to another host and passes axe-core;
// search, next/previous navigation, the five themes, print view, 404 page and timelines work.
//
//   cd tests/browser && npm ci && npm test
//
// BOOK_DIR overrides the book folder; CHROMIUM the browser (default: Debian's /usr/bin/chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const builtBook = path.resolve(process.env.BOOK_DIR || path.join(repo, "target/book"));
// The test serves a copy, so a `cargo test` rebuilding target/book meanwhile cannot change the
// pages under it halfway through.
const bookDir = mkdtempSync(path.join(tmpdir(), "book-under-test-"));
const screenshotDir = path.join(repo, "target/screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const THEMES = ["light", "rust", "coal", "navy", "ayu"];
const SEARCH_TERM = "buffer_unordered";
// Pages audited at once, each in a browser context of its own. Auditing a page is half waiting
// (navigation, results crossing to node), so four keep two cores busy where two left them half
// idle: 128 s for the whole test with two, on the 2-core machine the book is written on.
const CONCURRENCY = 4;

/** The chapters SUMMARY.md links, in order (draft entries `[Title]()` have no page). */
function summaryChapters() {
  const summary = readFileSync(path.join(repo, "src/SUMMARY.md"), "utf8");
  return [...summary.matchAll(/\[(.+?)\]\(([^)]+\.md)\)/g)].map(([, title, file]) => ({
    title: title.replaceAll("`", ""),
    page: file.replace(/\.md$/, ".html"),
  }));
}

let server;
let browser; // one Chromium, with a fresh profile that playwright makes and removes
const contexts = []; // one per worker, each with storage of its own
let pages; // every .html file of the built book
const chapters = summaryChapters();

/** Fails the test with every problem at once, one per line. */
function assertNone(problems, what) {
  assert.equal(problems.length, 0, `${what}:\n  ${problems.join("\n  ")}`);
}

/** Runs `work` on every item, one tab in each context at a time. The contexts do not share
 * storage, so a theme chosen in one does not leak into a page loading in another. */
async function eachPage(items, work) {
  const queue = [...items];
  await Promise.all(
    contexts.map(async (context) => {
      const tab = await context.newPage();
      try {
        while (queue.length > 0) await work(tab, queue.shift());
      } finally {
        await tab.close();
      }
    }),
  );
}

/** Loads a page, recording console errors, uncaught exceptions and requests to other hosts. */
async function load(tab, page) {
  const events = { errors: [], foreign: [] };
  const onConsole = (message) => {
    if (message.type() === "error") {
      const { url } = message.location();
      events.errors.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
    }
  };
  const onPageError = (error) => events.errors.push(`uncaught exception: ${error.message}`);
  const onRequest = (request) => {
    const url = request.url();
    if (/^(https?|wss?):/.test(url) && new URL(url).origin !== server.origin) {
      events.foreign.push(url);
    }
  };
  tab.on("console", onConsole);
  tab.on("pageerror", onPageError);
  tab.on("request", onRequest);
  try {
    const response = await tab.goto(server.base + page, { waitUntil: "load" });
    events.status = response.status();
    // Let the scripts that run after `load` (sidebar, highlighting, search) finish.
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  } finally {
    tab.off("console", onConsole);
    tab.off("pageerror", onPageError);
    tab.off("request", onRequest);
  }
  return events;
}

/** Runs axe-core in the page, on the whole document or on the elements `selector` names, and
 * returns its violations. Only those cross to node: the passes of a page as long as print.html
 * are megabytes. */
async function axe(tab, options, selector = null) {
  if (!(await tab.evaluate(() => "axe" in window))) await tab.evaluate(axeSource);
  return tab.evaluate(
    async ([options, selector]) => {
      const context = selector ? { include: [[selector]] } : document;
      const only = { ...options, resultTypes: ["violations"] };
      const { violations } = await window.axe.run(context, only);
      return { violations };
    },
    [options, selector],
  );
}

function describe(page, violations) {
  return violations.map(
    (v) => `${page}: ${v.id} (${v.impact}) ${v.help}; ${v.nodes.length} node(s): ` +
      v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "),
  );
}

before(async () => {
  assert.ok(
    existsSync(path.join(builtBook, "index.html")),
    `no built book in ${builtBook}: run \`cargo test\` first (it builds the book there)`,
  );
  cpSync(builtBook, bookDir, { recursive: true });
  pages = readdirSync(bookDir)
    .filter((name) => name.endsWith(".html"))
    // toc.html is the sidebar for readers without JavaScript, shown only inside <noscript>.
    .filter((name) => name !== "toc.html")
    .sort();
  server = await serve(bookDir);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  for (let i = 0; i < CONCURRENCY; i++) {
    contexts.push(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(bookDir, { recursive: true, force: true });
});

/** Chooses a theme the way a reader does, from the theme menu. */
async function chooseTheme(tab, theme) {
  if (!(await tab.locator("#mdbook-theme-list").isVisible())) await tab.click("#mdbook-theme-toggle");
  await tab.click(`#mdbook-theme-${theme}`);
  assert.ok(
    await tab.evaluate((t) => document.documentElement.classList.contains(t), theme),
    `the theme menu did not switch to ${theme}`,
  );
  // Colours fade from one theme to the next: measure them once the transitions have ended.
  await tab.waitForFunction(() => document.getAnimations().length === 0);
}

// One pass over every page, as loading and auditing a page is what takes the time; each test
// below reports its own share of the problems found. The light theme is the default one, which
// the full audit sees.
const found = {
  load: [],
  axe: [],
  contrast: [],
  timelines: [],
  timelineCount: 0,
  themes: 1,
  keys: [], // where → and ← do not lead to the next and previous chapters
  keysTried: 0, // chapters on which both keys were tried
  printed: null, // the headings of print.html, in order
};
const weights = []; // what each page loads, fonts aside: { page, compressed, uncompressed }
let audited;

/** The full audit of one page, in the default (light) theme. */
async function auditPage(tab, page) {
  const { status, errors, foreign } = await load(tab, page);
  if (status !== 200) found.load.push(`${page}: HTTP ${status}`);
  for (const error of errors) found.load.push(`${page}: ${error}`);
  for (const url of foreign) found.load.push(`${page}: request to another host: ${url}`);

  weights.push({
    page,
    ...(await tab.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType("navigation"),
        ...performance.getEntriesByType("resource"),
      ].filter((entry) => !/\.(woff2?|ttf|otf)$/.test(new URL(entry.name).pathname));
      const sum = (key) => entries.reduce((total, entry) => total + entry[key], 0);
      return { compressed: sum("encodedBodySize"), uncompressed: sum("decodedBodySize") };
    })),
  });

  const { violations } = await axe(tab, { runOnly: { type: "tag", values: AXE_TAGS } });
  found.axe.push(...describe(page, violations));

  const sizes = await tab.locator("svg.timeline").evaluateAll((svgs) =>
    svgs.map((svg, i) => {
      const box = svg.getBoundingClientRect();
      return { name: svg.id || `#${i + 1}`, w: box.width, h: box.height };
    }),
  );
  found.timelineCount += sizes.length;
  for (const { name, w, h } of sizes) {
    if (!(w > 0 && h > 0)) found.timelines.push(`${page}: svg.timeline ${name} is ${w}×${h}`);
  }

  const chapter = chapters.findIndex((c) => c.page === page);
  if (chapter >= 0) await tryKeys(tab, chapter);
  if (page === "print.html") {
    found.printed = (await tab.locator("main h1").allTextContents()).map((t) => t.trim());
  }
}

/** Presses → and ← on the loaded `at`th chapter, as a reader walking the book does, and records
 * where each leads that is not the next and the previous chapter in SUMMARY.md order. The page a
 * key asks for is answered 204 No Content, which leaves the browser on this page (HTML's rule for
 * a 204), so that both keys are tried on one load: every page is loaded and audited on its own,
 * and so every step of the walk is taken, once forward and once backward. At either end of the
 * book there must be no link further on. */
async function tryKeys(tab, at) {
  const page = chapters[at].page;
  const stay = (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.continue();
  await tab.route("**/*", stay);
  try {
    for (const [key, rel, to] of [
      ["ArrowRight", "next", chapters[at + 1]],
      ["ArrowLeft", "prev", chapters[at - 1]],
    ]) {
      if (!to) {
        if ((await tab.locator(`a.nav-chapters[rel~="${rel}"]`).count()) > 0) {
          found.keys.push(`${page} has a ${rel} link past the end of the book`);
        }
        continue;
      }
      // Given 30 s, so that a machine busy with other work is not taken for a key that leads
      // nowhere.
      const asked = tab
        .waitForRequest((request) => request.isNavigationRequest(), { timeout: 30_000 })
        .catch(() => null);
      await tab.keyboard.press(key);
      const request = await asked;
      await request?.response(); // the 204 has arrived: the page is itself again
      const led = request ? new URL(request.url()).pathname.split("/").pop() : "nowhere";
      if (led !== to.page) found.keys.push(`${key} on ${page} leads to ${led}, not ${to.page}`);
    }
  } finally {
    await tab.unroute("**/*", stay);
  }
  found.keysTried += 1;
}

/** One of the other four themes, on the main content of print.html, which holds every
 * chapter's text and code blocks (the chrome around them is the same on every page). The
 * context is put back to the default theme after, for the pages it audits next. */
async function auditTheme(tab, theme) {
  await load(tab, "print.html");
  await chooseTheme(tab, theme);
  const contrast = { runOnly: { type: "rule", values: ["color-contrast"] } };
  const { violations } = await axe(tab, contrast, "main");
  found.contrast.push(...describe(`print.html [${theme}]`, violations));
  found.themes += 1;
  await chooseTheme(tab, THEMES[0]);
  await tab.keyboard.press("Escape");
}

function auditAll() {
  // The longest first, so that the pages fill in around them: print.html (every chapter in one
  // page) in full, then in each other theme, then every other page.
  const work = [
    { page: "print.html" },
    ...THEMES.slice(1).map((theme) => ({ theme })),
    ...pages.filter((page) => page !== "print.html").map((page) => ({ page })),
  ];
  audited ??= eachPage(work, (tab, { page, theme }) =>
    theme ? auditTheme(tab, theme) : auditPage(tab, page),
  );
  return audited;
}

test("every page loads with no console error and no request to another host", async () => {
  await auditAll();
  console.log(`# ${pages.length} pages loaded`);
  const heaviest = (key) => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
  for (const key of ["uncompressed", "compressed"]) {
    const { page, [key]: bytes } = heaviest(key);
    console.log(`# heaviest page, fonts aside: ${page}, ${bytes} bytes ${key}`);
  }
  assertNone(found.load, "problems while loading the pages");
});

test("axe-core (WCAG 2.2 AA and best practices) finds no violation on any page", async () => {
  await auditAll();
  assertNone(found.axe, "accessibility violations");
});

test("code blocks and text are readable in all five themes (axe color-contrast)", async () => {
  await auditAll();
  assert.equal(found.themes, THEMES.length, "not every theme was checked");
  console.log(`# every chapter's text and code checked in ${found.themes} themes`);
  assertNone(found.contrast, "text or code below the contrast minimum");
});

test("every timeline SVG is drawn with a non-zero size", async () => {
  await auditAll();
  console.log(`# ${found.timelineCount} timeline SVG(s) found`);
  assertNone(found.timelines, "timelines not drawn");
});

test(`the search box finds ${SEARCH_TERM} and leads to its chapter`, async () => {
  const chapter = chapters.find((c) => c.title.includes(SEARCH_TERM));
  assert.ok(chapter, `no chapter in SUMMARY.md has ${SEARCH_TERM} in its title`);
  const tab = await contexts[0].newPage();
  try {
    await load(tab, chapters[0].page);
    await tab.keyboard.press("s");
    // The index loads when the search bar opens; the book searches on each key released.
    await tab.waitForFunction(() => window.search !== undefined);
    await tab.locator("#mdbook-searchbar").pressSequentially(SEARCH_TERM);
    const first = tab.locator("#mdbook-searchresults li a").first();
    await first.waitFor({ timeout: 10_000 });
    const results = await tab.locator("#mdbook-searchresults li a").evaluateAll((links) =>
      links.map((a) => new URL(a.href).pathname.split("/").pop()),
    );
    assert.ok(
      results.includes(chapter.page),
      `searching ${SEARCH_TERM} did not list ${chapter.page}; it listed ${results.join(", ")}`,
    );
    await tab.locator(`#mdbook-searchresults li a[href^="${chapter.page}"]`).first().click();
    await tab.waitForURL((url) => url.pathname.endsWith(`/${chapter.page}`));
    const marked = await tab.locator("main mark").count();
    assert.ok(marked > 0, `${chapter.page} opened from search highlights no match`);
  } finally {
    await tab.close();
  }
});

test("next and previous (→ and ← keys) walk the whole book in SUMMARY.md order", async () => {
  await auditAll();
  assert.equal(found.keysTried, chapters.length, "→ and ← were not tried on every chapter");
  console.log(`# → and ← tried on each of the ${found.keysTried} chapters`);
  assertNone(found.keys, "→ and ← do not walk the book in SUMMARY.md order");
});

test("print.html holds every chapter, in order", async () => {
  const heading = (page) => {
    const html = readFileSync(path.join(bookDir, page), "utf8");
    const h1 = /<main>\s*<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
    assert.ok(h1, `${page} does not start with a heading`);
    const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
    return h1[1]
      .replace(/<[^>]+>/g, "")
      .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => entities[name])
      .trim();
  };
  const titles = chapters.map(({ page }) => heading(page));
  await auditAll();
  const printed = found.printed;
  assert.ok(printed, "print.html was not loaded");
  const missing = titles.filter((title) => !printed.includes(title));
  assertNone(missing, "chapter titles missing from print.html");
  const positions = titles.map((title) => printed.indexOf(title));
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), "print.html has chapters out of order");
});

test("a missing page gets the book's 404 page, styled and linked back", async () => {
  assert.ok(existsSync(path.join(bookDir, "404.html")), "the built book has no 404.html");
  const tab = await contexts[0].newPage();
  const failed = [];
  tab.on("response", (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== "document") {
      failed.push(`${response.status()} ${response.url()}`);
    }
  });
  try {
    const response = await tab.goto(`${server.base}no/such/page.html`);
    assert.equal(response.status(), 404);
    assert.match(await tab.locator("main h1").first().textContent(), /not found/i);
    assertNone(failed, "resources of the 404 page that did not load");
    const themed = await tab.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--bg").trim(),
    );
    assert.ok(themed, "the 404 page's stylesheets were not applied");
    const home = await tab.locator("#mdbook-sidebar a[href]").evaluateAll((links) => links.map((a) => a.href));
    assert.ok(home.some((href) => href.startsWith(server.base)), "the 404 page links nowhere in the book");
  } finally {
    await tab.close();
  }
});

test("screenshots of two pages are saved under target/screenshots/", async () => {
  mkdirSync(screenshotDir, { recursive: true });
  const tab = await contexts[0].newPage();
  try {
    for (const page of [chapters[0].page, "ch01-02-awaits-in-a-row.html"]) {
      if (!existsSync(path.join(bookDir, page))) continue;
      await load(tab, page);
      const file = path.join(screenshotDir, page.replace(/\.html$/, ".png"));
      await tab.screenshot({ path: file, fullPage: false });
      assert.ok(existsSync(file), `${file} was not written`);
    }
  } finally {
    await tab.close();
  }
});

// The quizzes (packages/mdbook-listing: quiz.rs renders them, quiz.js makes them forms). Each
// test below uses a browser context of its own, so that the answers it saves in localStorage
// start empty and end with the context.
const QUIZ_STORAGE = "async-rust-tested.quiz.";

/** The built pages that hold a quiz, with how many quizzes and questions each holds. */
function quizPages() {
  return pages
    .map((page) => {
      const html = readFileSync(path.join(bookDir, page), "utf8");
      const count = (pattern) => (html.match(pattern) || []).length;
      return {
        page,
        quizzes: count(/<div class="quiz" /g),
        questions: count(/<li class="quiz-question" /g),
      };
    })
    .filter(({ quizzes }) => quizzes > 0);
}

test("every quiz renders as a form: options, a Check button, a live region, its output hidden", async () => {
  const withQuiz = quizPages();
  assert.ok(withQuiz.length > 0, "no page of the built book holds a quiz");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  let questions = 0;
  try {
    const queue = [...withQuiz];
    const worker = async () => {
      const tab = await context.newPage();
      try {
        while (queue.length > 0) {
          const { page, quizzes } = queue.shift();
          const { errors, foreign } = await load(tab, page);
          problems.push(...errors.map((e) => `${page}: ${e}`));
          problems.push(...foreign.map((url) => `${page}: request to another host: ${url}`));
          const found = await tab.evaluate(() =>
            Array.from(document.querySelectorAll(".quiz")).map((quiz) => {
              const wrong = [];
              if (!quiz.classList.contains("quiz-ready")) wrong.push("quiz.js did not set it up");
              const items = Array.from(quiz.querySelectorAll(".quiz-question"));
              if (items.length === 0) wrong.push("no question");
              for (const item of items) {
                const radios = item.querySelectorAll("fieldset.quiz-form input[type=radio]");
                if (radios.length < 2 || radios.length > 5) wrong.push(`${item.id}: ${radios.length} options`);
                const legend = item.querySelector("fieldset.quiz-form > legend");
                if (!legend || !legend.textContent.trim()) wrong.push(`${item.id}: no question in its legend`);
                if (item.querySelectorAll(".quiz-option[data-right]").length !== 1) {
                  wrong.push(`${item.id}: not exactly one right option`);
                }
                if (!item.querySelector("button.quiz-check")) wrong.push(`${item.id}: no Check button`);
                const live = item.querySelector(".quiz-feedback");
                if (!live || live.getAttribute("aria-live") !== "polite" || live.getAttribute("role") !== "status") {
                  wrong.push(`${item.id}: no polite live region for its feedback`);
                }
              }
              if (!quiz.querySelector("button.quiz-reset")) wrong.push("no reset control");
              const output = document.getElementById(quiz.dataset.output);
              if (!output) {
                wrong.push(`no output #${quiz.dataset.output}`);
              } else {
                const toggle = document.querySelector(`button[aria-controls="${output.id}"]`);
                if (!toggle || toggle.getAttribute("aria-expanded") !== "false") wrong.push("no Show the output control");
                const shown = Array.from(output.children).filter((child) => getComputedStyle(child).visibility !== "hidden");
                if (shown.length > 0 || !output.inert) wrong.push("its output is not hidden before an answer");
              }
              return { id: quiz.id, questions: items.length, wrong };
            }),
          );
          if (found.length !== quizzes) problems.push(`${page}: ${quizzes} quizzes in the HTML, ${found.length} found`);
          for (const { id, questions: asked, wrong } of found) {
            questions += asked;
            problems.push(...wrong.map((w) => `${page} #${id}: ${w}`));
          }
        }
      } finally {
        await tab.close();
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await context.close();
  }
  console.log(`# ${questions} quiz questions rendered on ${withQuiz.length} pages`);
  assertNone(problems, "quizzes that do not render");
});

test("a reader answers two quiz questions by keyboard, one right and one wrong, and resets them", async () => {
  // The first page, in the book's order, that asks at least two questions.
  const withQuiz = quizPages();
  const page = chapters.map((c) => c.page).find((p) => withQuiz.some((q) => q.page === p && q.questions >= 2));
  assert.ok(page, "no chapter asks two quiz questions");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  try {
    const { errors, foreign } = await load(tab, page);
    assertNone([...errors, ...foreign], `problems loading ${page}`);
    const questions = await tab.evaluate(() =>
      Array.from(document.querySelectorAll(".quiz-question")).map((item) => {
        const options = Array.from(item.querySelectorAll(".quiz-option"));
        const quiz = item.closest(".quiz");
        return {
          id: item.id,
          right: options.findIndex((o) => o.hasAttribute("data-right")),
          values: options.map((o) => o.dataset.value),
          rightAnswer: options.find((o) => o.hasAttribute("data-right")).querySelector(".quiz-answer").textContent.trim(),
          decided: item.querySelector(".quiz-decided") !== null,
          quiz: quiz.id,
          figure: quiz.closest("figure").id,
          output: quiz.dataset.output,
        };
      }),
    );
    const outputShown = (question) => tab.locator(`#${question.output} pre`).first().isVisible();
    const [first, second] = questions;
    for (const question of [first, second]) {
      assert.equal(await outputShown(question), false, `#${question.output} is shown before any answer`);
    }

    // Keyboard only: the radio group is one Tab stop, its arrows choose, Tab goes on to Check.
    async function answer(question, index) {
      await tab.locator(`#${question.id} input[type=radio]`).first().focus();
      if (index === 0) await tab.keyboard.press("Space");
      for (let step = 0; step < index; step++) await tab.keyboard.press("ArrowDown");
      const checked = await tab.locator(`#${question.id} input[type=radio]:checked`).getAttribute("value");
      assert.equal(checked, question.values[index], `the arrows did not choose option ${index + 1} of #${question.id}`);
      await tab.keyboard.press("Tab");
      assert.ok(
        await tab.evaluate((id) => document.activeElement === document.querySelector(`#${id} button.quiz-check`), question.id),
        `Tab after the options of #${question.id} did not reach its Check button`,
      );
      await tab.keyboard.press("Enter");
      const feedback = tab.locator(`#${question.id} .quiz-feedback`);
      assert.equal(await feedback.getAttribute("aria-live"), "polite");
      return { text: (await feedback.textContent()).trim(), announced: await feedback.ariaSnapshot() };
    }
    const wrong = (question) => (question.right + 1) % question.values.length;

    const right = await answer(first, first.right);
    assert.match(right.text, /^Right\. \S/, `feedback on the right answer to #${first.id}`);
    assert.match(right.announced, /^- status:\s+- strong: Right\./, `what a screen reader is given for #${first.id}`);
    if (first.decided) assert.match(right.text, /Decided by the checked output of /);

    const missed = await answer(second, wrong(second));
    assert.match(missed.text, /^Not this one\. \S/, `feedback on a wrong answer to #${second.id}`);
    assert.ok(
      missed.text.includes(`The answer is: ${second.rightAnswer}.`),
      `the feedback on #${second.id} does not give the answer ${second.rightAnswer}: ${missed.text}`,
    );
    assert.match(missed.announced, /^- status:\s+- strong: Not this one\./, `what a screen reader is given for #${second.id}`);
    if (second.decided) {
      const link = tab.locator(`#${second.id} .quiz-feedback a[href="#${second.figure}"]`);
      assert.equal(await link.count(), 1, `the feedback on #${second.id} does not link #${second.figure}`);
    }

    // An output is shown once every question about it is answered.
    for (const question of [first, second]) {
      const all = questions.filter((q) => q.quiz === question.quiz);
      const done = all.every((q) => q === first || q === second);
      assert.equal(await outputShown(question), done, `#${question.output} after answering ${done ? "all" : "some"} of its questions`);
    }
    const saved = () =>
      tab.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).sort(), QUIZ_STORAGE);
    assert.deepEqual(await saved(), [first.id, second.id].map((id) => QUIZ_STORAGE + id).sort());

    // The answers survive a reload, and the page passes axe in every theme with them shown.
    await load(tab, page);
    assert.match((await tab.locator(`#${first.id} .quiz-feedback`).textContent()).trim(), /^Right\./);
    const violations = [];
    for (const theme of THEMES) {
      await chooseTheme(tab, theme);
      const result = await axe(tab, { runOnly: { type: "tag", values: AXE_TAGS } });
      violations.push(...describe(`${page} [${theme}, answered]`, result.violations));
    }
    await chooseTheme(tab, THEMES[0]);
    await tab.keyboard.press("Escape");
    assertNone(violations, "accessibility violations on a page with answered quizzes");

    // "Forget my answers" clears what was saved and hides the output again.
    for (const quiz of new Set([first.quiz, second.quiz])) {
      await tab.locator(`#${quiz} button.quiz-reset`).focus();
      await tab.keyboard.press("Enter");
      assert.match(await tab.locator(`#${quiz} .quiz-status`).textContent(), /forgotten/);
    }
    assert.deepEqual(await saved(), [], "the reset left answers in localStorage");
    for (const question of [first, second]) {
      assert.equal(await outputShown(question), false, `#${question.output} is still shown after the reset`);
      assert.equal((await tab.locator(`#${question.id} .quiz-feedback`).textContent()).trim(), "");
      assert.equal(await tab.locator(`#${question.id} input:checked`).count(), 0);
    }

    // The reader may also show the output without answering, and hide it again.
    const toggle = tab.locator(`button[aria-controls="${first.output}"]`);
    await toggle.focus();
    await tab.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(await outputShown(first), true, `Show the output did not show #${first.output}`);
    await tab.keyboard.press("Enter");
    assert.equal(await outputShown(first), false, `Hide the output did not hide #${first.output}`);
  } finally {
    await context.close();
  }
});
