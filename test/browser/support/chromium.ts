// Debian's chromium, driven by playwright-core, on the harness page. One session = one
// browser with a fresh profile, one page, the static server; close() tears all of it down and
// is safe to call twice or after a failed start.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { clearTimeout, setTimeout } from "node:timers";
import { join } from "node:path";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { ROOT } from "./build";
import { startServer, type StaticServer } from "./server";

/** Debian's chromium; AKS_IP_CHROMIUM points elsewhere (e.g. to try the skip path). */
export const CHROMIUM = process.env.AKS_IP_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Whether the browser tests run: always under CI (a missing chromium then fails them),
 * elsewhere only when chromium is installed, with a loud notice when it is not.
 */
export function browserTestsEnabled(): boolean {
	if (existsSync(CHROMIUM)) return true;
	if (process.env.CI) return true;
	const line = "!".repeat(78);
	console.warn(
		`\n${line}\n!!! ${CHROMIUM} is missing: the real-browser tests in test/browser/ are SKIPPED.\n!!! Install Debian's chromium package (apt-get install chromium) to run them.\n${line}\n`,
	);
	return false;
}

export interface Session {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	server: StaticServer;
	/** Console errors, page errors and failed requests since the page opened. */
	errors: string[];
	/** Messages of every dialog (alert, confirm, prompt) the page tried to open. */
	dialogs: string[];
	close(): Promise<void>;
}

/** Resolves to `promise`, or rejects after `ms` with `what` in the message. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, fail) => {
		timer = setTimeout(() => fail(new Error(`${what} took over ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function openHarness(options: { exposeGc?: boolean } = {}): Promise<Session> {
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (required when CI is set).`);
	const profile = mkdtempSync(join(tmpdir(), "aks-ip-"));
	let server: StaticServer | null = null;
	let context: BrowserContext | null = null;
	const close = async (): Promise<void> => {
		try {
			if (context)
				await within(context.close(), 15_000, "Closing chromium").catch((e: unknown) =>
					console.warn(String(e)),
				);
			context = null;
		} finally {
			await server?.close();
			server = null;
			rmSync(profile, { recursive: true, force: true });
		}
	};
	try {
		server = await startServer(ROOT, 5 * 60_000);
		const args = [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-first-run",
		];
		if (options.exposeGc) args.push("--js-flags=--expose-gc");
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args,
			viewport: { width: 1000, height: 800 },
		});
		const page = context.pages()[0] ?? (await context.newPage());
		const errors: string[] = [];
		const dialogs: string[] = [];
		page.on("console", (msg) => {
			if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
		});
		page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
		page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
		page.on("dialog", (d) => {
			dialogs.push(`${d.type()}: ${d.message()}`);
			void d.dismiss();
		});
		await page.goto(`${server.origin}/test/browser/harness.html`);
		await page.waitForFunction(() => window.aksIpHarness !== undefined || window.aksIpHarnessError !== undefined);
		const startError = await page.evaluate(async () => {
			if (window.aksIpHarnessError) return window.aksIpHarnessError;
			await window.aksIpHarness?.ready;
			return window.aksIpHarnessError ?? null;
		});
		if (startError) throw new Error(`The harness did not start: ${startError}`);
		const cdp = await context.newCDPSession(page);
		const live = server;
		return { context, page, cdp, server: live, errors, dialogs, close };
	} catch (e) {
		await close();
		throw e;
	}
}

/** Full garbage collection, then the JS heap in use (bytes). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
	// Twice: the first pass can leave objects that only become unreachable once finalisers ran.
	await cdp.send("HeapProfiler.collectGarbage");
	await cdp.send("HeapProfiler.collectGarbage");
	const usage = await cdp.send("Runtime.getHeapUsage");
	return usage.usedSize;
}
