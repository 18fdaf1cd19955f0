/**
 * Icons for component kinds, keyed by KindDef.icon (24×24 stroke paths, after
 * the Lucide style). Unknown icons fall back to a generic box so a new kind
 * needs no UI change.
 */
import { svg, type SVGTemplateResult } from 'lit';

const paths: Record<string, SVGTemplateResult> = {
  client: svg`<rect x="3" y="4" width="18" height="12" rx="2"/><path d="M8 20h8M12 16v4"/>`,
  service: svg`<rect x="4" y="3" width="16" height="7" rx="1.5"/><rect x="4" y="14" width="16" height="7" rx="1.5"/><path d="M8 6.5h.01M8 17.5h.01"/>`,
  'load-balancer': svg`<circle cx="5" cy="12" r="2"/><circle cx="19" cy="5" r="2"/><circle cx="19" cy="12" r="2"/><circle cx="19" cy="19" r="2"/><path d="M7 12h10M7 11l10-6M7 13l10 6"/>`,
  cache: svg`<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>`,
  database: svg`<ellipse cx="12" cy="5" rx="8" ry="3"/><path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"/>`,
  queue: svg`<rect x="2" y="7" width="20" height="10" rx="2"/><path d="M7 7v10M12 7v10M17 7v10"/>`,
  pubsub: svg`<circle cx="12" cy="12" r="2"/><path d="M16.2 7.8a6 6 0 0 1 0 8.4M7.8 16.2a6 6 0 0 1 0-8.4M19 5a10 10 0 0 1 0 14M5 19A10 10 0 0 1 5 5"/>`,
  gateway: svg`<path d="M3 21V8l9-5 9 5v13"/><path d="M8 21v-7h8v7"/>`,
  cdn: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>`,
  dns: svg`<path d="M4 6h16M4 12h16M4 18h10"/><circle cx="19" cy="18" r="2"/>`,
  function: svg`<path d="M9 20c3 0 3-16 6-16M7 11h8"/>`,
  'rate-limiter': svg`<path d="M12 3a9 9 0 1 0 9 9"/><path d="M12 12l5-5"/><circle cx="12" cy="12" r="1"/>`,
};
paths.serverless = paths.function;
paths['api-gateway'] = paths.gateway;
paths.db = paths.database;

const fallback = svg`<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M9 12h6M12 9v6"/>`;

/** An icon's inner SVG (draw inside a 24×24 viewBox with stroke="currentColor"). */
export const iconPaths = (icon: string): SVGTemplateResult => paths[icon] ?? fallback;

const ui: Record<string, SVGTemplateResult> = {
  /** Requests travelling a link: the animation toggle. */
  animate: svg`<path d="M3 12h18"/><circle cx="7" cy="12" r="1.8"/><circle cx="13" cy="12" r="1.8"/><path d="m18 9 3 3-3 3"/>`,
  /** The start view's list of scenarios. */
  scenarios: svg`<rect x="3" y="4" width="7" height="7" rx="1.5"/><rect x="14" y="4" width="7" height="7" rx="1.5"/><rect x="3" y="14" width="7" height="7" rx="1.5"/><rect x="14" y="14" width="7" height="7" rx="1.5"/>`,
  'theme-auto': svg`<circle cx="12" cy="12" r="8"/><path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor"/>`,
  'theme-light': svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>`,
  'theme-dark': svg`<path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z"/>`,
};

/** An icon of the app's own buttons (24×24 stroke paths, drawn like the kind icons); the generic box for an unknown name. */
export const uiIcon = (name: string): SVGTemplateResult => ui[name] ?? fallback;
