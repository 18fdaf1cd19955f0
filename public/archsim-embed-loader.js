/*
 * archsim-embed-loader.js: <archsim-embed> for sites that can add only plain
 * <script src="…"> tags (MkDocs 1.4's extra_javascript, many CMSs). This
 * classic script loads the archsim-embed.js module that sits beside it,
 * wherever this file was served from (a copy on the site, or a CDN).
 */
(() => {
  const script = new URL('archsim-embed.js', document.currentScript.src).href;
  import(script).catch((e) => console.error(`archsim: could not load ${script}: ${e.message}`));
})();
