import { describe, expect, it, vi } from "vitest";
import AksIpPlugin from "../../main";
import { loadPlugin, Notice, renderCodeBlock } from "../obsidian-stub";
import { TEMPLATES } from "../../src/templates/templates";
import { prettyHtml } from "./pretty";

const body = (id: string) => TEMPLATES.find((t) => t.id === id)?.body ?? "";

async function render(source: string) {
	const { plugin } = await loadPlugin(AksIpPlugin);
	return (await renderCodeBlock(plugin, source)).el;
}

function click(el: Element | null | undefined): void {
	(el as HTMLElement).dispatchEvent(new MouseEvent("click", { bubbles: true }));
}

describe("the Move to Azure CNI Overlay panel", () => {
	it("shows for kubenet and node subnet plans only", async () => {
		for (const id of ["kubenet", "node-subnet"])
			expect((await render(body(id))).querySelector(".aks-ip-overlay-section")).not.toBeNull();
		for (const id of ["overlay", "pod-subnet-dynamic", "dual-stack"])
			expect((await render(body(id))).querySelector(".aks-ip-overlay-section")).toBeNull();
		const off = await render(`${body("kubenet")}show: [findings]\n`);
		expect(off.querySelector(".aks-ip-overlay-section")).toBeNull();
		// Without the panel, the retirement warning has no button to it.
		expect(off.querySelector(".aks-ip-overlay-link")).toBeNull();
	});

	it("is closed until asked for: the move is planned when the panel is first opened", async () => {
		const el = await render(body("kubenet"));
		const toggle = el.querySelector(".aks-ip-overlay-toggle");
		expect(toggle?.textContent).toBe("Show the move");
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		expect(el.querySelector(".aks-ip-overlay-body")?.hasAttribute("hidden")).toBe(true);
		expect(el.querySelector(".aks-ip-preconditions")).toBeNull();
		click(toggle);
		expect(toggle?.textContent).toBe("Hide the move");
		expect(el.querySelector(".aks-ip-overlay-body")?.hasAttribute("hidden")).toBe(false);
		expect(el.querySelector(".aks-ip-preconditions")).not.toBeNull();
		const panel = el.querySelector(".aks-ip-overlay-section") as HTMLElement;
		await expect(prettyHtml(panel)).toMatchFileSnapshot("./approved/migration-kubenet-open.html");
		click(toggle);
		expect(el.querySelector(".aks-ip-overlay-body")?.hasAttribute("hidden")).toBe(true);
		expect(el.querySelectorAll(".aks-ip-preconditions")).toHaveLength(1);
	});

	it("lists each precondition with its status, and the target block and command", async () => {
		const el = await render(`${body("kubenet")}kubernetesVersion: 1.21\n`);
		click(el.querySelector(".aks-ip-overlay-toggle"));
		const rows = [...el.querySelectorAll(".aks-ip-preconditions tbody tr")].map((tr) =>
			[...tr.children].slice(0, 2).map((c) => c.textContent),
		);
		expect(rows).toContainEqual(["Kubernetes 1.22 or later", "Fail"]);
		expect(rows).toContainEqual(["A user-assigned managed identity", "Unknown"]);
		expect(rows).toContainEqual(["No network policy engine", "Pass"]);
		const code = [...el.querySelectorAll(".aks-ip-overlay-code code")].map((c) => c.textContent ?? "");
		expect(code[0]).toContain("networkPluginMode: overlay");
		expect(code[1]).toContain("az aks update");
	});

	it("copies the target block and the command, and the retirement warning opens the panel and scrolls to it", async () => {
		const el = await render(body("kubenet"));
		const panel = el.querySelector(".aks-ip-overlay-section") as HTMLElement;
		const scroll = vi.fn();
		panel.scrollIntoView = scroll;
		const link = el.querySelector(".aks-ip-finding .aks-ip-overlay-link");
		expect(link?.closest(".aks-ip-finding")?.querySelector(".aks-ip-code")?.textContent).toBe("kubenet-retirement");
		click(link);
		expect(scroll).toHaveBeenCalledTimes(1);
		expect(el.querySelector(".aks-ip-overlay-toggle")?.getAttribute("aria-expanded")).toBe("true");
		// Once more: it stays open.
		click(link);
		expect(el.querySelector(".aks-ip-overlay-toggle")?.getAttribute("aria-expanded")).toBe("true");
		const writeText = vi.fn(() => Promise.resolve());
		Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
		click(el.querySelector('[data-aks-ip-action="copy-target"]'));
		click(el.querySelector('[data-aks-ip-action="copy-command"]'));
		expect(writeText.mock.calls.map((c: unknown[]) => String(c[0]).split("\n")[0])).toEqual([
			"cluster: aks-kubenet",
			"az aks update \\",
		]);
		await Promise.resolve();
		expect(Notice.messages.at(-1)).toBe("Command copied.");
	});
});
