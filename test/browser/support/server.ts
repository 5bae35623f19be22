// A static file server for the harness page on 127.0.0.1, on a port the OS picks. It serves
// only what the page loads (styles.css, main.js and test/browser/), and closes itself after
// `lifetimeMs` even if a test forgets to.
import { createServer, type Server } from "node:http";
import { clearTimeout, setTimeout } from "node:timers";
import { readFile } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".json": "application/json",
	".png": "image/png",
};

/** Paths (relative to the repository) the page may load. */
function allowed(rel: string): boolean {
	return (
		rel === "styles.css" ||
		rel === "main.js" ||
		(rel.startsWith("test/browser/") && !rel.startsWith("test/browser/screenshots/"))
	);
}

export interface StaticServer {
	origin: string;
	/** Every request the server refused or could not answer, e.g. "404 /x". */
	readonly misses: string[];
	close(): Promise<void>;
}

export async function startServer(root: string, lifetimeMs: number): Promise<StaticServer> {
	const base = resolve(root);
	const misses: string[] = [];
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
		const file = resolve(base, `.${path}`);
		const rel = file.startsWith(base + sep)
			? file
					.slice(base.length + 1)
					.split(sep)
					.join("/")
			: "";
		if (req.method !== "GET" || !allowed(rel)) {
			misses.push(`404 ${req.method ?? "?"} ${path}`);
			res.writeHead(404).end();
			return;
		}
		readFile(file).then(
			(body) => {
				res.writeHead(200, {
					"content-type": TYPES[extname(file)] ?? "application/octet-stream",
					"cache-control": "no-store",
				}).end(body);
			},
			() => {
				misses.push(`404 GET ${path}`);
				res.writeHead(404).end();
			},
		);
	});
	await new Promise<void>((done, fail) => {
		server.once("error", fail);
		server.listen(0, "127.0.0.1", () => done());
	});
	const address = server.address();
	if (address === null || typeof address === "string") throw new Error("The server has no port.");
	let closed: Promise<void> | null = null;
	const close = (): Promise<void> => {
		closed ??= new Promise<void>((done) => {
			clearTimeout(timer);
			server.close(() => done());
			server.closeAllConnections();
		});
		return closed;
	};
	const timer = setTimeout(() => void close(), lifetimeMs);
	timer.unref();
	return { origin: `http://127.0.0.1:${address.port}`, misses, close };
}
