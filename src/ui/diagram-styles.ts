/** Styles of <archsim-diagram>. */
import { css } from 'lit';

export const diagramStyles = css`
  :host { display: block; position: relative; min-width: 0; min-height: 0; }
  /* a compositing layer of its own: a run's badges repaint the diagram, not the page */
  .wrap { position: absolute; inset: 0; will-change: transform; background: var(--canvas); background-image: radial-gradient(var(--dot) 1px, transparent 1px); background-size: 20px 20px; }
  svg.canvas { width: 100%; height: 100%; display: block; outline: none; cursor: grab; }
  svg.canvas:active { cursor: grabbing; }
  .connecting svg.canvas { cursor: crosshair; }
  g.node { cursor: pointer; outline: none; }
  g.node .box { fill: var(--surface); stroke: var(--line-strong); stroke-width: 1.25; filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.12)); }
  g.node .stack { fill: var(--surface-2); stroke: var(--line-strong); stroke-width: 1; }
  /* a variant's marks come before hover, selection and load colours, which win over them (the tag stays) */
  g.node.added .box, g.node.changed .box { stroke: var(--diff); stroke-width: 2.5; }
  g.node:hover .box { stroke: var(--accent); }
  g.node.selected .box { stroke: var(--accent); stroke-width: 2.5; }
  /* the keyboard focus ring sits outside the box, dashed in the text colour: never one of the load colours (green, amber, red) the border wears */
  g.node .ring { fill: none; stroke: none; }
  g.node:focus-visible .ring { stroke: var(--text); stroke-width: 2; stroke-dasharray: 6 3; }
  g.node.source .box { stroke: var(--accent); stroke-dasharray: 5 3; stroke-width: 2.5; }
  g.node.warm .box { stroke: var(--warm); stroke-width: 2; }
  g.node.hot .box { stroke: var(--hot); stroke-width: 2.5; }
  g.node .icon { fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
  g.node .label { font: 600 13px var(--font); fill: var(--text); }
  g.node .kind { font: 11px var(--font); fill: var(--muted); }
  .cat { fill: var(--muted); }
  .cat.traffic { fill: #0072B2; } .cat.edge { fill: #56B4E9; } .cat.compute { fill: #009E73; } .cat.data { fill: #E69F00; } .cat.async { fill: #CC79A7; }
  g.count rect { fill: var(--accent); }
  g.count text { font: 600 10px var(--font); fill: var(--on-accent); }
  g.badge rect { fill: var(--surface-2); stroke: var(--line); }
  g.badge text { font: 600 10px var(--mono); fill: var(--text); }
  g.badge.ok rect { fill: var(--ok-bg); stroke: var(--ok); }
  g.badge.warm rect { fill: var(--warm-bg); stroke: var(--warm); }
  g.badge.hot rect { fill: var(--hot-bg); stroke: var(--hot); }
  text.warn { font: 700 11px var(--font); fill: var(--hot); }
  circle.port { fill: var(--surface); stroke: var(--accent); stroke-width: 2; cursor: crosshair; }
  circle.port:hover { fill: var(--accent); }
  g.link { cursor: pointer; outline: none; }
  g.link .hit { stroke: transparent; stroke-width: 14; fill: none; }
  g.link .line { stroke: var(--edge); stroke-width: 1.6; fill: none; }
  g.link.added .line { stroke: var(--diff); stroke-width: 2.2; }
  g.link.changed .line { stroke: var(--diff); stroke-width: 2.2; stroke-dasharray: 7 3; }
  g.link:hover .line, g.link.selected .line { stroke: var(--accent); stroke-width: 2.5; }
  g.link:focus-visible .line { stroke: var(--text); stroke-width: 2.5; stroke-dasharray: 6 3; }
  .arrowhead { fill: var(--edge); }
  text.latency { font: 10px var(--mono); fill: var(--muted); paint-order: stroke; stroke: var(--canvas); stroke-width: 4px; }
  line.ghost { stroke: var(--accent); stroke-width: 2; stroke-dasharray: 6 4; pointer-events: none; }
  /* what a variant adds or changes wears the variant colour (never a load colour); what it removes is a faint dashed outline */
  :host { --diff: #7b4fd6; }
  g.diff-tag rect { fill: var(--diff); }
  g.diff-tag text { font: 600 10px var(--font); fill: #fff; }
  g.link.added text.latency, g.link.changed text.latency { fill: var(--diff); font-weight: 600; }
  g.removed-node { opacity: 0.55; pointer-events: none; }
  g.removed-node .box { fill: none; stroke: var(--muted); stroke-width: 1.25; stroke-dasharray: 5 4; }
  g.removed-node .label { font: 600 13px var(--font); fill: var(--muted); }
  g.removed-node .kind { font: italic 11px var(--font); fill: var(--muted); }
  g.removed-link path { fill: none; stroke: var(--muted); stroke-width: 1.4; stroke-dasharray: 4 4; opacity: 0.6; pointer-events: none; }
  .legend { position: absolute; left: 12px; bottom: 8px; margin: 0; font: 12px var(--font); color: var(--muted); background: color-mix(in srgb, var(--canvas) 88%, transparent); padding: 3px 8px; border-radius: 6px; pointer-events: none; }
  .legend .tag { padding: 1px 6px; border-radius: 8px; font-weight: 600; font-size: 11px; }
  .legend .tag.added, .legend .tag.changed { background: var(--diff); color: #fff; }
  .legend .tag.removed { border: 1px dashed var(--muted); }
  .tools { position: absolute; right: 10px; top: 10px; display: flex; flex-direction: column; gap: 4px; }
  .tools button { width: 30px; height: 30px; border-radius: 7px; border: 1px solid var(--line); background: var(--surface); color: var(--text); font: 16px var(--font); cursor: pointer; box-shadow: 0 1px 2px rgb(0 0 0 / 0.08); }
  .tools button:hover { border-color: var(--accent); color: var(--accent); }
  .tools button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .empty { position: absolute; inset: 0; display: grid; place-items: center; text-align: center; padding: 0 20%; color: var(--muted); font: 14px/1.5 var(--font); pointer-events: none; }
  .hint { position: absolute; left: 50%; top: 10px; transform: translateX(-50%); background: var(--accent); color: var(--on-accent); padding: 6px 12px; border-radius: 999px; font: 12px var(--font); box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
`;
