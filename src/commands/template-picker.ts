/** The template picker: every template with its description, the default one first. */
import { SuggestModal, type App } from "obsidian";
import { TEMPLATES, type Template } from "../templates/templates";

/** The templates with `defaultId` first, the others in their usual order. */
function templatesInOrder(defaultId: string): Template[] {
	const first = TEMPLATES.filter((t) => t.id === defaultId);
	return [...first, ...TEMPLATES.filter((t) => t.id !== defaultId)];
}

export class TemplatePicker extends SuggestModal<Template> {
	constructor(
		app: App,
		private readonly defaultId: string,
		private readonly onPick: (template: Template) => void,
	) {
		super(app);
		this.setPlaceholder("Choose a network model to start from");
	}

	/** Templates whose name, description or id contains every word of the query. */
	getSuggestions(query: string): Template[] {
		const words = query
			.toLowerCase()
			.split(/\s+/)
			.filter((w) => w !== "");
		return templatesInOrder(this.defaultId).filter((t) => {
			const text = `${t.name} ${t.description} ${t.id}`.toLowerCase();
			return words.every((w) => text.includes(w));
		});
	}

	renderSuggestion(template: Template, el: HTMLElement): void {
		el.createDiv({ cls: "aks-ip-template-name", text: template.name });
		el.createEl("small", { cls: "aks-ip-template-description", text: template.description });
	}

	onChooseSuggestion(template: Template): void {
		this.onPick(template);
	}
}
