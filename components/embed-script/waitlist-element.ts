import { postSignup } from "@/components/hosted/signup-answer";
import { emailProblem, SIGNUP_MESSAGES, type FormProblem } from "@/components/hosted/signup-errors";
import { OPTIONAL_FIELDS } from "@/components/hosted/signup-fields";
import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";
import { EMAIL_MAX_LENGTH, HONEYPOT_FIELD, refCodeFrom, TEXT_MAX_LENGTH } from "@/lib/signup-rules";
import { fetchConfig, type EmbedConfig } from "./config";
import { el } from "./dom";
import { loadSignup, saveSignup } from "./saved-signup";
import { API_ORIGIN } from "./script-tag";
import { QUESTIONS_CSS, QuestionsBlock, fetchQuestions } from "./questions";
import { CSS } from "./styles";
import { poweredBy, successView, type SignupView } from "./success-view";
import { embedTheme, type EmbedTheme } from "./theme";
import { loadTurnstile, turnstileApi } from "./turnstile";

// <waitforge-waitlist waitlist="slug" [share-url="…"]>: the signup form in a Shadow DOM, so the host page's
// CSS can't break it and ours can't leak. It talks to the public API like any other client.

const JOIN = "Join the waitlist";

export class WaitforgeWaitlist extends HTMLElement {
  private slug = "";
  private box = el("div", { class: "c" });
  private config: EmbedConfig | null = null;
  private questions: QuestionsBlock | null = null;
  private questionList: Awaited<ReturnType<typeof fetchQuestions>> = [];
  private theme: EmbedTheme = embedTheme(null);
  private token: string | null = null;
  private widget: string | undefined;
  private inputs: Record<string, HTMLInputElement> = {};
  private message = el("div");
  private submit = el("button", { type: "submit", text: JOIN });

  connectedCallback(): void {
    if (this.shadowRoot) return;
    this.slug = (this.getAttribute("waitlist") ?? "").trim().toLowerCase();
    this.box.append(el("p", { class: "m", text: "Loading…" }));
    this.attachShadow({ mode: "open" }).append(el("style", { text: CSS + QUESTIONS_CSS }), el("div", { class: "w" }, [this.box]));
    if (!this.slug) return this.halt("This embed has no data-waitlist.");
    void this.load();
  }

  private async load(): Promise<void> {
    let config: EmbedConfig | null;
    try {
      // The questions come from their own endpoint, side by side; without them the form still works.
      [config, this.questionList] = await Promise.all([fetchConfig(this.slug), fetchQuestions(this.slug)]);
    } catch {
      return this.halt(SIGNUP_MESSAGES.network, () => void this.load());
    }
    if (!config) return this.halt(`There is no waitlist called “${this.slug}”. Check data-waitlist.`);
    this.config = config;
    this.theme = embedTheme(config.theme);
    for (const [name, value] of Object.entries(this.theme.vars)) this.style.setProperty(name, value);
    const saved = loadSignup(this.slug);
    if (saved) this.showSignup(saved, false);
    else this.showForm();
  }

  /** Nothing else can be shown (no config, a full or closed list): the message is the whole view. */
  private halt(message: string, retry?: () => void): void {
    this.dropCaptcha();
    this.box.replaceChildren(alertBox(message, retry));
  }

  /** The form is going away: its widget too (Turnstile keeps a widget until told otherwise). */
  private dropCaptcha(): void {
    if (this.widget !== undefined) turnstileApi()?.remove(this.widget);
    this.widget = undefined;
    this.token = null;
    this.replaceChildren();
  }

  private showForm(): void {
    const config = this.config;
    if (!config) return;
    const inputs: Record<string, HTMLInputElement> = {};
    const field = (id: string, label: string, autocomplete: string, placeholder: string, optional: boolean) => {
      const type = id === "email" ? "email" : "text";
      const maxlength = String(id === "email" ? EMAIL_MAX_LENGTH : TEXT_MAX_LENGTH);
      const input = (inputs[id] = el("input", { name: id, type, autocomplete, placeholder, maxlength }));
      return el("label", {}, [el("span", { text: label }, [optional && el("span", { class: "o", text: " (optional)" })]), input]);
    };
    const form = el("form", { class: "g", novalidate: "", "aria-label": `Join the ${config.title} waitlist` }, [
      field("email", "Email", "email", "you@example.com", false),
      ...OPTIONAL_FIELDS.map((f) => config.fields[f.id] && field(f.id, f.label, f.autoComplete, f.placeholder, true)),
    ]);
    const questions = (this.questions = new QuestionsBlock(this.questionList));
    form.append(questions.node);
    // The honeypot: off-screen, out of the tab order and hidden from screen readers; bots fill it.
    const honeypot = el("input", { name: HONEYPOT_FIELD, tabindex: "-1", autocomplete: "off" });
    form.append(el("div", { class: "hp", "aria-hidden": "true" }, [el("label", { text: "Website" }, [honeypot])]));

    this.inputs = inputs;
    this.dropCaptcha();
    if (config.siteKey) this.renderCaptcha(form, config.siteKey);

    this.message = el("div");
    this.submit = el("button", { type: "submit", text: JOIN });
    form.append(this.message, this.submit);
    if (config.branding) form.append(poweredBy());

    form.onsubmit = (event) => {
      event.preventDefault();
      if (this.submit.disabled) return;
      const email = (inputs.email?.value ?? "").trim();
      const invalid = emailProblem(email);
      if (invalid) return this.showProblem(invalid);
      if (config.siteKey && !this.token) return this.showProblem({ message: SIGNUP_MESSAGES.captcha_pending });
      const checked = questions.check();
      if (!checked.ok) return this.showProblem({ field: checked.field as FormProblem["field"], message: checked.message });
      const body: Record<string, unknown> = { email, [HONEYPOT_FIELD]: honeypot.value };
      if (this.questionList.length > 0) body.answers = checked.answers;
      for (const f of OPTIONAL_FIELDS) {
        const value = inputs[f.id]?.value.trim();
        if (value) body[f.id] = value;
      }
      // The host page's own ?ref= (a friend's share link points at this page) credits the referrer.
      const ref = refCodeFrom(new URLSearchParams(location.search).get("ref"));
      if (ref) body.ref = ref;
      if (this.token) body.turnstile = this.token;
      void this.send(body);
    };
    this.box.replaceChildren(form);
  }

  private renderCaptcha(form: HTMLFormElement, sitekey: string): void {
    // Turnstile's iframe needs a light-DOM home: it renders into our light DOM, slotted into the shadow root.
    const container = el("div", { slot: "captcha" });
    this.replaceChildren(container);
    form.append(el("slot", { name: "captcha" }));
    loadTurnstile().then(
      (api) => {
        this.widget = api.render(container, {
          sitekey,
          action: TURNSTILE_ACTIONS.embed,
          size: "flexible",
          theme: this.theme.captcha,
          callback: (token) => (this.token = token),
          "expired-callback": () => (this.token = null),
          "error-callback": () => (this.token = null),
        });
      },
      () => this.showProblem({ message: SIGNUP_MESSAGES.captcha_unavailable, retry: true }, () => this.showForm()),
    );
  }

  private showProblem(problem: FormProblem, retry?: () => void): void {
    this.box.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
    const input = problem.field && (this.inputs[problem.field] ?? this.questions?.input(problem.field));
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
      this.message.replaceChildren(el("p", { class: "fe", role: "alert", text: problem.message }));
    } else {
      this.message.replaceChildren(alertBox(problem.message, problem.retry ? retry : undefined));
    }
  }

  private async send(body: Record<string, unknown>): Promise<void> {
    this.submit.disabled = true;
    this.submit.textContent = "Joining…";
    const answer = await postSignup(API_ORIGIN, this.slug, body);
    this.submit.disabled = false;
    this.submit.textContent = JOIN;
    if (answer.ok) {
      // saveSignup keeps the public fields only; the status token lives in this view and nowhere else.
      saveSignup(this.slug, answer.signup);
      return this.showSignup(answer.signup, true);
    }
    const { problem } = answer;
    if (problem.resetCaptcha && this.widget !== undefined) {
      this.token = null;
      turnstileApi()?.reset(this.widget);
    }
    if (problem.state) return this.halt(problem.message);
    this.showProblem(problem, () => void this.send(body));
  }

  private showSignup(signup: SignupView, fresh: boolean): void {
    const view = successView({
      slug: this.slug,
      signup,
      fresh,
      shareUrl: this.shareUrl(signup.refCode),
      branding: this.config?.branding === true,
      onReset: () => {
        saveSignup(this.slug, null);
        this.showForm();
      },
    });
    this.dropCaptcha();
    this.box.replaceChildren(...view.nodes);
    if (fresh) view.heading.focus();
  }

  /** The share link: this page by default, so a friend's visit carries ?ref= into this form. */
  private shareUrl(refCode: string): string {
    const base = this.getAttribute("share-url") ?? "";
    const hosted = new URL(`${API_ORIGIN}/w/${encodeURIComponent(this.slug)}`);
    let url = hosted;
    try {
      if (base !== "hosted") url = new URL(base || location.origin + location.pathname, location.href);
    } catch {
      // Not a URL: the waitlist's own page still works as a share link.
    }
    if (!/^https?:$/.test(url.protocol)) url = hosted;
    url.searchParams.set("ref", refCode);
    return url.href;
  }
}

function alertBox(message: string, retry?: () => void): HTMLDivElement {
  const box = el("div", { class: "e", role: "alert" }, [el("p", { text: message })]);
  if (retry) {
    const again = el("button", { type: "button", text: "Try again" });
    again.onclick = retry;
    box.append(again);
  }
  return box;
}
