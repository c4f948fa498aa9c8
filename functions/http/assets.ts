/**
 * The web app's only stylesheet and script, served by the app itself (no third-party requests).
 * The stylesheet is also inlined into the emailed-link pages of the API so both look alike.
 */

/** Colours chosen for at least 4.5:1 contrast against their backgrounds (WCAG AA). */
export const STYLESHEET = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#d5dae1;--bg:#f5f6f8;--card:#fff;--brand:#1f4e8c;--brand-ink:#fff;--due:#8a4b00;--due-bg:#fff4e0;--late:#a11d1d;--late-bg:#fdeaea;--ok:#1d6b3a;--ok-bg:#e6f4ea;--info-bg:#e8f0fb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}

.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5em 1em;z-index:2}
.skip:focus{left:.5em}
header.top{background:var(--brand);color:var(--brand-ink)}
header.top .bar{max-width:52rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem}
header.top .brand{color:var(--brand-ink);font-weight:700;font-size:1.15rem;text-decoration:none;margin-right:auto}
header.top nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;align-items:center}
header.top nav a{color:var(--brand-ink);text-decoration:none;padding:.25rem .1rem;border-bottom:2px solid transparent}
header.top nav a[aria-current=page]{border-bottom-color:var(--brand-ink);font-weight:600}
header.top nav form{margin:0}
header.top nav button{background:none;border:1px solid rgba(255,255,255,.7);color:var(--brand-ink);padding:.2rem .7rem;font-size:.95rem}
main{max-width:52rem;margin:0 auto;padding:1.2rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0 1rem}
h1 .meta{font-size:1rem;font-weight:400}
h2{font-size:1.25rem;margin:1.6rem 0 .6rem}
h3{font-size:1.08rem;margin:0 0 .3rem}
p{margin:.5rem 0}
.lead{color:var(--muted);margin-top:-.4rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:0 0 1rem}
.card > :first-child,.card > header :first-child{margin-top:0}
.card > :last-child{margin-bottom:0}
.card header h2{margin:0}
.card header{display:flex;flex-wrap:wrap;gap:.2rem 1rem;align-items:baseline;justify-content:space-between;margin-bottom:.4rem}
.meta{color:var(--muted);font-size:.92rem}
.action{border-top:1px solid var(--line);padding-top:.8rem;margin-top:.8rem}
.action:first-of-type{border-top:0;padding-top:0}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.05rem .5rem;border-radius:99px;background:var(--info-bg);color:var(--brand);vertical-align:middle}
.badge.due{background:var(--due-bg);color:var(--due)}
.badge.late{background:var(--late-bg);color:var(--late)}
.badge.ok{background:var(--ok-bg);color:var(--ok)}
.draft{background:#f8f9fb;border:1px solid var(--line);border-radius:8px;padding:.7rem .8rem;margin:.6rem 0}
.draft .subject{font-weight:600;margin:0 0 .4rem}
.draft pre{white-space:pre-wrap;word-wrap:break-word;font:inherit;margin:0}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.6rem 0}
.row form{margin:0}
button,.button{display:inline-block;font:inherit;font-size:.97rem;line-height:1.2;padding:.55rem 1rem;border-radius:7px;border:1px solid var(--brand);background:var(--brand);color:var(--brand-ink);cursor:pointer;text-decoration:none;min-height:2.5rem}
button.secondary,.button.secondary{background:var(--card);color:var(--brand)}
button.danger{background:var(--late);border-color:var(--late);color:#fff}
button.link{background:none;border:0;color:var(--brand);text-decoration:underline;padding:.2rem;min-height:0}
form.stack{display:grid;gap:.9rem;max-width:40rem}
form.replied{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.6rem 0}
form.replied input{width:auto}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem .8rem;margin:0}
legend{font-weight:600;padding:0 .3rem}
label{display:block;font-weight:600;margin-bottom:.2rem}
label.inline{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
label.inline input{margin-top:.35rem}
.hint{display:block;color:var(--muted);font-size:.9rem;font-weight:400;margin-top:.15rem}
input[type=text],input[type=email],input[type=date],input[type=time],input[type=url],select,textarea{width:100%;font:inherit;padding:.5rem .6rem;border:1px solid #8a94a3;border-radius:6px;background:#fff;color:var(--ink)}
textarea{min-height:5rem}
.two{display:grid;gap:.9rem;grid-template-columns:1fr 1fr}
.two > div{display:flex;flex-direction:column;justify-content:flex-end}
@media (max-width:34rem){.two{grid-template-columns:1fr}h1{font-size:1.4rem}}
.notice{border-radius:8px;padding:.7rem .9rem;margin:0 0 1rem;background:var(--ok-bg);color:var(--ok);border:1px solid #b7dcc3}
.notice.error{background:var(--late-bg);color:var(--late);border-color:#f0bcbc}
.notice ul{margin:.3rem 0 0;padding-left:1.2rem}
.empty{text-align:center;padding:2rem 1rem}
.news .headline{font-size:1.05rem;font-weight:600;margin:.1rem 0 .5rem}
.news .no-note{font-style:italic}
table{border-collapse:collapse;width:100%}
ul.sources{list-style:none;padding:0;margin:0 0 .3rem}ul.sources li{padding:.1rem 0}
.source-failing,.source-paused,.source-gone{color:var(--late)}
th,td{text-align:left;padding:.45rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
td:first-child{overflow-wrap:anywhere}
ol.timeline{list-style:none;padding:0;margin:.4rem 0}
ol.timeline li{padding:.15rem 0}
ol.timeline .mark{display:inline-block;width:1.4em;font-weight:700}
.done .mark{color:var(--ok)}.due .mark{color:var(--due)}.overdue .mark{color:var(--late)}.upcoming .mark,.passed .mark,.unknown .mark{color:var(--muted)}
details summary{cursor:pointer;color:var(--brand);font-weight:600}
code,.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
.secret{display:block;background:#f8f9fb;border:1px solid var(--line);padding:.7rem;border-radius:6px;white-space:pre-wrap;word-break:break-all}
footer.foot{max-width:52rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.88rem}
`.trim();

/**
 * Progressive enhancement only; every page works without it:
 * copy buttons (`data-copy="<element id>"`) and picking the browser's own time zone in a
 * select marked `data-detect-zone` when the person has not chosen one.
 */
export const SCRIPT = `
(function(){
  document.querySelectorAll('[data-copy]').forEach(function(button){
    button.hidden = false;
    button.addEventListener('click', function(){
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      var text = source.innerText;
      var done = function(){ var label = button.textContent; button.textContent = 'Copied'; setTimeout(function(){ button.textContent = label; }, 1600); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function(){ fallback(source); done(); });
      } else { fallback(source); done(); }
    });
  });
  function fallback(source){
    var range = document.createRange(); range.selectNodeContents(source);
    var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
    try { document.execCommand('copy'); } catch (e) {}
  }
  document.querySelectorAll('select[data-detect-zone]').forEach(function(select){
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      // Browsers may report a zone's former name (Asia/Calcutta): the option lists it in data-also.
      var option = zone && (select.querySelector('option[value="' + zone + '"]') || select.querySelector('option[data-also~="' + zone + '"]'));
      if (option) select.value = option.value;
    } catch (e) {}
  });
})();
`.trim();
