// A tiny static server for the built book: node:http on 127.0.0.1, compressed like a real host
// (brotli, else gzip, as the browser asks), 404.html with status 404 for a missing path and a
// ten-minute cache lifetime, as GitHub Pages does.
// The book is mounted at the path its 404 page's <base href> names (mdbook's site-url), so a
// book built for https://owner.github.io/repo/ is served here under /repo/ too.
//
// Run alone to audit the book by hand (for example with Lighthouse):
//   node tests/browser/server.mjs [book-dir] [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".txt"]);

/** The path the book expects to be served under: the <base href> of its 404 page, or "/". */
export function sitePath(root) {
  const notFound = path.join(root, "404.html");
  if (!existsSync(notFound)) return "/";
  const base = /<base href="([^"]*)"/.exec(readFileSync(notFound, "utf8"));
  const href = base ? base[1] : "/";
  return href.endsWith("/") ? href : `${href}/`;
}

export function serve(root, port = 0) {
  const prefix = sitePath(root);
  const cache = new Map();

  async function body(file, encoding) {
    const key = `${file}\0${encoding}`;
    if (!cache.has(key)) {
      const raw = await readFile(file);
      const compressible = COMPRESSIBLE.has(path.extname(file));
      let data = raw;
      if (compressible && encoding === "br") {
        data = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 },
        });
      } else if (compressible && encoding === "gzip") {
        data = zlib.gzipSync(raw, { level: 9 });
      }
      cache.set(key, data);
    }
    return cache.get(key);
  }

  async function resolve(urlPath) {
    if (!urlPath.startsWith(prefix)) return null;
    let relative = decodeURIComponent(urlPath.slice(prefix.length));
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const file = path.join(root, path.normalize(relative));
    if (!file.startsWith(root + path.sep)) return null;
    try {
      return (await stat(file)).isFile() ? file : null;
    } catch {
      return null;
    }
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, "http://localhost");
      let file = await resolve(url.pathname);
      let status = 200;
      if (file === null) {
        status = 404;
        file = path.join(root, "404.html");
      }
      const accepted = String(request.headers["accept-encoding"] || "");
      const ext = path.extname(file);
      const encoding = !COMPRESSIBLE.has(ext)
        ? null
        : /\bbr\b/.test(accepted)
          ? "br"
          : /\bgzip\b/.test(accepted)
            ? "gzip"
            : null;
      const data = await body(file, encoding);
      const headers = {
        "content-type": TYPES[ext] || "application/octet-stream",
        "content-length": data.length,
        // What GitHub Pages sends: browsers reuse a file for ten minutes.
        "cache-control": "max-age=600",
        vary: "accept-encoding",
      };
      if (encoding) headers["content-encoding"] = encoding;
      response.writeHead(status, headers);
      response.end(request.method === "HEAD" ? undefined : data);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    }
  });

  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      done({
        origin,
        base: `${origin}${prefix}`,
        close: () => new Promise((closed) => server.close(closed)),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(process.argv[2] || path.join(here, "../../target/book"));
  const { base } = await serve(root, Number(process.argv[3] || 0));
  console.log(`serving ${root} at ${base}`);
}
