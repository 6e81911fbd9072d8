/*!
 * WaitForge embed: put a waitlist's signup form on any page.
 *
 *   <script src="https://<host>/embed.js" data-waitlist="your-slug" async></script>
 *
 * or place <waitforge-waitlist waitlist="your-slug"></waitforge-waitlist> yourself and load the script once.
 * Options (on the script tag as data-*, or on the element without the prefix):
 *   data-target=".selector"  render into that element instead of next to the script tag
 *   data-share-url="…"       base of the share link (default: this page, so a friend's visit here carries
 *                            ?ref= into the form); "hosted" uses the waitlist's page on WaitForge
 *
 * Hand-written, framework-free JavaScript served as is (no build step): a custom element with Shadow DOM so
 * the host page's CSS can't break it and ours can't leak. Owner text only ever goes into textContent and
 * validated CSS variables. Budget: 12 kB gzipped (scripts/check-bundle-budget.ts).
 */
(function () {
  "use strict";
  var TAG = "waitforge-waitlist";
  // currentScript is null when a loader runs us as a callback; then find our tag by its src.
  var script = document.currentScript || document.querySelector('script[src*="/embed.js"][data-waitlist]');
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var SLUG = /^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/;
  var REF = /^[A-HJ-NP-Z2-9]{8}$/;
  var SANS = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var FONTS = {
    system: SANS,
    serif: 'ui-serif, Georgia, Cambria, "Times New Roman", serif',
    mono: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    rounded: 'ui-rounded, "SF Pro Rounded", Nunito, ' + SANS,
    inter: "Inter, " + SANS,
    "space-grotesk": '"Space Grotesk", ' + SANS,
    fraunces: "Fraunces, ui-serif, Georgia, serif",
  };
  var RADII = { none: ["0px", "0px"], soft: ["10px", "16px"], round: ["999px", "22px"] };
  var FIELDS = [
    ["name", "Name", "name", "Ada Lovelace"],
    ["company", "Company", "organization", "Analytical Engines"],
    ["twitter", "X / Twitter", "off", "@handle"],
  ];
  var MESSAGES = {
    invalid_email: "Enter a valid email address, like alice@example.com.",
    honeypot_triggered: "This signup looked automated, so it wasn't sent. Reload the page and try again.",
    turnstile_failed: "The human check failed or expired. Please complete it again, then press the button.",
    waitlist_full: "This waitlist is full, so it isn't taking new signups.",
    waitlist_closed: "This waitlist isn't taking signups right now.",
    rate_limited: "Too many signups from your network just now. Wait a minute, then try again.",
    not_found: "This waitlist no longer exists.",
    network: "We couldn't reach the server. Check your connection and try again.",
    server: "Something went wrong on our side and your signup wasn't saved. Please try again.",
    captcha_load: "The human check couldn't load. Check your connection or content blocker, then try again.",
    captcha_wait: "One moment: the human check is still running. Try again in a second.",
  };
  var RETRY = { rate_limited: 1, network: 1, server: 1, captcha_load: 1 };

  var CSS =
    // The host page's rules beat :host ones (and reach the host element), so the reset sits on our own wrapper.
    ":host{display:block;max-width:480px}" +
    ".w{all:initial;display:block;font-family:var(--wf-font);color:var(--wf-text);font-size:16px;line-height:1.5;" +
    "--wf-line:color-mix(in srgb,var(--wf-text) 14%,var(--wf-bg));--wf-muted:color-mix(in srgb,var(--wf-text) 68%,var(--wf-bg));" +
    "--wf-tint:color-mix(in srgb,var(--wf-primary) 14%,var(--wf-bg))}" +
    ":host([hidden]){display:none}*{box-sizing:border-box;font:inherit;margin:0}" +
    ".g{display:grid;gap:14px}.c{background:color-mix(in srgb,var(--wf-text) 3%,var(--wf-bg));border:1px solid var(--wf-line);border-radius:var(--wf-rc);padding:20px;display:grid;gap:14px}" +
    "label{display:grid;gap:6px;font-size:14px;font-weight:500}.o{color:var(--wf-muted);font-weight:400}" +
    "input{height:44px;width:100%;padding:0 14px;border:1px solid var(--wf-line);border-radius:var(--wf-r);background:var(--wf-bg);color:var(--wf-text);font-size:16px}" +
    "input:focus{outline:none;border-color:var(--wf-primary);box-shadow:0 0 0 3px var(--wf-tint)}" +
    "input[aria-invalid=true]{border-color:#dc2626}" +
    "button{cursor:pointer;border:0;border-radius:var(--wf-r);height:44px;padding:0 18px;font-weight:600;background:var(--wf-primary);color:var(--wf-on)}" +
    "button:focus-visible,a:focus-visible{outline:2px solid var(--wf-primary);outline-offset:2px}button:disabled{opacity:.7;cursor:progress}" +
    "button.s{background:var(--wf-bg);color:var(--wf-text);border:1px solid var(--wf-line);height:40px;font-weight:500}" +
    ".e{border:1px solid #fca5a5;background:#fef2f2;color:#991b1b;border-radius:var(--wf-r);padding:10px 14px;font-size:14px;display:grid;gap:8px;justify-items:start}" +
    ".e button{height:32px;background:#fff;color:#991b1b;border:1px solid #fca5a5}.fe{color:#dc2626;font-size:14px;font-weight:500}" +
    ".hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}" +
    ".t{text-align:center}.n{font-size:56px;font-weight:700;line-height:1.05;color:var(--wf-primary);letter-spacing:-.02em}" +
    ".m{color:var(--wf-muted);font-size:13px}.r{display:flex;gap:8px}.r button{height:auto}.r input{font-family:ui-monospace,monospace;font-size:13px}" +
    "a{color:var(--wf-primary)}.p{font-size:12px;text-align:center}.p a{color:var(--wf-muted);text-decoration:none}";

  function el(tag, props, children) {
    var node = document.createElement(tag);
    for (var k in props || {}) {
      if (k === "text") node.textContent = props[k];
      else if (k === "class") node.className = props[k];
      else node.setAttribute(k, props[k]);
    }
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }

  function luminance(hex) {
    var h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, "$&$&") : hex;
    return [1, 3, 5].reduce(function (sum, i, j) {
      var c = parseInt(h.slice(i, i + 2), 16) / 255;
      c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      return sum + c * [0.2126, 0.7152, 0.0722][j];
    }, 0);
  }

  var turnstileLoading;
  function loadTurnstile() {
    if (window.turnstile) return Promise.resolve(window.turnstile);
    turnstileLoading =
      turnstileLoading ||
      new Promise(function (resolve, reject) {
        var done = function () {
          if (window.turnstile) resolve(window.turnstile);
        };
        window.__waitforgeTurnstile = done;
        var s = el("script", {
          src: "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit&onload=__waitforgeTurnstile",
        });
        s.async = true;
        s.onload = done;
        s.onerror = function () {
          turnstileLoading = null;
          s.remove();
          reject(new Error("turnstile"));
        };
        document.head.appendChild(s);
      });
    return turnstileLoading;
  }

  function storageKey(slug) {
    return "waitforge:signup:" + slug;
  }
  function loadSaved(slug) {
    try {
      var v = JSON.parse(localStorage.getItem(storageKey(slug)) || "null");
      return v && typeof v.refCode === "string" ? v : null;
    } catch (_) {
      return null;
    }
  }

  class WaitforgeWaitlist extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.slug = (this.getAttribute("waitlist") || "").toLowerCase();
      var root = this.attachShadow({ mode: "open" });
      root.appendChild(el("style", { text: CSS }));
      this.box = el("div", { class: "c" }, [el("p", { class: "m", text: "Loading…" })]);
      root.appendChild(el("div", { class: "w" }, [this.box]));
      if (!SLUG.test(this.slug)) return this.halt("This embed has no valid data-waitlist.");
      this.load();
    }

    load() {
      fetch(ORIGIN + "/api/public/" + this.slug + "/config")
        .then((r) => {
          if (r.status === 404) return this.halt("There is no waitlist called “" + this.slug + "”. Check data-waitlist.");
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then((cfg) => {
          if (!cfg) return;
          this.cfg = cfg;
          this.theme(cfg.theme || {});
          var saved = loadSaved(this.slug);
          if (saved) this.done(saved);
          else this.form();
        })
        .catch(() => {
          this.halt(MESSAGES.network, () => {
            this.load();
          });
        });
    }

    theme(t) {
      var color = (v, d) => {
        return HEX.test(v) ? v : d;
      };
      var primary = color(t.primary, "#4f46e5");
      var radius = RADII[t.radius] || RADII.soft;
      var vars = {
        "--wf-primary": primary,
        "--wf-bg": color(t.bg, "#ffffff"),
        "--wf-text": color(t.text, "#0f172a"),
        "--wf-on": luminance(primary) > 0.179 ? "#0b0b0f" : "#ffffff",
        "--wf-font": FONTS[t.font] || SANS,
        "--wf-r": radius[0],
        "--wf-rc": radius[1],
      };
      for (var k in vars) this.style.setProperty(k, vars[k]);
    }

    clear(children) {
      this.box.replaceChildren.apply(this.box, children.filter(Boolean));
    }

    /** Nothing else can be shown (no config): the message is the whole view. */
    halt(message, retry) {
      this.clear([this.fail(message, retry)]);
    }

    fail(message, retry) {
      var e = el("div", { class: "e", role: "alert" }, [el("p", { text: message })]);
      if (retry) {
        var b = e.appendChild(el("button", { type: "button", text: "Try again" }));
        b.onclick = retry;
      }
      return e;
    }

    form() {
      var cfg = this.cfg;
      var inputs = {};
      var field = (id, label, type, auto, placeholder, optional) => {
        var input = el("input", { name: id, type: type, autocomplete: auto, placeholder: placeholder, maxlength: id === "email" ? "254" : "120" });
        inputs[id] = input;
        var lbl = el("label", {}, [el("span", { text: label }, [optional ? el("span", { class: "o", text: " (optional)" }) : null]), input]);
        return lbl;
      };
      var f = el("form", { class: "g", novalidate: "", "aria-label": "Join the " + (cfg.title || "") + " waitlist" });
      f.appendChild(field("email", "Email", "email", "email", "you@example.com"));
      FIELDS.forEach((d) => {
        if (cfg.fields && cfg.fields[d[0]]) f.appendChild(field(d[0], d[1], "text", d[2], d[3], true));
      });
      var hp = el("div", { class: "hp", "aria-hidden": "true" }, [
        el("label", { text: "Website" }, [el("input", { name: "website", tabindex: "-1", autocomplete: "off" })]),
      ]);
      f.appendChild(hp);
      this.token = null;
      if (cfg.turnstile_site_key) {
        // Turnstile renders into light DOM slotted into our shadow root: its iframe needs a light-DOM home.
        var slot = el("div", { slot: "captcha" });
        this.replaceChildren(slot);
        f.appendChild(el("slot", { name: "captcha" }));
        loadTurnstile().then(
          (ts) => {
            this.widget = ts.render(slot, {
              sitekey: cfg.turnstile_site_key,
              size: "flexible",
              action: "embed",
              theme: luminance(this.style.getPropertyValue("--wf-bg")) < 0.35 ? "dark" : "light",
              callback: (token) => {
                this.token = token;
              },
              "expired-callback": () => {
                this.token = null;
              },
              "error-callback": () => {
                this.token = null;
              },
            });
          },
          () => {
            this.show(MESSAGES.captcha_load, null, () => {
              this.form();
            });
          },
        );
      }
      this.msg = f.appendChild(el("div"));
      var submit = f.appendChild(el("button", { type: "submit", text: "Join the waitlist" }));
      this.submit = submit;
      if (cfg.branding) f.appendChild(this.powered());
      f.onsubmit = (ev) => {
        ev.preventDefault();
        var email = inputs.email.value.trim();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this.show(MESSAGES.invalid_email, inputs.email);
        if (cfg.turnstile_site_key && !this.token) return this.show(MESSAGES.captcha_wait);
        var body = { email: email, website: hp.querySelector("input").value };
        FIELDS.forEach((d) => {
          var v = inputs[d[0]] && inputs[d[0]].value.trim();
          if (v) body[d[0]] = v;
        });
        var ref = new URLSearchParams(location.search).get("ref");
        if (ref && REF.test(ref.toUpperCase())) body.ref = ref.toUpperCase();
        if (this.token) body.turnstile = this.token;
        this.send(body, inputs);
      };
      this.clear([f]);
    }

    show(message, input, retry) {
      this.box.querySelectorAll("[aria-invalid]").forEach((i) => {
        i.removeAttribute("aria-invalid");
      });
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
        this.msg.replaceChildren(el("p", { class: "fe", role: "alert", text: message }));
      } else this.msg.replaceChildren(this.fail(message, retry));
    }

    send(body, inputs) {
      this.submit.disabled = true;
      this.submit.textContent = "Joining…";
      var settle = () => {
        this.submit.disabled = false;
        this.submit.textContent = "Join the waitlist";
      };
      var again = () => {
        this.send(body, inputs);
      };
      fetch(ORIGIN + "/api/public/" + this.slug + "/signup", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }).then(
        (res) => {
          return res.json().then(
            (json) => {
              return [res, json];
            },
            () => {
              return [res, null];
            },
          );
        },
        () => {
          settle();
          this.show(MESSAGES.network, null, again);
        },
      ).then((pair) => {
        if (!pair) return;
        settle();
        var json = pair[1] || {};
        if (json.ok) {
          var saved = {
            position: typeof json.position === "number" ? json.position : null,
            refCode: json.ref_code,
            statusToken: json.status_token,
            duplicate: json.duplicate === true,
          };
          try {
            localStorage.setItem(storageKey(this.slug), JSON.stringify(saved));
          } catch (_) {
            /* storage blocked: the view just won't survive a reload */
          }
          return this.done(saved, true);
        }
        var code = (json.error && json.error.code) || "server";
        if (code === "turnstile_failed" && window.turnstile && this.widget) {
          this.token = null;
          window.turnstile.reset(this.widget);
        }
        if (code === "invalid_email" || (code === "invalid_input" && inputs[json.error.field])) {
          return this.show((json.error && json.error.message) || MESSAGES.invalid_email, inputs[json.error.field || "email"]);
        }
        var key = MESSAGES[code] ? code : "server";
        this.show(MESSAGES[key], null, RETRY[key] ? again : null);
      });
    }

    shareUrl(refCode) {
      var base = this.getAttribute("share-url") || "";
      var hosted = ORIGIN + "/w/" + this.slug;
      var url = new URL(base === "hosted" ? hosted : base || location.origin + location.pathname, location.href);
      if (!/^https?:$/.test(url.protocol)) url = new URL(hosted);
      url.searchParams.set("ref", refCode);
      return url.href;
    }

    done(s, fresh) {
      var url = this.shareUrl(s.refCode);
      this.replaceChildren();
      var input = el("input", { readonly: "", value: url, "aria-label": "Your share link" });
      var copy = el("button", { type: "button", class: "s", text: "Copy" });
      copy.onclick = () => {
        input.select();
        var ok = () => {
          copy.textContent = "Copied";
        };
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(ok, () => {});
        else if (document.execCommand("copy")) ok();
      };
      var heading = el("h2", { tabindex: "-1", text: s.duplicate ? "You're already in" : "You're on the list!" });
      heading.style.cssText = "font-size:18px;font-weight:600;outline:none";
      var children = [
        el("div", { class: "t" }, [
          heading,
          s.position !== null ? el("p", { class: "n", "data-position": String(s.position), text: "#" + s.position.toLocaleString("en-US") }) : null,
          el("p", { class: "m", text: "Every friend who joins with your link moves you up the line." }),
        ]),
        el("div", { class: "r" }, [input, copy]),
      ];
      if (s.statusToken) {
        var a = el("a", {
          href: ORIGIN + "/w/" + this.slug + "/status/" + encodeURIComponent(s.statusToken),
          target: "_blank",
          rel: "noopener noreferrer",
          text: "Your private status page",
        });
        children.push(el("p", { class: "m" }, [a, document.createTextNode(" shows your live place. Keep it to yourself.")]));
      }
      if (this.cfg && this.cfg.branding) {
        children.push(this.powered());
      }
      this.clear(children);
      if (fresh) heading.focus();
    }

    powered() {
      return el("p", { class: "p" }, [
        el("a", { href: ORIGIN + "/?utm_source=embed", target: "_blank", rel: "noopener", text: "Powered by WaitForge" }),
      ]);
    }
  }

  if (!customElements.get(TAG)) customElements.define(TAG, WaitforgeWaitlist);

  // The one-line form: <script src=".../embed.js" data-waitlist="slug">.
  if (script && script.dataset.waitlist) {
    var node = document.createElement(TAG);
    node.setAttribute("waitlist", script.dataset.waitlist);
    if (script.dataset.shareUrl) node.setAttribute("share-url", script.dataset.shareUrl);
    var place = function () {
      var target = script.dataset.target && document.querySelector(script.dataset.target);
      if (target) target.appendChild(node);
      else if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(node, script.nextSibling);
      else document.body.appendChild(node);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", place);
    else place();
  }
})();
