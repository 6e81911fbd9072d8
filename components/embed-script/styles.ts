// The embed's whole stylesheet, inside its shadow root. Colours, font and radii come only from the --wf-*
// variables theme.ts sets from validated values.

export const CSS =
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
  "button.l{background:none;color:var(--wf-muted);height:auto;padding:0;font-weight:400;font-size:13px;text-decoration:underline;justify-self:center}" +
  ".e{border:1px solid #fca5a5;background:#fef2f2;color:#991b1b;border-radius:var(--wf-r);padding:10px 14px;font-size:14px;display:grid;gap:8px;justify-items:start}" +
  ".e button{height:32px;background:#fff;color:#991b1b;border:1px solid #fca5a5}.fe{color:#dc2626;font-size:14px;font-weight:500}" +
  ".hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}" +
  ".t{text-align:center}.n{font-size:56px;font-weight:700;line-height:1.05;color:var(--wf-primary);letter-spacing:-.02em}" +
  ".m{color:var(--wf-muted);font-size:13px}.r{display:flex;gap:8px}.r button{height:auto}.r input{font-family:ui-monospace,monospace;font-size:13px}" +
  "h2{font-size:18px;font-weight:600;outline:none}" +
  "a{color:var(--wf-primary)}.p{font-size:12px;text-align:center}.p a{color:var(--wf-muted);text-decoration:none}";
