import { FIELD_TYPES, maxLengthOf, type PublicField } from "@/lib/fields/definitions";
import { collectAnswers, type RawAnswer } from "@/lib/fields/form";
import { validateAnswers, type AnswersVerdict } from "@/lib/fields/validate";
import { el } from "./dom";
import { API_ORIGIN } from "./script-tag";

// The list's own questions in the script embed: fetched from GET /api/public/<slug>/fields, rendered with the
// embed's own DOM helper (text only ever as text), checked with the validator the server runs. A question whose
// condition does not hold is not rendered; the block re-renders when an answer changes which questions show.

const SELECT_OVER = 5;

export const QUESTIONS_CSS =
  "textarea,select{width:100%;padding:10px 14px;border:1px solid var(--wf-line);border-radius:var(--wf-r);background:var(--wf-bg);color:var(--wf-text);font-size:16px}" +
  "select{height:44px}textarea:focus,select:focus{outline:none;border-color:var(--wf-primary);box-shadow:0 0 0 3px var(--wf-tint)}" +
  "[aria-invalid=true]{border-color:#dc2626}fieldset{border:0;padding:0;display:grid;gap:8px}legend{font-size:14px;font-weight:500;margin-bottom:6px}" +
  ".k{display:flex;align-items:center;gap:10px;font-weight:400}.k input{width:18px;height:18px;accent-color:var(--wf-primary);flex:none}" +
  ".h{color:var(--wf-muted);font-size:13px;font-weight:400}";

/** The published questions, read defensively; [] when there are none or the endpoint fails (the form still works). */
export async function fetchQuestions(slug: string): Promise<PublicField[]> {
  try {
    const res = await fetch(`${API_ORIGIN}/api/public/${encodeURIComponent(slug)}/fields`);
    if (!res.ok) return [];
    const json = (await res.json()) as { fields?: unknown };
    if (!Array.isArray(json.fields)) return [];
    return json.fields.filter(
      (f): f is PublicField =>
        !!f && typeof f === "object" && typeof (f as PublicField).id === "string" && typeof (f as PublicField).label === "string" &&
        (FIELD_TYPES as readonly string[]).includes((f as PublicField).type) && Array.isArray((f as PublicField).choices),
    );
  } catch {
    return [];
  }
}

export class QuestionsBlock {
  readonly node = el("div", { class: "g" });
  private raw: Record<string, RawAnswer> = {};
  private shownKey = "";

  constructor(private readonly fields: readonly PublicField[]) {
    this.render();
  }

  /** The input a problem's field (answers.<id>) names, to mark and focus. */
  input(field: string): HTMLElement | null {
    return this.node.querySelector<HTMLElement>(`[name="${field}"]`);
  }

  check(): AnswersVerdict {
    return validateAnswers(this.fields, collectAnswers(this.fields, this.raw).answers);
  }

  /** `from`: the control that changed, focused again if a re-render replaces it. */
  private set(id: string, value: RawAnswer, from: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): void {
    this.raw[id] = value;
    const key = [...collectAnswers(this.fields, this.raw).shown].join(",");
    if (key !== this.shownKey) this.render(`[name="${from.name}"]${from instanceof HTMLInputElement && (from.type === "radio" || from.type === "checkbox") ? `[value="${CSS.escape(from.value)}"]` : ""}`);
  }

  private render(focus?: string): void {
    const { shown } = collectAnswers(this.fields, this.raw);
    this.shownKey = [...shown].join(",");
    this.node.replaceChildren(...this.fields.filter((f) => shown.has(f.id)).map((f) => this.question(f)));
    this.node.hidden = shown.size === 0;
    if (focus) this.node.querySelector<HTMLElement>(focus)?.focus();
  }

  private question(f: PublicField): HTMLElement {
    const id = `q-${f.id}`;
    const name = `answers.${f.id}`;
    const help = f.help ? el("span", { class: "h", id: `${id}-h`, text: f.help }) : null;
    const title = el("span", { text: f.label }, [f.requirement === "optional" && el("span", { class: "o", text: " (optional)" })]);
    const described = <T extends HTMLElement>(node: T): T => {
      if (help) node.setAttribute("aria-describedby", help.id);
      return node;
    };
    const raw = this.raw[f.id];
    const text = typeof raw === "string" ? raw : "";
    const picked = Array.isArray(raw) ? raw : [];

    if (f.type === "checkbox") {
      const box = described(el("input", { id, name, type: "checkbox" }));
      box.checked = raw === true;
      box.onchange = () => this.set(f.id, box.checked, box);
      return el("div", {}, [el("label", { class: "k" }, [box, title]), help]);
    }
    if (f.type === "single_choice" && f.choices.length > SELECT_OVER) {
      const select = described(el("select", { id, name }, [el("option", { value: "", text: f.placeholder || "Choose one" }), ...f.choices.map((c) => el("option", { value: c, text: c }))]));
      select.value = text;
      select.onchange = () => this.set(f.id, select.value, select);
      return el("label", {}, [title, select, help]);
    }
    if (f.type === "single_choice" || f.type === "multiple_choice") {
      const multiple = f.type === "multiple_choice";
      const rows = f.choices.map((c, i) => {
        const tick = el("input", { name, type: multiple ? "checkbox" : "radio", value: c, ...(i === 0 ? { id } : {}) });
        tick.checked = multiple ? picked.includes(c) : text === c;
        tick.onchange = () => {
          // The picks as they are now: other ticks may have changed them since this row was drawn.
          const now = this.raw[f.id];
          const current = Array.isArray(now) ? now.filter((p) => p !== c) : [];
          this.set(f.id, multiple ? (tick.checked ? [...current, c] : current) : c, tick);
        };
        return el("label", { class: "k" }, [tick, c]);
      });
      return described(el("fieldset", {}, [el("legend", {}, [title]), ...rows, help]));
    }
    const attrs = { id, name, placeholder: f.placeholder, maxlength: String(f.type === "number" ? 32 : maxLengthOf(f)) };
    const input = described(
      f.type === "long_text"
        ? el("textarea", { ...attrs, rows: "3" })
        : el("input", { ...attrs, type: f.type === "url" ? "url" : "text", inputmode: f.type === "number" ? "decimal" : f.type === "url" ? "url" : "text" }),
    );
    input.value = text;
    input.oninput = () => this.set(f.id, input.value, input);
    return el("label", {}, [title, input, help]);
  }
}
